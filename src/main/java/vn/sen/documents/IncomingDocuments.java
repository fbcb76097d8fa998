package vn.sen.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.documents.IncomingViews.IncomingRow;
import vn.sen.documents.IncomingViews.IncomingView;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.files.FileManagement;
import vn.sen.files.PdfConversion;
import vn.sen.files.StoredFile;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;
import vn.sen.signing.SignatureChecks;

/**
 * Incoming documents (văn bản đến): the module's API for registering and reading them.
 *
 * <p>Clerks (văn thư) register for the units they are clerks of; clerks and leaders of a unit's subtree
 * read its documents. A document the user may not read is reported as not found, so ids reveal nothing.
 */
@Service
@Transactional(readOnly = true)
public class IncomingDocuments {

    private static final String ROW_SELECT = """
            select d.id, d.arrival_number, r.year, d.arrived_at, d.issuer_name, d.code_number, d.code_notation,
                   d.doc_type, d.issued_on, d.subject, d.urgency, d.confidentiality, d.due_on, d.unit_id
            from documents.incoming d join documents.register r on r.id = d.register_id
            """;

    private final JdbcClient jdbc;
    private final Registers registers;
    private final Organization organization;
    private final FileManagement files;
    private final Routing routing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PdfConversion conversion;
    private final SignatureChecks signatures;
    private final TransactionTemplate transactions;

    IncomingDocuments(
            JdbcClient jdbc,
            Registers registers,
            Organization organization,
            FileManagement files,
            Routing routing,
            ApplicationEventPublisher events,
            Clock clock,
            PdfConversion conversion,
            SignatureChecks signatures,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.conversion = conversion;
        this.signatures = signatures;
        this.jdbc = jdbc;
        this.registers = registers;
        this.organization = organization;
        this.files = files;
        this.routing = routing;
        this.events = events;
        this.clock = clock;
    }

    /** Units the user registers incoming documents for: those where they are a clerk. */
    public List<UnitView> registeringUnits(UserScope user) {
        return user.grants().stream()
                .filter(g -> g.role() == Role.CLERK && g.unitId() != null)
                .map(g -> organization.requireUnit(g.unitId()))
                .filter(UnitView::active)
                .toList();
    }

    /**
     * The unit a clerk registers a document addressed to {@code recipientUnitId} in: the recipient itself
     * when they are its clerk (or a clerk above it); for a People's Committee, its Office, whose clerks keep
     * its registers. Empty when the clerk keeps neither.
     */
    public Optional<UnitView> registeringUnitFor(UserScope clerk, long recipientUnitId) {
        UnitView recipient = organization.requireUnit(recipientUnitId);
        if (clerk.hasIn(recipient.path(), Role.CLERK)) {
            return Optional.of(recipient);
        }
        return organization.children(recipientUnitId).stream()
                .filter(c -> c.kind() == vn.sen.organization.UnitKind.OFFICE && c.active())
                .filter(c -> clerk.hasIn(c.path(), Role.CLERK))
                .findFirst();
    }

    /**
     * Registers the document with the next arrival number of its unit's register for this year. When
     * it looks like one already registered and {@code confirmDuplicate} is not set, nothing is saved
     * and {@code documents.error.duplicate} is raised; {@link #duplicatesOf} lists the candidates.
     *
     * <p>Every signed PDF that enters is validated first, outside any transaction (revocation servers
     * may take seconds to answer); the registration itself is one transaction, which checks everything
     * again.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public IncomingView register(UserScope clerk, NewIncoming doc) {
        admissible(clerk, doc).forEach(signatures::checkIncoming);
        return transactions.execute(status -> {
            List<StoredFile> attached = admissible(clerk, doc);
            UnitView unit = organization.requireUnit(doc.unitId());
            boolean duplicate = !duplicatesOf(clerk, doc).isEmpty();
            if (duplicate && !doc.confirmDuplicate()) {
                throw new RuleViolation("documents.error.duplicate");
            }
            long id = insert(
                    unit,
                    doc,
                    clerk.username(),
                    null,
                    attached.stream().map(StoredFile::id).toList(),
                    "REGISTERED",
                    clerk,
                    duplicate);
            return load(id).orElseThrow();
        });
    }

    /** Refuses a registration the clerk may not make or whose data are wrong; returns its files. */
    private List<StoredFile> admissible(UserScope clerk, NewIncoming doc) {
        UnitView unit = organization
                .unit(doc.unitId())
                .filter(UnitView::active)
                .orElseThrow(() -> new RuleViolation("documents.error.unit"));
        if (!clerk.hasIn(unit.path(), Role.CLERK)) {
            throw new AccessDeniedException("not a clerk of unit " + unit.id());
        }
        LocalDate today = LocalDate.now(clock);
        if (doc.issuedOn().isAfter(today)) {
            throw new RuleViolation("documents.error.issued-in-future");
        }
        if (doc.dueOn() != null && doc.dueOn().isBefore(doc.issuedOn())) {
            throw new RuleViolation("documents.error.due-before-issued");
        }
        List<StoredFile> attached = new ArrayList<>();
        for (UUID fileId : doc.fileIds()) {
            StoredFile file = files.find(fileId)
                    .filter(f -> f.createdBy().equals(clerk.username()))
                    .orElseThrow(() -> new RuleViolation("documents.error.file"));
            attached.add(file);
        }
        return attached;
    }

