package vn.sen.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.documents.DocumentType;
import vn.sen.documents.IncomingDocuments;
import vn.sen.documents.IncomingViews.IncomingView;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingViews.OutgoingState;
import vn.sen.documents.OutgoingViews.OutgoingView;
import vn.sen.documents.Routing;
import vn.sen.documents.RoutingViews.Assignee;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.shared.VietnameseText;

/** Writes search entries (mục tìm kiếm) from the documents they describe. */
@Component
class SearchIndex {

    static final String INCOMING = "incoming";
    static final String OUTGOING = "outgoing";
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final int BODY_CHARS = 200_000;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final IncomingDocuments incoming;
    private final OutgoingDocuments outgoing;
    private final Routing routing;
    private final FileManagement files;
    private final MessageSource messages;

    SearchIndex(
            JdbcClient jdbc,
            IncomingDocuments incoming,
            OutgoingDocuments outgoing,
            Routing routing,
            FileManagement files,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.routing = routing;
        this.files = files;
        this.messages = messages;
    }

    /** What an entry says of a document, whatever its kind. */
    private record Entry(
            String kind,
            long id,
            long unitId,
            Long registerId,
            String numberAndNotation,
            DocumentType type,
            String subject,
            String issuer,
            String signer,
            java.time.LocalDate issuedOn,
            Urgency urgency,
            boolean closed,
            List<StoredFile> files,
            List<String> moreText,
            List<Assignee> readers) {}

    /** (Re)writes the entry of an incoming document, its attachments' text and its readers. */
    @Transactional
    void indexIncoming(long id) {
        IncomingView doc = incoming.forIndexing(id).orElse(null);
        if (doc == null) {
            remove(INCOMING, id);
            return;
        }
        write(new Entry(
                INCOMING,
                doc.id(),
                doc.unitId(),
                doc.registerId(),
                doc.numberAndNotation(),
                doc.type(),
                doc.subject(),
                doc.issuerName(),
                (doc.signerPosition() + " " + doc.signerName()).strip(),
                doc.issuedOn(),
                doc.urgency(),
                doc.closed(),
                doc.files(),
                List.of(doc.issuerCode(), doc.description()),
                routing.readers(doc.id())));
    }

    /**
     * (Re)writes the entry of an outgoing document — drafts too, for those who work on them — with the
     * text of its latest version (as PDF when there is one) and its readers: drafter, reviewers, signer,
     * and the issuer's leaders and clerks.
     */
    @Transactional
    void indexOutgoing(long id) {
        OutgoingView doc = outgoing.forIndexing(id).orElse(null);
        if (doc == null) {
            remove(OUTGOING, id);
            return;
        }
        List<Assignee> readers = new ArrayList<>();
        outgoing.readerOfficers(id).forEach(officer -> readers.add(Assignee.officer(officer)));
        readers.add(Assignee.unit(doc.issuerUnitId()));
        List<StoredFile> text = doc.latest() == null
                ? List.of()
                : List.of(files.require(
                        doc.latest().pdfId().orElse(doc.latest().file().id())));
        write(new Entry(
                OUTGOING,
                doc.id(),
                doc.unitId(),
                doc.registerId(),
                doc.numberAndNotation(),
                doc.type(),
                doc.subject(),
                doc.issuerName(),
                doc.signerName(),
                doc.issuedOn(),
                doc.urgency(),
                doc.state() == OutgoingState.RELEASED || doc.state() == OutgoingState.RECALLED,
                text,
                List.of(doc.unitName()),
                readers));
    }

