package vn.sen.documents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.AuditableEvent;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Dossiers (hồ sơ công việc): planned in the unit's yearly file plan (danh mục hồ sơ) by its leaders or
 * clerks, kept by a named officer, opened when the work starts, filled with the incoming and outgoing
 * documents of that work (a document may sit in many dossiers, never copied), closed at the end.
 * Who manages a dossier reads it: the unit's leaders and clerks (subtree) and its keeper.
 */
@Service
public class Dossiers {

    /** Where a dossier stands. */
    public enum DossierState {
        /** In the file plan, not opened yet. */
        PLANNED,
        OPEN,
        CLOSED
    }

    /** What the file plan says of a dossier. */
    public record NewDossier(
            long unitId,
            int year,
            String notation,
            String title,
            String retention,
            String rights,
            Long keeperOfficerId) {}

    public record DossierView(
            long id,
            long unitId,
            String unitName,
            String unitCode,
            int year,
            String notation,
            String title,
            String retention,
            String rights,
            Long keeperOfficerId,
            String keeperName,
            DossierState state,
            LocalDate startDate,
            LocalDate endDate,
            int documentCount) {

        /** FileCode: the unit's code, the year and the notation ({@code 000.00.01.H01.2026.01.TH}). */
        public String fileCode() {
            return (unitCode == null || unitCode.isEmpty() ? "" : unitCode + ".") + year + "." + notation;
        }
    }

    /** A document of the dossier, with the files that make up its printed form. */
    public record Entry(
            String kind,
            long documentId,
            String numberAndNotation,
            LocalDate issuedOn,
            DocumentType type,
            String subject,
            String issuer,
            List<StoredFile> files,
            Instant addedAt) {

        /** The PDFs among the files, in order. */
        public List<StoredFile> pdfs() {
            return files.stream().filter(StoredFile::pdf).toList();
        }
    }

    /** A dossier created, opened, filled, emptied, closed or exported. */
    public record DossierChanged(String actor, long dossierId, String step, String detail) implements AuditableEvent {

        @Override
        public String action() {
            return "documents.dossier." + step;
        }

        @Override
        public String resource() {
            return "dossier:" + dossierId;
        }

        @Override
        public String details() {
            return detail;
        }
    }

    private static final String SELECT = """
            select d.*, (select count(*) from documents.dossier_document x where x.dossier_id = d.id) as documents
            from documents.dossier d
            """;

