package vn.sen.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.documents.DemoDocuments;
import vn.sen.documents.IncomingDocuments;
import vn.sen.documents.Routing;
import vn.sen.documents.RoutingViews.InboxRow;
import vn.sen.documents.RoutingViews.InboxView;
import vn.sen.identity.TestLogins;
import vn.sen.search.Search;
import vn.sen.search.SearchFeeds;
import vn.sen.shared.UserScope;

/** Generated documents look like real ones: numbered without gaps, routed, readable, found by search. */
@SpringBootTest
class DemoDocumentsTest {

    @Autowired
    DemoFixture demo;

    @Autowired
    DemoDocuments documents;

    @Autowired
    SearchFeeds feeds;

    @Autowired
    Search search;

    @Autowired
    IncomingDocuments incoming;

    @Autowired
    Routing routing;

    @Autowired
    TestLogins logins;

    @Autowired
    JdbcClient jdbc;

    @Test
    void generated_documents_are_numbered_routed_and_searchable() {
        demo.ensureLoaded();
        List<Long> progress = new ArrayList<>();
        // more documents than units (tests add units of their own), so every unit gets several
        var made = documents.generate(5_000, progress::add);
        assertThat(made.documents()).isEqualTo(5_000);
        assertThat(made.lastId() - made.firstId()).isEqualTo(4_999);
        assertThat(progress).last().isEqualTo(5_000L);
        // about four in five get a lead (which units add coordinators depends on the units the tests made)
        assertThat(made.assignments()).isGreaterThan(3_500);
        assertThat(jdbc.sql("select count(*) from documents.assignment where incoming_id between :from and :to")
                        .param("from", made.firstId())
                        .param("to", made.lastId())
                        .query(Long.class)
                        .single())
                .isEqualTo(made.assignments());

        assertThat(jdbc.sql("""
                        select count(*) from (
                          select register_id, count(*) as n, max(arrival_number) - min(arrival_number) + 1 as span
                          from documents.incoming where id between :from and :to group by register_id) r
                        where n <> span
                        """)
                        .param("from", made.firstId())
                        .param("to", made.lastId())
                        .query(Long.class)
                        .single())
                .as("each register's new numbers follow each other")
                .isZero();
        assertThat(jdbc.sql("""
                        select count(*) from documents.register r
                        where r.last_number < (select coalesce(max(arrival_number), 0) from documents.incoming i
                                               where i.register_id = r.id)
                        """).query(Long.class).single())
                .as("registers continue after the generated numbers")
                .isZero();

        assertThat(feeds.indexIncoming(made.firstId(), made.lastId(), last -> {}))
                .isEqualTo(5_000);
        assertThat(jdbc.sql("select count(*) from search.entry e join documents.incoming i on i.id = e.id"
                                + " where e.kind = 'incoming' and e.id between :from and :to"
                                + " and e.register_id = i.register_id")
                        .param("from", made.firstId())
                        .param("to", made.lastId())
                        .query(Long.class)
                        .single())
                .as("each entry knows its register")
                .isEqualTo(5_000);
        long lead = jdbc.sql("""
                        select officer_id from documents.assignment
                        where incoming_id between :from and :to and role = 'LEAD' and state = 'PENDING'
                        order by incoming_id limit 1
                        """)
                .param("from", made.firstId())
                .param("to", made.lastId())
                .query(Long.class)
                .single();
        UserScope officer = new UserScope(0, "lead-" + lead, lead, List.of());
        // one of the generated documents (the officer may hold others, made by other tests)
        long documentId = routing.inbox(officer, InboxView.PENDING, 0, 200).stream()
                .mapToLong(InboxRow::documentId)
                .filter(id -> id >= made.firstId() && id <= made.lastId())
                .findFirst()
                .orElseThrow();
        var document = incoming.find(officer, documentId).orElseThrow();

        String subjectWithoutDiacritics = vn.sen.shared.VietnameseText.fold(document.subject());
        var hits = search.search(officer, Search.Query.of(subjectWithoutDiacritics), 200);
        assertThat(hits).extracting(Search.Hit::id).contains(documentId);
        var byNumber = search.search(officer, Search.Query.of(document.numberAndNotation()), 200);
        assertThat(byNumber)
                .as(() -> "number " + document.numberAndNotation() + " of " + documentId + ": entry "
                        + jdbc.sql("select number_folded || ' | ' || words || ' | ' || unit_id from search.entry"
                                        + " where kind = 'incoming' and id = :id")
                                .param("id", documentId)
                                .query(String.class)
                                .optional()
                        + ", readers "
                        + jdbc.sql("select officer_id || '/' || coalesce(unit_id, 0) from search.reader"
                                        + " where kind = 'incoming' and id = :id")
                                .param("id", documentId)
                                .query(String.class)
                                .list()
                        + ", officer " + lead)
                .extracting(Search.Hit::id)
                .contains(documentId);

        UserScope stranger = new UserScope(0, "stranger", -1L, List.of());
        assertThat(search.search(stranger, Search.Query.of(subjectWithoutDiacritics), 200))
                .extracting(Search.Hit::id)
                .doesNotContain(documentId);
    }
}
