package vn.sen.documents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.TableReport;
import vn.sen.shared.TableReport.Column;
import vn.sen.shared.TableReportWriter;
import vn.sen.shared.UserScope;

/**
 * The registers as printed (in sổ): the column layouts of Decree 30/2020 for the outgoing register,
 * the incoming register and the follow-up register of incoming documents (sổ theo dõi giải quyết văn
 * bản đến), always in Vietnamese — they are records of the agency. Entries are read a thousand at a
 * time in number order.
 */
@Component
class RegisterPrints {

    private static final int BATCH = 1_000;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final Organization organization;
    private final MessageSource messages;
    private final Clock clock;
    private final Registers registers;
    private final ApplicationEventPublisher events;

    RegisterPrints(
            JdbcClient jdbc,
            Organization organization,
            MessageSource messages,
            Clock clock,
            Registers registers,
            ApplicationEventPublisher events) {
        this.registers = registers;
        this.events = events;
        this.jdbc = jdbc;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /**
     * A register the user may read, or its follow-up register, as a streamed PDF or XLSX download (the
     * screens and the API both); the printing is audited. Not found for anyone else.
     */
    ResponseEntity<StreamingResponseBody> download(UserScope user, long id, boolean followUp, String format) {
        Registers.RegisterView register = registers
                .find(user, id)
                .filter(r -> !followUp || r.direction() == Registers.Direction.INCOMING)
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
        TableReport layout = followUp ? followUpLayout(register) : layout(register);
        Iterator<List<String>> rows = followUp ? followUp(register) : entries(register);
        String prefix = followUp ? "theo-doi-" : "";
        events.publishEvent(new Registers.RegisterChanged(user.username(), register.id(), "printed", prefix + format));
        boolean pdf = format.equals("pdf");
        String name = "so-" + prefix + (register.direction() == Registers.Direction.INCOMING ? "den-" : "di-")
                + register.year() + "-" + register.id() + "." + format;
        StreamingResponseBody body = out -> {
            if (pdf) {
                TableReportWriter.pdf(layout, rows, out);
            } else {
                TableReportWriter.xlsx(layout, rows, out);
            }
        };
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    /** The register's layout: the outgoing or incoming columns of Decree 30. */
    TableReport layout(Registers.RegisterView register) {
        List<Column> columns = register.direction() == Registers.Direction.INCOMING
                ? List.of(
                        new Column("Ngày đến", 7),
                        new Column("Số đến", 5),
                        new Column("Tác giả", 13),
                        new Column("Số, ký hiệu", 10),
                        new Column("Ngày tháng", 7),
                        new Column("Tên loại và trích yếu nội dung", 26),
                        new Column("Đơn vị hoặc người nhận", 12),
                        new Column("Ngày chuyển", 7),
                        new Column("Ký nhận", 6),
                        new Column("Ghi chú", 7))
                : List.of(
                        new Column("Số, ký hiệu văn bản", 10),
                        new Column("Ngày tháng văn bản", 7),
                        new Column("Tên loại và trích yếu nội dung văn bản", 24),
                        new Column("Người ký", 10),
                        new Column("Nơi nhận văn bản", 15),
                        new Column("Đơn vị, người nhận bản lưu", 10),
                        new Column("Số lượng bản", 5),
                        new Column("Ngày chuyển", 7),
                        new Column("Ký nhận", 6),
                        new Column("Ghi chú", 6));
        return new TableReport(heading(register), register.name(), List.of("Năm " + register.year()), columns);
    }

    /** The follow-up register of an incoming register: what each document asked for and where it stands. */
    TableReport followUpLayout(Registers.RegisterView register) {
        return new TableReport(
                heading(register),
                "Sổ theo dõi giải quyết văn bản đến",
                List.of(register.name()),
                List.of(
                        new Column("Số đến", 5),
                        new Column("Tên loại, số và ký hiệu, ngày tháng, cơ quan ban hành và trích yếu nội dung", 32),
                        new Column("Đơn vị hoặc người giải quyết", 15),
                        new Column("Thời hạn giải quyết", 8),
                        new Column("Tiến độ giải quyết", 13),
                        new Column("Số, ký hiệu văn bản trả lời", 10),
                        new Column("Ghi chú", 8)));
    }

    private List<String> heading(Registers.RegisterView register) {
        List<UnitView> chain = organization.ancestry(register.unitId());
        List<String> lines = new ArrayList<>();
        if (chain.size() > 1) {
            lines.add(chain.get(chain.size() - 2).name().toUpperCase(VIETNAMESE));
        }
        lines.add(chain.getLast().name().toUpperCase(VIETNAMESE));
        return lines;
    }

    /** The entries of a register in number order. */
    Iterator<List<String>> entries(Registers.RegisterView register) {
        return register.direction() == Registers.Direction.INCOMING
                ? new Batches(after -> incomingBatch(register.id(), after))
                : new Batches(after -> outgoingBatch(register.id(), after));
    }

    /** The follow-up entries of an incoming register: documents with a deadline, in arrival order. */
    Iterator<List<String>> followUp(Registers.RegisterView register) {
        return new Batches(after -> followUpBatch(register.id(), after));
    }

    // ---- incoming ------------------------------------------------------------------------------

    private record Incoming(
            long id,
            int number,
            OffsetDateTime arrivedAt,
            String issuer,
            String code,
            LocalDate issuedOn,
            DocumentType type,
            String subject,
            Urgency urgency,
            Confidentiality confidentiality,
            LocalDate dueOn,
            OffsetDateTime closedAt,
            boolean recalled) {}

    private List<Incoming> incomingRows(long registerId, int after, boolean withDeadlineOnly) {
        return jdbc.sql("""
                select i.id, i.arrival_number, i.arrived_at, i.issuer_name, i.code_number, i.code_notation,
                       i.issued_on, i.doc_type, i.subject, i.urgency, i.confidentiality, i.closed_at,
                       i.recalled_at is not null as recalled,
                       coalesce((select min(a.due_on) from documents.assignment a
                                 where a.incoming_id = i.id and a.parent_id is null and a.role = 'LEAD'),
                                i.due_on) as due_on
                from documents.incoming i
                where i.register_id = :register and i.arrival_number > :after
                """ + (withDeadlineOnly ? """
                          and (i.due_on is not null or exists (select 1 from documents.assignment a
                               where a.incoming_id = i.id and a.parent_id is null and a.role = 'LEAD'
                                 and a.due_on is not null))
                          """ : "") + " order by i.arrival_number limit " + BATCH)
                .param("register", registerId)
                .param("after", after)
                .query((rs, n) -> new Incoming(
                        rs.getLong("id"),
                        rs.getInt("arrival_number"),
                        rs.getObject("arrived_at", OffsetDateTime.class),
                        rs.getString("issuer_name"),
                        IncomingViews.numberAndNotation(rs.getString("code_number"), rs.getString("code_notation")),
                        rs.getObject("issued_on", LocalDate.class),
                        DocumentType.valueOf(rs.getString("doc_type")),
                        rs.getString("subject"),
                        Urgency.valueOf(rs.getString("urgency")),
                        Confidentiality.valueOf(rs.getString("confidentiality")),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getBoolean("recalled")))
                .list();
    }

    /** Where each document went first: its lead (or, before routing, the leader it was presented to). */
    private record Transfer(String to, OffsetDateTime at) {}

    private Map<Long, Transfer> transfers(List<Long> ids, boolean leadOnly) {
        record Row(long incoming, Long unit, Long officer, String role, OffsetDateTime at) {}
        List<Row> rows = ids.isEmpty()
                ? List.of()
                : jdbc.sql("""
                        select incoming_id, unit_id, officer_id, role, assigned_at from documents.assignment
                        where incoming_id = any(:ids) and parent_id is null and role in ('LEAD', 'PRESENTED')
                        order by incoming_id, role, id
                        """)
                        .param("ids", ids.toArray(Long[]::new))
                        .query((rs, n) -> new Row(
                                rs.getLong(1),
                                (Long) rs.getObject(2),
                                (Long) rs.getObject(3),
                                rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class)))
                        .list();
        Set<Long> units = new HashSet<>();
        Set<Long> officers = new HashSet<>();
        rows.forEach(r -> {
            if (r.unit() != null) {
                units.add(r.unit());
            } else {
                officers.add(r.officer());
            }
        });
        Map<Long, String> unitNames = organization.unitNames(units);
        Map<Long, String> officerNames = organization.officerNames(officers);
        Map<Long, List<Row>> byDocument = new LinkedHashMap<>();
        rows.forEach(r ->
                byDocument.computeIfAbsent(r.incoming(), k -> new ArrayList<>()).add(r));
        Map<Long, Transfer> result = new HashMap<>();
        byDocument.forEach((doc, list) -> {
            boolean routed = list.stream().anyMatch(r -> r.role().equals("LEAD"));
            if (leadOnly && !routed) {
                return;
            }
            List<Row> chosen = list.stream()
                    .filter(r -> r.role().equals(routed ? "LEAD" : "PRESENTED"))
                    .toList();
            String to = String.join(
                    "; ",
                    chosen.stream()
                            .map(r -> r.unit() != null
                                    ? unitNames.getOrDefault(r.unit(), "")
                                    : officerNames.getOrDefault(r.officer(), ""))
                            .toList());
            result.put(doc, new Transfer(to, chosen.getFirst().at()));
        });
        return result;
    }

    private Batch incomingBatch(long registerId, int after) {
        List<Incoming> docs = incomingRows(registerId, after, false);
        Map<Long, Transfer> transfers =
                transfers(docs.stream().map(Incoming::id).toList(), false);
        List<List<String>> rows = new ArrayList<>();
        for (Incoming d : docs) {
            Transfer transfer = transfers.get(d.id());
            rows.add(List.of(
                    day(d.arrivedAt()),
                    Integer.toString(d.number()),
                    d.issuer(),
                    d.code(),
                    day(d.issuedOn()),
                    typeName(d.type()) + " " + d.subject(),
                    transfer == null ? "" : transfer.to(),
                    transfer == null ? "" : day(transfer.at()),
                    "",
                    notes(d.urgency(), d.confidentiality(), d.recalled())));
        }
        return new Batch(rows, docs.isEmpty() ? after : docs.getLast().number());
    }

    private Batch followUpBatch(long registerId, int after) {
        List<Incoming> docs = incomingRows(registerId, after, true);
        List<Long> ids = docs.stream().map(Incoming::id).toList();
        Map<Long, Transfer> leads = transfers(ids, true);
        Map<Long, List<String>> replies = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    select response_for, code_number, code_notation from documents.outgoing
                    where response_for = any(:ids) and code_number is not null order by issued_on, code_number
                    """).param("ids", ids.toArray(Long[]::new)).query(rs -> {
                replies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(IncomingViews.numberAndNotation(rs.getString(2), rs.getString(3)));
            });
        }
        LocalDate today = LocalDate.now(clock);
        List<List<String>> rows = new ArrayList<>();
        for (Incoming d : docs) {
            Transfer lead = leads.get(d.id());
            rows.add(List.of(
                    Integer.toString(d.number()),
                    typeName(d.type()) + " số " + d.code() + " ngày " + day(d.issuedOn()) + " của " + d.issuer() + ": "
                            + d.subject(),
                    lead == null ? "" : lead.to(),
                    day(d.dueOn()),
                    progress(d, today),
                    String.join("; ", replies.getOrDefault(d.id(), List.of())),
                    notes(d.urgency(), d.confidentiality(), d.recalled())));
        }
        return new Batch(rows, docs.isEmpty() ? after : docs.getLast().number());
    }

    private static String progress(Incoming d, LocalDate today) {
        if (d.recalled()) {
            return "Bên gửi đã thu hồi";
        }
        if (d.closedAt() != null) {
            LocalDate closed = d.closedAt()
                    .atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh"))
                    .toLocalDate();
            boolean late = d.dueOn() != null && closed.isAfter(d.dueOn());
            return "Đã giải quyết ngày " + DAY.format(closed) + (late ? " (quá hạn)" : "");
        }
        if (d.dueOn() != null && today.isAfter(d.dueOn())) {
            return "Đang giải quyết, quá hạn";
        }
        return "Đang giải quyết";
    }

    // ---- outgoing ------------------------------------------------------------------------------

    private Batch outgoingBatch(long registerId, int after) {
        record Outgoing(
                long id,
                int number,
                String code,
                LocalDate issuedOn,
                DocumentType type,
                String subject,
                long signer,
                long unit,
                OffsetDateTime releasedAt,
                Urgency urgency,
                Confidentiality confidentiality,
                boolean recalled) {}
        List<Outgoing> docs = jdbc.sql("""
                select id, code_number, code_notation, issued_on, doc_type, subject, signer_officer_id, unit_id,
                       released_at, urgency, confidentiality, recalled_at is not null as recalled
                from documents.outgoing where register_id = :register and code_number > :after
                order by code_number limit
                """ + " " + BATCH)
                .param("register", registerId)
                .param("after", after)
                .query((rs, n) -> new Outgoing(
                        rs.getLong("id"),
                        rs.getInt("code_number"),
                        IncomingViews.numberAndNotation(rs.getString("code_number"), rs.getString("code_notation")),
                        rs.getObject("issued_on", LocalDate.class),
                        DocumentType.valueOf(rs.getString("doc_type")),
                        rs.getString("subject"),
                        rs.getLong("signer_officer_id"),
                        rs.getLong("unit_id"),
                        rs.getObject("released_at", OffsetDateTime.class),
                        Urgency.valueOf(rs.getString("urgency")),
                        Confidentiality.valueOf(rs.getString("confidentiality")),
                        rs.getBoolean("recalled")))
                .list();
        record Recipient(long outgoing, Long unit, String name, String state) {}
        List<Recipient> recipients = docs.isEmpty()
                ? List.of()
                : jdbc.sql("""
                        select outgoing_id, unit_id, external_name, state from documents.outgoing_recipient
                        where outgoing_id = any(:ids) order by outgoing_id, id
                        """)
                        .param("ids", docs.stream().map(Outgoing::id).toArray(Long[]::new))
                        .query((rs, n) ->
                                new Recipient(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4)))
                        .list();
        Set<Long> units = new HashSet<>();
        docs.forEach(d -> units.add(d.unit()));
        recipients.stream().filter(r -> r.unit() != null).forEach(r -> units.add(r.unit()));
        Map<Long, String> unitNames = organization.unitNames(units);
        Map<Long, String> signers =
                organization.officerNames(docs.stream().map(Outgoing::signer).toList());
        Map<Long, List<Recipient>> byDocument = new HashMap<>();
        recipients.forEach(r ->
                byDocument.computeIfAbsent(r.outgoing(), k -> new ArrayList<>()).add(r));
        List<List<String>> rows = new ArrayList<>();
        for (Outgoing d : docs) {
            List<Recipient> to = byDocument.getOrDefault(d.id(), List.of());
            long delivered =
                    to.stream().filter(r -> r.state().equals("DELIVERED")).count();
            rows.add(List.of(
                    d.code(),
                    day(d.issuedOn()),
                    typeName(d.type()) + " " + d.subject(),
                    signers.getOrDefault(d.signer(), ""),
                    String.join(
                            "; ",
                            to.stream()
                                    .map(r -> r.unit() != null ? unitNames.getOrDefault(r.unit(), "") : r.name())
                                    .toList()),
                    "Văn thư; " + unitNames.getOrDefault(d.unit(), ""),
                    // one copy to each recipient, one kept by the clerks, one by the drafting unit
                    Integer.toString(to.size() + 2),
                    day(d.releasedAt()),
                    to.isEmpty() ? "" : "Đã nhận điện tử " + delivered + "/" + to.size(),
                    notes(d.urgency(), d.confidentiality(), d.recalled())));
        }
        return new Batch(rows, docs.isEmpty() ? after : docs.getLast().number());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String typeName(DocumentType type) {
        return messages.getMessage("doc.type." + type.name(), null, type.name(), VIETNAMESE);
    }

    private String notes(Urgency urgency, Confidentiality confidentiality, boolean recalled) {
        List<String> notes = new ArrayList<>();
        if (recalled) {
            notes.add("Đã thu hồi");
        }
        if (urgency != Urgency.NORMAL) {
            notes.add(messages.getMessage("urgency." + urgency.name(), null, urgency.name(), VIETNAMESE));
        }
        if (confidentiality != Confidentiality.NORMAL) {
            notes.add(messages.getMessage(
                    "confidentiality." + confidentiality.name(), null, confidentiality.name(), VIETNAMESE));
        }
        return String.join(", ", notes);
    }

    private static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private static String day(OffsetDateTime at) {
        return at == null ? "" : DAY.format(at.atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    private record Batch(List<List<String>> rows, int last) {}

    /** Rows fetched a batch at a time, each batch after the last number of the one before. */
    private static final class Batches implements Iterator<List<String>> {

        private final IntFunction<Batch> fetch;
        private Iterator<List<String>> current = List.<List<String>>of().iterator();
        private int last;
        private boolean exhausted;

        Batches(IntFunction<Batch> fetch) {
            this.fetch = fetch;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !exhausted) {
                Batch batch = fetch.apply(last);
                current = batch.rows().iterator();
                exhausted = batch.rows().size() < BATCH;
                last = batch.last();
            }
            return current.hasNext();
        }

        @Override
        public List<String> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