    /**
     * Delivery from an outgoing document released on this installation (văn bản điện tử nội bộ): it
     * arrives in the recipient unit's register at once, with the released version attached.
     */
    @Transactional
    long receive(
            UserScope sender,
            long recipientUnitId,
            long outgoingId,
            UnitView issuer,
            OutgoingViews.OutgoingView released,
            String signerName,
            List<UUID> fileIds) {
        UnitView unit = organization
                .unit(recipientUnitId)
                .filter(UnitView::active)
                .orElseThrow(() -> new RuleViolation("documents.error.unit"));
        var doc = new NewIncoming(
                unit.id(),
                "sen-outgoing-" + outgoingId,
                issuer.code() == null ? "" : issuer.code(),
                issuer.name(),
                Integer.toString(released.codeNumber()),
                released.codeNotation(),
                released.type(),
                released.issuedOn(),
                released.subject(),
                "",
                signerName,
                released.urgency(),
                released.confidentiality(),
                null,
                null,
                "",
                fileIds,
                true);
        return insert(unit, doc, sender.username(), outgoingId, fileIds, "RECEIVED", sender, false);
    }

    private long insert(
            UnitView unit,
            NewIncoming doc,
            String registeredBy,
            Long outgoingId,
            List<UUID> fileIds,
            String action,
            UserScope actor,
            boolean duplicate) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        var number = registers.next(
                unit.id(),
                Registers.Direction.INCOMING,
                today.getYear(),
                doc.confidentiality().stateSecret(),
                doc.type());
        long id = jdbc.sql("""
                insert into documents.incoming (register_id, arrival_number, arrived_at, unit_id, document_id,
                    issuer_code, issuer_name, code_number, code_notation, doc_type, issued_on, subject,
                    signer_position, signer_name, urgency, confidentiality, due_on, page_count, description,
                    registered_by, outgoing_id)
                values (:register, :number, :at, :unit, :documentId, :issuerCode, :issuerName, :codeNumber,
                    :codeNotation, :type, :issuedOn, :subject, :signerPosition, :signerName, :urgency,
                    :confidentiality, :dueOn, :pageCount, :description, :by, :outgoing)
                returning id
                """)
                .param("register", number.registerId())
                .param("number", number.number())
                .param("at", OffsetDateTime.ofInstant(now, clock.getZone()))
                .param("unit", unit.id())
                .param("documentId", blankToNull(doc.documentId()))
                .param("issuerCode", strip(doc.issuerCode()))
                .param("issuerName", strip(doc.issuerName()))
                .param("codeNumber", strip(doc.codeNumber()))
                .param("codeNotation", strip(doc.codeNotation()))
                .param("type", doc.type().name())
                .param("issuedOn", doc.issuedOn())
                .param("subject", strip(doc.subject()))
                .param("signerPosition", strip(doc.signerPosition()))
                .param("signerName", strip(doc.signerName()))
                .param("urgency", doc.urgency().name())
                .param("confidentiality", doc.confidentiality().name())
                .param("dueOn", doc.dueOn())
                .param("pageCount", doc.pageCount())
                .param("description", strip(doc.description()))
                .param("by", registeredBy)
                .param("outgoing", outgoingId)
                .query(Long.class)
                .single();
        int position = 0;
        for (UUID file : fileIds) {
            jdbc.sql("insert into documents.incoming_file (incoming_id, file_id, position) values (:d, :f, :p)"
                            + " on conflict do nothing")
                    .param("d", id)
                    .param("f", file)
                    .param("p", position++)
                    .update();
            files.find(file).ifPresent(conversion::request); // office files: their PDF for the viewer
        }
        note(id, actor, action, unit.name() + ", " + number.number() + "/" + today.getYear());
        events.publishEvent(new IncomingDocumentRegistered(
                actor.username(), id, unit.id(), today.getYear(), number.number(), doc.urgency(), duplicate));
        return id;
    }

    /**
     * Documents of the same unit that look like {@code doc} (Decree 30, annex VI): the same document
     * id, or the same number, notation and issuer in the same year of issue.
     */
    public List<IncomingRow> duplicatesOf(UserScope user, NewIncoming doc) {
        if (strip(doc.codeNumber()).isEmpty() && blankToNull(doc.documentId()) == null) {
            return List.of();
        }
        List<IncomingRow> rows = jdbc.sql(ROW_SELECT + """
                where d.unit_id = :unit and (
                    (d.document_id is not null and d.document_id = :documentId)
                    or (d.code_number = :number and d.code_number <> ''
                        and lower(d.code_notation) = lower(:notation)
                        and extract(year from d.issued_on) = :year
                        and (organization.fold(d.issuer_name) = organization.fold(:issuerName)
                             or (d.issuer_code <> '' and d.issuer_code = :issuerCode))))
                order by d.id
                """)
                .param("unit", doc.unitId())
                .param("documentId", blankToNull(doc.documentId()))
                .param("number", strip(doc.codeNumber()))
                .param("notation", strip(doc.codeNotation()))
                .param("year", doc.issuedOn().getYear())
                .param("issuerName", strip(doc.issuerName()))
                .param("issuerCode", strip(doc.issuerCode()))
                .query((rs, n) -> row(rs))
                .list();
        return visibleUnits(user).contains(doc.unitId()) ? named(rows) : List.of();
    }

    /** The newest incoming documents of every unit the user may read, {@code limit} from {@code offset}. */
    public List<IncomingRow> list(UserScope user, int offset, int limit) {
        List<Long> units = visibleUnits(user);
        if (units.isEmpty()) {
            return List.of();
        }
        return named(jdbc.sql(
                        ROW_SELECT
                                + " where d.unit_id = any(:units) order by d.arrived_at desc, d.id desc offset :offset limit :limit")
                .param("units", units.toArray(Long[]::new))
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list());
    }

    /** The document, if it exists and the user may read it. */
    public Optional<IncomingView> find(UserScope user, long id) {
        return load(id).filter(d -> visibleUnits(user).contains(d.unitId()) || routing.involved(user, d.id()));
    }

    /**
     * The document without an access check, for read models (search) that enforce access themselves
     * with {@link #readerScope} and {@link Routing#readers}.
     */
    /** The document whoever asks, for modules' own checked views (dossiers). */
    Optional<IncomingView> view(long id) {
        return load(id);
    }

    public Optional<IncomingView> forIndexing(long id) {
        return load(id).filter(d -> !d.recalled());
    }

    /**
     * The sending agency recalled a document it sent through interchange: this copy is recalled as
     * {@link #recall} does, by the system, with the sender's reason.
     */
    @Transactional
    public void recallReceived(long id, String reason) {
        recall(UserScope.system(), id, reason == null || reason.isBlank() ? "Cơ quan gửi thu hồi văn bản" : reason);
    }

    /** The sending agency replaced a document received through interchange by another: noted in its history. */
    @Transactional
    public void noteReplaced(long id, String replacement) {
        note(id, UserScope.system(), "REPLACED", replacement);
    }

    /**
     * The sender recalled the document (thu hồi): this copy's files are destroyed — unlinked, so no one
     * opens them here again — its open work is cancelled and it is closed; the record of the document
     * and of the recall stays.
     */
    void recall(UserScope sender, long id, String reason) {
        List<String> names = load(id).map(
                        d -> d.files().stream().map(StoredFile::name).toList())
                .orElse(List.of());
        jdbc.sql("delete from documents.incoming_file where incoming_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("""
                update documents.incoming set recalled_at = now(), recall_reason = :reason,
                    result = case when closed_at is null then :reason else result end,
                    closed_at = coalesce(closed_at, now())
                where id = :id
                """).param("reason", reason).param("id", id).update();
        jdbc.sql("""
                update documents.assignment set state = 'CANCELLED', state_at = now()
                where incoming_id = :id and state in ('PENDING', 'IN_PROGRESS', 'FORWARDED')
                """).param("id", id).update();
        note(id, sender, "RECALLED", reason + (names.isEmpty() ? "" : " — " + String.join(", ", names)));
        events.publishEvent(new IncomingDocumentRecalled(sender.username(), id, reason));
    }

    /** A line in the document's history (lịch sử xử lý). */
    void note(long id, UserScope actor, String action, String text) {
        jdbc.sql("""
                insert into documents.incoming_history (incoming_id, at, actor, action, text)
                values (:d, now(), :actor, :action, :text)
                """)
                .param("d", id)
                .param("actor", actor.username())
                .param("action", action)
                .param("text", text)
                .update();
    }

    /** Ids of incoming documents after {@code afterId}, in order, for rebuilding read models. */
    public List<Long> ids(long afterId, int limit) {
        return jdbc.sql("select id from documents.incoming where id > :after order by id limit :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** What decides which incoming documents a user reads, for read models that filter by it. */
    public ReaderScope readerScope(UserScope user) {
        List<String> subtrees = user.subtrees(Role.CLERK, Role.LEADER);
        List<Long> inside = visibleUnits(user);
        List<Long> outside = inside.isEmpty() ? null : organization.unitIdsNotUnder(subtrees);
        return outside != null && outside.size() < inside.size()
                ? new ReaderScope(List.of(), outside, user.officerId(), Routing.handlingUnits(user))
                : new ReaderScope(inside, null, user.officerId(), Routing.handlingUnits(user));
    }

    /**
     * A user reads a document when its unit is in {@code units} — or, for those who see most of the
     * province, when it is not in {@code allUnitsExcept} (then non-null, {@code units} empty) — or when
     * one of its parts is (or was) held by {@code officerId} or by a unit in {@code handlingUnits}.
     */
    public record ReaderScope(List<Long> units, List<Long> allUnitsExcept, Long officerId, List<Long> handlingUnits) {}

    /** The registers of {@code year} of the user's own units, as "name — unit" by id (search filter). */
    public java.util.LinkedHashMap<Long, String> registerChoices(UserScope user, int year) {
        var choices = new java.util.LinkedHashMap<Long, String>();
        registers.own(user, year).forEach(r -> choices.put(r.id(), r.name() + " — " + r.unitName()));
        return choices;
    }

    /** An attachment of a document the user may read; empty for anything else. */
    public Optional<StoredFile> attachment(UserScope user, long documentId, UUID fileId) {
        return find(user, documentId)
                .flatMap(d ->
                        d.files().stream().filter(f -> f.id().equals(fileId)).findFirst());
    }

    private Optional<IncomingView> load(long id) {
        List<StoredFile> attached = jdbc
                .sql("select file_id from documents.incoming_file where incoming_id = :id order by position")
                .param("id", id)
                .query(UUID.class)
                .list()
                .stream()
                .map(files::require)
                .toList();
        return jdbc.sql("""
                select d.*, r.year, r.name as register_name
                from documents.incoming d join documents.register r on r.id = d.register_id where d.id = :id
                """)
                .param("id", id)
                .query((rs, n) -> new IncomingView(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        organization
                                .unit(rs.getLong("unit_id"))
                                .map(UnitView::name)
                                .orElse(""),
                        rs.getLong("register_id"),
                        rs.getString("register_name"),
                        rs.getInt("arrival_number"),
                        rs.getInt("year"),
                        rs.getObject("arrived_at", OffsetDateTime.class).toInstant(),
                        rs.getString("document_id"),
                        rs.getString("issuer_code"),
                        rs.getString("issuer_name"),
                        rs.getString("code_number"),
                        rs.getString("code_notation"),
                        DocumentType.valueOf(rs.getString("doc_type")),
                        rs.getObject("issued_on", LocalDate.class),
                        rs.getString("subject"),
                        rs.getString("signer_position"),
                        rs.getString("signer_name"),
                        Urgency.valueOf(rs.getString("urgency")),
                        Confidentiality.valueOf(rs.getString("confidentiality")),
                        rs.getObject("due_on", LocalDate.class),
                        (Integer) rs.getObject("page_count"),
                        rs.getString("description"),
                        rs.getString("registered_by"),
                        rs.getObject("closed_at") == null
                                ? null
                                : rs.getObject("closed_at", OffsetDateTime.class)
                                        .toInstant(),
                        rs.getString("result"),
                        attached,
                        rs.getObject("recalled_at") == null
                                ? null
                                : rs.getObject("recalled_at", OffsetDateTime.class)
                                        .toInstant(),
                        rs.getString("recall_reason")))
                .optional();
    }

    /** Units whose incoming documents the user reads: the subtrees where they are clerk or leader. */
    List<Long> visibleUnits(UserScope user) {
        return organization.unitIdsUnder(user.subtrees(Role.CLERK, Role.LEADER));
    }

    private List<IncomingRow> named(List<IncomingRow> rows) {
        Map<Long, String> names = organization.unitNames(
                rows.stream().map(IncomingRow::unitId).distinct().toList());
        return rows.stream()
                .map(r -> r.withUnitName(names.getOrDefault(r.unitId(), "")))
                .toList();
    }

    private static IncomingRow row(ResultSet rs) throws SQLException {
        return new IncomingRow(
                rs.getLong("id"),
                rs.getInt("arrival_number"),
                rs.getInt("year"),
                rs.getObject("arrived_at", OffsetDateTime.class).toInstant(),
                rs.getString("issuer_name"),
                IncomingViews.numberAndNotation(rs.getString("code_number"), rs.getString("code_notation")),
                DocumentType.valueOf(rs.getString("doc_type")),
                rs.getObject("issued_on", LocalDate.class),
                rs.getString("subject"),
                Urgency.valueOf(rs.getString("urgency")),
                Confidentiality.valueOf(rs.getString("confidentiality")),
                rs.getObject("due_on", LocalDate.class),
                rs.getLong("unit_id"),
                "");
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