    private void write(Entry doc) {
        StringBuilder body = new StringBuilder();
        for (StoredFile file : doc.files()) {
            try {
                body.append(files.text(file, BODY_CHARS - body.length())).append('\n');
            } catch (IOException e) {
                log.warn("Text of {} not indexed: {}", file.id(), e.getMessage());
            }
        }
        String typeName =
                messages.getMessage("doc.type." + doc.type(), null, doc.type().name(), VIETNAMESE);
        List<String> parts =
                new ArrayList<>(List.of(typeName, doc.numberAndNotation(), doc.subject(), doc.issuer(), doc.signer()));
        parts.addAll(doc.moreText());
        parts.add(body.toString());
        String folded = VietnameseText.fold(String.join(" ", parts));
        jdbc.sql("""
                insert into search.entry (kind, id, unit_id, register_id, number_notation, number_folded, doc_type,
                    subject, issuer, signer, issued_on, urgency, closed, body, folded, words)
                values (:kind, :id, :unit, :register, :number, :numberFolded, :type, :subject, :issuer, :signer,
                    :issuedOn, :urgency, :closed, :body, :folded, :words)
                on conflict (kind, id) do update set unit_id = excluded.unit_id, register_id = excluded.register_id,
                    number_notation = excluded.number_notation, number_folded = excluded.number_folded,
                    doc_type = excluded.doc_type, subject = excluded.subject, issuer = excluded.issuer,
                    signer = excluded.signer, issued_on = excluded.issued_on, urgency = excluded.urgency,
                    closed = excluded.closed, body = excluded.body, folded = excluded.folded, words = excluded.words
                """)
                .param("kind", doc.kind())
                .param("id", doc.id())
                .param("unit", doc.unitId())
                .param("register", doc.registerId())
                .param("number", doc.numberAndNotation())
                .param("numberFolded", VietnameseText.fold(doc.numberAndNotation()))
                .param("type", doc.type().name())
                .param("subject", doc.subject())
                .param("issuer", doc.issuer())
                .param("signer", doc.signer())
                .param("issuedOn", doc.issuedOn())
                .param("urgency", doc.urgency().name())
                .param("closed", doc.closed())
                .param("body", body.toString())
                .param("folded", folded)
                .param("words", words(folded))
                .update();
        jdbc.sql("delete from search.reader where kind = :kind and id = :id")
                .param("kind", doc.kind())
                .param("id", doc.id())
                .update();
        for (Assignee reader : doc.readers()) {
            jdbc.sql("insert into search.reader (kind, id, officer_id, unit_id) values (:kind, :id, :o, :u)"
                            + " on conflict do nothing")
                    .param("kind", doc.kind())
                    .param("id", doc.id())
                    .param("o", reader.officerId())
                    .param("u", reader.unitId())
                    .update();
        }
    }

    /**
     * Indexes the incoming documents with ids in {@code [fromId, toId]} in one statement, from the
     * documents module's read feeds: metadata only (no attachment text), for documents that arrive by
     * the thousand — generated or migrated — and have no attachments yet.
     */
    @Transactional
    long indexIncomingRange(long fromId, long toId) {
        StringBuilder types = new StringBuilder();
        for (DocumentType type : DocumentType.values()) {
            types.append(types.isEmpty() ? "" : ", ")
                    .append("('")
                    .append(type.name())
                    .append("', '")
                    .append(messages.getMessage("doc.type." + type, null, type.name(), VIETNAMESE)
                            .replace("'", "''"))
                    .append("')");
        }
        long written = jdbc.sql("""
                insert into search.entry (kind, id, unit_id, register_id, number_notation, number_folded, doc_type,
                    subject, issuer, signer, issued_on, urgency, closed, body, folded, words)
                select :kind, f.id, f.unit_id, f.register_id, n.number, search.fold(n.number), f.doc_type, f.subject, f.issuer_name,
                       f.signer, f.issued_on, f.urgency, f.closed, '', x.folded,
                       trim(regexp_replace(x.folded, '[^[:alnum:]]+', ' ', 'g'))
                from documents.incoming_search_feed f
                join (values TYPE_NAMES) t(code, name) on t.code = f.doc_type
                -- one digit gets a leading zero, as the documents module writes numbers (lpad would cut 4657 to 46)
                cross join lateral (select case when f.code_number ~ '^[0-9]$' then '0' || f.code_number
                        else f.code_number end as code) c
                cross join lateral (select case
                        when c.code = '' then f.code_notation
                        when f.code_notation = '' then c.code
                        else c.code || '/' || f.code_notation end as number) n
                cross join lateral (select search.fold(concat_ws(' ', t.name, n.number, f.subject, f.issuer_name,
                        f.signer, f.issuer_code, f.description)) as folded) x
                where f.id between :from and :to
                on conflict (kind, id) do update set unit_id = excluded.unit_id, register_id = excluded.register_id,
                    number_notation = excluded.number_notation, number_folded = excluded.number_folded,
                    doc_type = excluded.doc_type, subject = excluded.subject, issuer = excluded.issuer,
                    signer = excluded.signer, issued_on = excluded.issued_on, urgency = excluded.urgency,
                    closed = excluded.closed, folded = excluded.folded, words = excluded.words
                """.replace("TYPE_NAMES", types))
                .param("kind", INCOMING)
                .param("from", fromId)
                .param("to", toId)
                .update();
        jdbc.sql("""
                insert into search.reader (kind, id, officer_id, unit_id)
                select :kind, r.incoming_id, r.officer_id, r.unit_id from documents.incoming_reader_feed r
                where r.incoming_id between :from and :to
                on conflict do nothing
                """)
                .param("kind", INCOMING)
                .param("from", fromId)
                .param("to", toId)
                .update();
        return written;
    }

    @Transactional
    void remove(String kind, long id) {
        jdbc.sql("delete from search.reader where kind = :kind and id = :id")
                .param("kind", kind)
                .param("id", id)
                .update();
        jdbc.sql("delete from search.entry where kind = :kind and id = :id")
                .param("kind", kind)
                .param("id", id)
                .update();
    }

    /** Folded text as separate words: "125/qd-ubnd" becomes "125 qd ubnd", so each part matches. */
    static String words(String folded) {
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
