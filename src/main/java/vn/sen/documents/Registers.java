package vn.sen.documents;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.organization.Organization;
import vn.sen.organization.UnitKind;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Registers (sổ văn bản) and their number series, configured per unit and year.
 *
 * <p>A number is taken by incrementing the register's counter in the caller's transaction: the row lock
 * makes concurrent registrations wait their turn, and a rolled-back registration gives its number back —
 * no gaps, no duplicates. The register used is the first open one of the unit, direction, year and
 * secrecy that keeps the document's type (registers limited to some types first); when there is none,
 * the unit's default register for the year is created on first use. State-secret documents always
 * have their own series.
 *
 * <p>Registers are kept by the unit's clerks — for a People's Committee, the clerks of its Office — and
 * read by them and the unit's leaders.
 */
@Component
class Registers {

    enum Direction {
        INCOMING,
        OUTGOING
    }

    /** A number taken from a register. */
    record Numbered(long registerId, int number) {}

    /** A register as the registers screen shows it. */
    record RegisterView(
            long id,
            long unitId,
            String unitName,
            Direction direction,
            int year,
            String name,
            boolean secret,
            List<DocumentType> types,
            int lastNumber,
            boolean closed) {}

    private static final String SELECT = """
            select id, unit_id, direction, year, name, secret, doc_types, last_number, closed
            from documents.register
            """;

    private final JdbcClient jdbc;
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registers(JdbcClient jdbc, Organization organization, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    /** The next number for a document of {@code type} in the unit's register for {@code direction}. */
    Numbered next(long unitId, Direction direction, int year, boolean secret, DocumentType type) {
        for (int attempt = 0; attempt < 2; attempt++) {
            var taken = jdbc.sql("""
                    update documents.register set last_number = last_number + 1
                    where id = (select id from documents.register
                                where unit_id = :unit and direction = :direction and year = :year
                                  and secret = :secret and not closed
                                  and (doc_types is null or :type = any(doc_types))
                                order by doc_types is null, id limit 1)
                    returning id, last_number
                    """)
                    .param("unit", unitId)
                    .param("direction", direction.name())
                    .param("year", year)
                    .param("secret", secret)
                    .param("type", type.name())
                    .query((rs, n) -> new Numbered(rs.getLong(1), rs.getInt(2)))
                    .optional();
            if (taken.isPresent()) {
                return taken.get();
            }
            jdbc.sql("""
                    insert into documents.register (unit_id, direction, year, name, secret)
                    values (:unit, :direction, :year, :name, :secret)
                    on conflict do nothing
                    """)
                    .param("unit", unitId)
                    .param("direction", direction.name())
                    .param("year", year)
                    .param("name", defaultName(direction, year, secret))
                    .param("secret", secret)
                    .update();
        }
        throw new RuleViolation("documents.error.register-closed", defaultName(direction, year, secret));
    }

    static String defaultName(Direction direction, int year, boolean secret) {
        return (direction == Direction.INCOMING ? "Sổ văn bản đến " : "Sổ văn bản đi ") + (secret ? "mật " : "") + year;
    }

    // ---- who keeps and reads registers -------------------------------------------------------

    /**
     * Whether the user keeps the registers of the unit: a clerk of the unit (or above it) or of its
     * office (the clerks of a People's Committee sit in its Văn phòng).
     */
    boolean keeps(UserScope user, Long unitId) {
        if (unitId == null) {
            return false;
        }
        List<Long> clerkUnits = user.grants().stream()
                .filter(g -> g.role() == Role.CLERK && g.unitId() != null)
                .map(UserScope.Grant::unitId)
                .toList();
        if (clerkUnits.isEmpty()) {
            return false;
        }
        if (clerkUnits.contains(unitId)
                || user.hasIn(organization.requireUnit(unitId).path(), Role.CLERK)) {
            return true;
        }
        return organization.children(unitId).stream()
                .anyMatch(c -> c.kind() == UnitKind.OFFICE && clerkUnits.contains(c.id()));
    }

    private boolean mayRead(UserScope user, long unitId) {
        return keeps(user, unitId)
                || user.hasIn(organization.requireUnit(unitId).path(), Role.LEADER);
    }

    /** Units whose registers the user keeps: their clerk units and the parents of their offices. */
    List<UnitView> keptUnits(UserScope user) {
        List<UnitView> units = new ArrayList<>();
        for (UserScope.Grant grant : user.grants()) {
            if (grant.role() != Role.CLERK || grant.unitId() == null) {
                continue;
            }
            UnitView unit = organization.requireUnit(grant.unitId());
            if (unit.kind() == UnitKind.OFFICE && unit.parentId() != null) {
                units.add(organization.requireUnit(unit.parentId()));
            }
            units.add(unit);
        }
        return units.stream().filter(UnitView::active).distinct().toList();
    }

    /** The registers of {@code year} the user keeps or reads, by unit, direction and name. */
    List<RegisterView> visible(UserScope user, int year) {
        List<Long> units = new ArrayList<>(organization.unitIdsUnder(user.subtrees(Role.CLERK, Role.LEADER)));
        keptUnits(user).forEach(u -> units.add(u.id()));
        return ofUnits(units, year);
    }

    /**
     * The registers of {@code year} of the units the user leads or keeps the registers of, without the
     * units below them (a leader of the province is offered the committee's registers, not every
     * commune's).
     */
    List<RegisterView> own(UserScope user, int year) {
        List<Long> units = new ArrayList<>();
        user.grants().stream()
                .filter(g -> (g.role() == Role.LEADER || g.role() == Role.CLERK) && g.unitId() != null)
                .forEach(g -> units.add(g.unitId()));
        keptUnits(user).forEach(u -> units.add(u.id()));
        return ofUnits(units, year);
    }

    private List<RegisterView> ofUnits(List<Long> units, int year) {
        return jdbc.sql(SELECT + " where unit_id = any(:units) and year = :year order by unit_id, direction, name")
                .param("units", units.stream().distinct().toArray(Long[]::new))
                .param("year", year)
                .query(this::view)
                .list();
    }

    Optional<RegisterView> find(UserScope user, long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::view)
                .optional()
                .filter(r -> mayRead(user, r.unitId()));
    }

