package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.sen.interchange.ProvinceDecisions.eventually;
import static vn.sen.interchange.ProvinceDecisions.freePort;
import static vn.sen.interchange.ProvinceDecisions.instance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.demo.DemoFixture;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.Urgency;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.shared.RuleViolation;

/**
 * Three Sen installations on loopback, each with its own database: the province's hub, the People's
 * Committee of the province, and a commune. A decision released by the province to the commune goes
 * through the hub into the commune's inbox, and the commune's "arrived" comes back onto the province's
 * document — real HTTP, real signatures of the headers, nothing mocked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeInstancesTest {

    static final String PROVINCE = "000.00.00.H01";
    static final String COMMUNE = "000.01.50.H01";
    static final String OTHER_COMMUNE = "000.01.01.H01";

    static ConfigurableApplicationContext hub;
    static ConfigurableApplicationContext province;
    static ConfigurableApplicationContext commune;

    static int hubPort;

    @BeforeAll
    static void start() {
        hubPort = freePort();
        hub = instance(hubPort, null, null, null);
        String axis = "http://localhost:" + hubPort + "/axis/";
        province = instance(freePort(), axis, "ubnd-an-giang", "secret-of-the-province-1");
        // the commune's operator left out the final slash: the client adds it
        commune =
                instance(freePort(), axis.substring(0, axis.length() - 1), "xa-my-hoa-hung", "secret-of-the-commune-1");
        registerMembers();
    }

    static void registerMembers() {
        Hub members = hub.getBean(Hub.class);
        members.register(
                "ubnd-an-giang", "UBND tỉnh An Giang", "secret-of-the-province-1", List.of(Organ.of(PROVINCE, "")));
        members.register(
                "xa-my-hoa-hung",
                "UBND xã",
                "secret-of-the-commune-1",
                List.of(Organ.of(COMMUNE, ""), Organ.of(OTHER_COMMUNE, "")));
    }

    @AfterAll
    static void stop() {
        for (var context : new ConfigurableApplicationContext[] {commune, province, hub}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    @Order(1)
    void a_decision_goes_from_the_province_through_the_hub_to_the_commune_and_arrived_comes_back() throws Exception {
        province.getBean(DemoFixture.class).ensureLoaded();
        commune.getBean(DemoFixture.class).ensureLoaded();
        long id = released(province, ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        Outbox outbox = province.getBean(Outbox.class);
        eventually(() -> outbox.deliveries(id), d -> !d.isEmpty());

        province.getBean(InterchangeWorker.class).exchange();
        assertThat(outbox.deliveries(id).getFirst().state()).isEqualTo(Outbox.State.SENT);

        commune.getBean(InterchangeWorker.class).exchange();
        JdbcClient communeDb = commune.getBean(JdbcClient.class);
        assertThat(communeDb
                        .sql("select sender, recipient, state, subject from interchange.inbox")
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .list())
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.subList(0, 3)).containsExactly(PROVINCE, COMMUNE, "WAITING");
                    assertThat(row.get(3)).startsWith("Quyết định gửi xã");
                });
        assertThat(communeDb
                        .sql("select state from interchange.status_outbox")
                        .query(String.class)
                        .list())
                .containsExactly("SENT");

        province.getBean(InterchangeWorker.class).exchange();
        var delivered = outbox.deliveries(id).getFirst();
        assertThat(delivered.state()).isEqualTo(Outbox.State.DELIVERED);
        assertThat(delivered.statusCode()).isEqualTo("01");

        commune.getBean(InterchangeWorker.class).exchange();
        assertThat(communeDb
                        .sql("select count(*) from interchange.inbox")
                        .query(Integer.class)
                        .single())
                .as("nothing more arrives: the hub's message was acknowledged")
                .isEqualTo(1);

        // the province recalls it: the commune's copy is recalled, its 15 comes back
        var clerk = ProvinceDecisions.scope(province, "vanthu");
        province.getBean(OutgoingDocuments.class).recall(clerk, id, "Ban hành nhầm");
        eventually(() -> outbox.deliveries(id), d -> d.size() == 2);
        province.getBean(InterchangeWorker.class).exchange();
        commune.getBean(InterchangeWorker.class).exchange();
        assertThat(communeDb
                        .sql("select state from interchange.inbox order by id")
                        .query(String.class)
                        .list())
                .containsExactly("RECALLED", "RECALLED");
        province.getBean(InterchangeWorker.class).exchange();
        assertThat(outbox.deliveries(id))
                .filteredOn(d -> d.type() == Edxml.BusinessType.REVOCATION)
                .singleElement()
                .satisfies(d -> assertThat(d.statusCode()).isEqualTo("15"));
    }

    /**
     * The hub is down when the province sends: the message stays queued with the reason and is retried;
     * once the hub is back it goes through. Sent twice (the province stopped before it recorded the
     * first send), it still arrives once.
     */
    @Test
    @Order(2)
    void a_hub_that_was_down_gets_the_message_later_and_a_message_sent_twice_arrives_once() throws Exception {
        province.getBean(DemoFixture.class).ensureLoaded();
        commune.getBean(DemoFixture.class).ensureLoaded();
        JdbcClient provinceDb = province.getBean(JdbcClient.class);
        JdbcClient communeDb = commune.getBean(JdbcClient.class);
        Outbox outbox = province.getBean(Outbox.class);
        InterchangeWorker provinceWorker = province.getBean(InterchangeWorker.class);
        InterchangeWorker communeWorker = commune.getBean(InterchangeWorker.class);

        hub.close();
        long id = released(province, ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        eventually(() -> outbox.deliveries(id), d -> !d.isEmpty());
        provinceWorker.exchange();
        var waiting = outbox.deliveries(id).getFirst();
        assertThat(waiting.state()).isEqualTo(Outbox.State.QUEUED);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("cannot be reached");

        hub = instance(hubPort, null, null, null);
        registerMembers();
        provinceDb
                .sql("update interchange.outbox set next_attempt_at = now() where id = :id") // a minute later
                .param("id", waiting.id())
                .update();
        provinceWorker.exchange();
        assertThat(outbox.deliveries(id).getFirst().state()).isEqualTo(Outbox.State.SENT);

        // the province stops before it records the send: the message goes again
        provinceDb
                .sql("update interchange.outbox set state = 'QUEUED', next_attempt_at = now() where id = :id")
                .param("id", waiting.id())
                .update();
        provinceWorker.exchange();
        communeWorker.exchange();
        String documentId = provinceDb
                .sql("select document_id from interchange.outbox where id = :id")
                .param("id", waiting.id())
                .query(String.class)
                .single();
        assertThat(communeDb
                        .sql("select count(*) from interchange.inbox where document_id = :d")
                        .param("d", documentId)
                        .query(Integer.class)
                        .single())
                .as("the same document, received twice, is kept once")
                .isEqualTo(1);
        assertThat(communeDb
                        .sql("""
                                select count(*) from interchange.status_outbox s
                                join interchange.inbox i on i.id = s.inbox_id where i.document_id = :d
                                """)
                        .param("d", documentId)
                        .query(Integer.class)
                        .single())
                .as("and answered once")
                .isEqualTo(1);
        provinceWorker.exchange();
        assertThat(outbox.deliveries(id).getFirst().statusCode()).isEqualTo("01");
    }

    /**
     * The province changes the recipients of a released decision: the commune it went to by mistake is
     * removed — its copy is recalled — and the right one added — it receives the document; each answers 15
     * to the update (business type 2), the new one also 01.
     */
    @Test
    @Order(3)
    void a_change_of_recipients_recalls_the_removed_copy_and_delivers_to_the_added_agency() throws Exception {
        province.getBean(DemoFixture.class).ensureLoaded();
        commune.getBean(DemoFixture.class).ensureLoaded();
        Outbox outbox = province.getBean(Outbox.class);
        InterchangeWorker provinceWorker = province.getBean(InterchangeWorker.class);
        InterchangeWorker communeWorker = commune.getBean(InterchangeWorker.class);
        JdbcClient communeDb = commune.getBean(JdbcClient.class);
        long id = released(province, ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        eventually(() -> outbox.deliveries(id), d -> !d.isEmpty());
        provinceWorker.exchange();
        communeWorker.exchange();

        var clerk = ProvinceDecisions.scope(province, "vanthu");
        var documents = province.getBean(OutgoingDocuments.class);
        long mistaken = documents.find(clerk, id).orElseThrow().recipients().stream()
                .filter(r -> COMMUNE.equals(r.code()))
                .findFirst()
                .orElseThrow()
                .id();
        var added = List.of(new ExternalRecipient("UBND phường Long Xuyên", OTHER_COMMUNE));
        var drafter = ProvinceDecisions.scope(province, "chuyenvien");
        assertThatThrownBy(() -> documents.changeRecipients(
                        drafter, id, List.of(), added, List.of(mistaken), "Gửi nhầm nơi nhận"))
                .as("only a clerk of the issuer changes the recipients")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> documents.changeRecipients(clerk, id, List.of(), added, List.of(mistaken), " "))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("documents.error.reason-required");
        assertThatThrownBy(() -> documents.changeRecipients(clerk, id, List.of(), List.of(), List.of(), "Lý do"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("documents.error.no-recipient-change");
        documents.changeRecipients(clerk, id, List.of(), added, List.of(mistaken), "Gửi nhầm nơi nhận");
        var updates = eventually(
                () -> outbox.deliveries(id).stream()
                        .filter(d -> d.type() == Edxml.BusinessType.UPDATE)
                        .toList(),
                d -> d.size() == 2);
        assertThat(updates).extracting(Outbox.Delivery::recipient).containsExactlyInAnyOrder(COMMUNE, OTHER_COMMUNE);

        provinceWorker.exchange();
        communeWorker.exchange();
        String documentId = province.getBean(JdbcClient.class)
                .sql("select document_id from interchange.outbox where outgoing_id = :id and business_type = 0")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(communeDb
                        .sql("""
                                select recipient, state from interchange.inbox
                                where document_id = :d and business_type in (0, 3) order by id
                                """)
                        .param("d", documentId)
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                        .list())
                .containsExactly(COMMUNE + " RECALLED", OTHER_COMMUNE + " WAITING");
        provinceWorker.exchange();
        assertThat(outbox.deliveries(id))
                .filteredOn(d -> d.type() == Edxml.BusinessType.UPDATE)
                .extracting(Outbox.Delivery::statusCode)
                .containsExactly("15", "15");
        communeWorker.exchange();
        assertThat(communeDb
                        .sql("select count(*) from interchange.inbox where document_id = :d")
                        .param("d", documentId)
                        .query(Integer.class)
                        .single())
                .as("the first copy, the two update records and the copy for the added agency, once each")
                .isEqualTo(4);
    }

    /** A decision of the province to the commune, released on {@code sen}. */
    private static long released(ConfigurableApplicationContext sen, byte[] pdf) throws Exception {
        return ProvinceDecisions.released(
                sen,
                pdf,
                "Quyết định gửi xã",
                Urgency.NORMAL,
                List.of(),
                List.of(new ExternalRecipient("UBND xã Mỹ Hòa Hưng", COMMUNE)));
    }
}