    private final JdbcClient jdbc;
    private final Organization organization;
    private final IncomingDocuments incoming;
    private final OutgoingDocuments outgoing;
    private final FileManagement files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Dossiers(
            JdbcClient jdbc,
            Organization organization,
            IncomingDocuments incoming,
            OutgoingDocuments outgoing,
            FileManagement files,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    // ---- the file plan -------------------------------------------------------------------------

    /** Units whose file plan the user draws up: where they are leader or clerk. */
    public List<UnitView> planningUnits(UserScope user) {
        return user.grants().stream()
                .filter(g -> (g.role() == Role.LEADER || g.role() == Role.CLERK) && g.unitId() != null)
                .map(g -> organization.requireUnit(g.unitId()))
                .filter(UnitView::active)
                .distinct()
                .toList();
    }

    /** Adds a dossier to the unit's file plan for the year. */
    @Transactional
    public long plan(UserScope user, NewDossier dossier) {
        UnitView unit = organization
                .unit(dossier.unitId())
                .filter(UnitView::active)
                .orElseThrow(() -> new RuleViolation("documents.error.unit"));
        if (!user.hasIn(unit.path(), Role.LEADER, Role.CLERK)) {
            throw new AccessDeniedException("not a leader or clerk of unit " + unit.id());
        }
        String notation = required(dossier.notation(), 30, "documents.error.dossier-notation");
        String title = required(dossier.title(), 500, "documents.error.dossier-title");
        String retention = required(dossier.retention(), 50, "documents.error.dossier-retention");
        int current = LocalDate.now(clock).getYear();
        if (dossier.year() < current - 1 || dossier.year() > current + 1) {
            throw new RuleViolation("documents.error.register-year", current - 1, current + 1);
        }
        if (dossier.keeperOfficerId() != null) {
            organization.requireOfficer(dossier.keeperOfficerId());
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into documents.dossier (unit_id, year, notation, title, retention, rights, keeper_officer_id,
                        created_by)
                    values (:unit, :year, :notation, :title, :retention, :rights, :keeper, :by)
                    returning id
                    """)
                    .param("unit", unit.id())
                    .param("year", dossier.year())
                    .param("notation", notation)
                    .param("title", title)
                    .param("retention", retention)
                    .param(
                            "rights",
                            dossier.rights() == null ? "" : dossier.rights().strip())
                    .param("keeper", dossier.keeperOfficerId())
                    .param("by", user.username())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("documents.error.dossier-exists", notation);
        }
        events.publishEvent(new DossierChanged(user.username(), id, "planned", notation + " " + title));
        return id;
    }

    private static String required(String value, int max, String error) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > max) {
            throw new RuleViolation(error);
        }
        return trimmed;
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The dossiers of {@code year} the user manages: of their units' subtrees, and those they keep. */
    public List<DossierView> list(UserScope user, int year) {
        List<Long> units = organization.unitIdsUnder(user.subtrees(Role.LEADER, Role.CLERK));
        return jdbc.sql(SELECT + """
                 where d.year = :year and (d.unit_id = any(:units) or d.keeper_officer_id = :officer)
                 order by d.unit_id, d.notation
                """)
                .param("year", year)
                .param("units", units.toArray(Long[]::new))
                .param("officer", user.officerId() == null ? -1L : user.officerId())
                .query((rs, n) -> view(rs))
                .list();
    }

    public Optional<DossierView> find(UserScope user, long id) {
        return load(id).filter(d -> manages(user, d));
    }

    private Optional<DossierView> load(long id) {
        return jdbc.sql(SELECT + " where d.id = :id")
                .param("id", id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private boolean manages(UserScope user, DossierView dossier) {
        return Objects.equals(dossier.keeperOfficerId(), user.officerId()) && user.officerId() != null
                || user.hasIn(organization.requireUnit(dossier.unitId()).path(), Role.LEADER, Role.CLERK);
    }

    private DossierView require(UserScope user, long id) {
        return find(user, id).orElseThrow(() -> new RuleViolation("documents.error.not-found"));
    }

    /** The documents of the dossier in chronological order (by date of issue, then as added). */
    public List<Entry> entries(UserScope user, long id) {
        require(user, id);
        record Row(Long incoming, Long outgoing, Instant at) {}
        List<Entry> entries = new ArrayList<>();
        jdbc.sql("""
                select incoming_id, outgoing_id, added_at from documents.dossier_document
                where dossier_id = :id order by added_at
                """)
                .param("id", id)
                .query((rs, n) -> new Row(
                        (Long) rs.getObject(1),
                        (Long) rs.getObject(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list()
                .forEach(row -> entry(row.incoming(), row.outgoing(), row.at()).ifPresent(entries::add));
        entries.sort(Comparator.comparing(Entry::issuedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Entry::addedAt));
        return entries;
    }

    private Optional<Entry> entry(Long incomingId, Long outgoingId, Instant addedAt) {
        if (incomingId != null) {
            return incoming.view(incomingId)
                    .map(d -> new Entry(
                            "INCOMING",
                            d.id(),
                            d.numberAndNotation(),
                            d.issuedOn(),
                            d.type(),
                            d.subject(),
                            d.issuerName(),
                            d.files(),
                            addedAt));
        }
        return outgoing.view(outgoingId)
                .map(d -> new Entry(
                        "OUTGOING",
                        d.id(),
                        d.numberAndNotation(),
                        d.issuedOn(),
                        d.type(),
                        d.subject(),
                        d.issuerName(),
                        d.latest() == null
                                ? List.of()
                                : List.of(files.require(d.latest()
                                        .pdfId()
                                        .orElse(d.latest().file().id()))),
                        addedAt));
    }

    /** Open dossiers the user may put documents in, for the "add to dossier" choice on a document. */
    public List<DossierView> openFor(UserScope user) {
        int year = LocalDate.now(clock).getYear();
        List<DossierView> open = new ArrayList<>();
        for (int y : List.of(year, year - 1)) {
            list(user, y).stream().filter(d -> d.state() == DossierState.OPEN).forEach(open::add);
        }
        return open;
    }

    // ---- life --------------------------------------------------------------------------------

    @Transactional
    public void open(UserScope user, long id) {
        move(user, id, DossierState.PLANNED, DossierState.OPEN, "start_date", "opened");
    }

    /** Puts a document the user may read into an open dossier they manage; twice is once. */
    @Transactional
    public void add(UserScope user, long id, Long incomingId, Long outgoingId) {
        requireIn(user, id, DossierState.OPEN);
        boolean readable = incomingId != null
                ? incoming.find(user, incomingId).isPresent()
                : outgoingId != null && outgoing.find(user, outgoingId).isPresent();
        if (!readable) {
            throw new RuleViolation("documents.error.not-found");
        }
        jdbc.sql("""
                insert into documents.dossier_document (dossier_id, incoming_id, outgoing_id, added_by)
                values (:d, :i, :o, :by) on conflict do nothing
                """)
                .param("d", id)
                .param("i", incomingId)
                .param("o", outgoingId)
                .param("by", user.username())
                .update();
        events.publishEvent(new DossierChanged(
                user.username(),
                id,
                "added",
                incomingId != null ? "incoming:" + incomingId : "outgoing:" + outgoingId));
    }

    @Transactional
    public void remove(UserScope user, long id, String kind, long documentId) {
        requireIn(user, id, DossierState.OPEN);
        jdbc.sql("delete from documents.dossier_document where dossier_id = :d and "
                        + (kind.equals("INCOMING") ? "incoming_id" : "outgoing_id") + " = :doc")
                .param("d", id)
                .param("doc", documentId)
                .update();
        events.publishEvent(new DossierChanged(user.username(), id, "removed", kind.toLowerCase() + ":" + documentId));
    }

    @Transactional
    public void close(UserScope user, long id) {
        move(user, id, DossierState.OPEN, DossierState.CLOSED, "end_date", "closed");
    }

    /** A dossier the user manages, which must be in {@code state} for what comes next. */
    private DossierView requireIn(UserScope user, long id, DossierState state) {
        DossierView dossier = require(user, id);
        if (dossier.state() != state) {
            throw new RuleViolation("documents.error.dossier-state");
        }
        return dossier;
    }

    /** Opening and closing: from one state to the next, dated today in {@code dateColumn}. */
    private void move(UserScope user, long id, DossierState from, DossierState to, String dateColumn, String step) {
        DossierView dossier = requireIn(user, id, from);
        jdbc.sql("update documents.dossier set state = :state, " + dateColumn + " = :today where id = :id")
                .param("state", to.name())
                .param("today", LocalDate.now(clock))
                .param("id", id)
                .update();
        events.publishEvent(new DossierChanged(user.username(), id, step, dossier.notation()));
    }

    void exported(UserScope user, long id, String format) {
        events.publishEvent(new DossierChanged(user.username(), id, "exported", format));
    }

    private DossierView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        long unitId = rs.getLong("unit_id");
        Long keeper = (Long) rs.getObject("keeper_officer_id");
        Optional<UnitView> unit = organization.unit(unitId);
        return new DossierView(
                rs.getLong("id"),
                unitId,
                unit.map(UnitView::name).orElse(""),
                unit.map(UnitView::code).orElse(""),
                rs.getInt("year"),
                rs.getString("notation"),
                rs.getString("title"),
                rs.getString("retention"),
                rs.getString("rights"),
                keeper,
                keeper == null ? "" : organization.officerNames(List.of(keeper)).getOrDefault(keeper, ""),
                DossierState.valueOf(rs.getString("state")),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getInt("documents"));
    }
}