    // ---- configuration -----------------------------------------------------------------------

    /**
     * A new register for a unit and year, keeping only {@code types} (all when empty). Only a clerk who
     * keeps the unit's registers may open one.
     */
    @Transactional
    long create(
            UserScope clerk,
            long unitId,
            Direction direction,
            int year,
            String name,
            boolean secret,
            Set<DocumentType> types) {
        if (!keeps(clerk, unitId)) {
            throw new AccessDeniedException("not a clerk of unit " + unitId);
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new RuleViolation("documents.error.register-name");
        }
        int current = java.time.LocalDate.now(clock).getYear();
        if (year < current - 1 || year > current + 1) {
            throw new RuleViolation("documents.error.register-year", current - 1, current + 1);
        }
        String[] typeNames = types == null || types.isEmpty()
                ? null
                : types.stream().map(Enum::name).sorted().toArray(String[]::new);
        long id;
        try {
            id = jdbc.sql("""
                    insert into documents.register (unit_id, direction, year, name, secret, doc_types, created_by)
                    values (:unit, :direction, :year, :name, :secret, :types, :by)
                    returning id
                    """)
                    .param("unit", unitId)
                    .param("direction", direction.name())
                    .param("year", year)
                    .param("name", trimmed)
                    .param("secret", secret)
                    .param("types", typeNames)
                    .param("by", clerk.username())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("documents.error.register-exists", trimmed);
        }
        events.publishEvent(new RegisterChanged(
                clerk.username(),
                id,
                "created",
                trimmed + (typeNames == null ? "" : " " + Arrays.toString(typeNames))));
        return id;
    }

    /** Closes a register: no more numbers are taken from it (at the end of a year, or a dissolved unit). */
    @Transactional
    void close(UserScope clerk, long id) {
        RegisterView register = find(clerk, id).orElseThrow(() -> new RuleViolation("documents.error.not-found"));
        if (!keeps(clerk, register.unitId())) {
            throw new AccessDeniedException("not a clerk of unit " + register.unitId());
        }
        jdbc.sql("update documents.register set closed = true, closed_at = now() where id = :id and not closed")
                .param("id", id)
                .update();
        events.publishEvent(new RegisterChanged(clerk.username(), id, "closed", register.name()));
    }

    private RegisterView view(ResultSet rs, int n) throws SQLException {
        long unitId = rs.getLong("unit_id");
        Array types = rs.getArray("doc_types");
        List<DocumentType> docTypes = types == null
                ? List.of()
                : Arrays.stream((String[]) types.getArray())
                        .map(DocumentType::valueOf)
                        .toList();
        return new RegisterView(
                rs.getLong("id"),
                unitId,
                organization.unit(unitId).map(UnitView::name).orElse(""),
                Direction.valueOf(rs.getString("direction")),
                rs.getInt("year"),
                rs.getString("name"),
                rs.getBoolean("secret"),
                docTypes,
                rs.getInt("last_number"),
                rs.getBoolean("closed"));
    }

    /** A register opened or closed. */
    record RegisterChanged(String actor, long registerId, String step, String detail)
            implements vn.sen.shared.AuditableEvent {

        @Override
        public String action() {
            return "documents.register." + step.toLowerCase(Locale.ROOT);
        }

        @Override
        public String resource() {
            return "register:" + registerId;
        }

        @Override
        public String details() {
            return detail;
        }
    }
}
