package vn.sen.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.organization.Views.AppointmentView;
import vn.sen.organization.Views.CodeView;
import vn.sen.organization.Views.DelegationView;
import vn.sen.organization.Views.OfficerView;
import vn.sen.organization.Views.PositionView;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * The organisation (tổ chức) of the province: the module's API.
 *
 * <p>Reads are open to every signed-in user (it is the directory); changes need the system
 * administrator or a unit administrator of the unit's subtree, and are published as
 * {@link OrganizationChanged} events for the audit trail.
 */
@Service
@Transactional(readOnly = true)
public class Organization {

    private static final String UNIT_SELECT = """
            select u.id, u.parent_id, u.kind, u.name, u.short_name, u.path, u.dissolved_on,
                   (select c.code from organization.unit_code c
                     where c.unit_id = u.id and c.scheme = 'QCVN102' and c.valid_to is null limit 1) as code,
                   (select c.code from organization.unit_code c
                     where c.unit_id = u.id and c.scheme = 'AXIS' and c.valid_to is null limit 1) as axis_code,
                   (select count(*) from organization.unit k where k.parent_id = u.id) as child_count
            from organization.unit u
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Organization(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    // ---- units -------------------------------------------------------------------------------

    public Optional<UnitView> unit(long id) {
        return jdbc.sql(UNIT_SELECT + " where u.id = :id")
                .param("id", id)
                .query(Organization::unitView)
                .optional();
    }

    public UnitView requireUnit(long id) {
        return unit(id).orElseThrow(() -> new RuleViolation("organization.error.unit-not-found", id));
    }

    /** Children of a unit in display order; the top-level units when {@code parentId} is null. */
    public List<UnitView> children(Long parentId) {
        String where = parentId == null ? " where u.parent_id is null" : " where u.parent_id = :parent";
        var spec = jdbc.sql(UNIT_SELECT + where + " order by u.dissolved_on nulls first, u.sort_order, u.name");
        if (parentId != null) {
            spec = spec.param("parent", parentId);
        }
        return spec.query(Organization::unitView).list();
    }

    /** The chain of units from the root down to {@code id}, for breadcrumbs and permission paths. */
    public List<UnitView> ancestry(long id) {
        UnitView unit = requireUnit(id);
        List<Long> ids = pathIds(unit.path());
        Map<Long, UnitView> byId = new HashMap<>();
        jdbc.sql(UNIT_SELECT + " where u.id in (:ids)")
                .param("ids", ids)
                .query(Organization::unitView)
                .list()
                .forEach(u -> byId.put(u.id(), u));
        return ids.stream().map(byId::get).toList();
    }

    /** Any unit that holds or ever held {@code code} (old codes are accepted forever). */
    public Optional<UnitView> unitByCode(String code) {
        return jdbc.sql(UNIT_SELECT + """
                 where u.id = (select c.unit_id from organization.unit_code c where c.code = :code
                               order by c.valid_to desc nulls first limit 1)
                """)
                .param("code", code.strip())
                .query(Organization::unitView)
                .optional();
    }

    /** Units whose name or code contains {@code text} (accent- and case-insensitive), at most {@code limit}. */
    public List<UnitView> searchUnits(String text, int limit) {
        return jdbc.sql(UNIT_SELECT + """
                 where organization.fold(u.name) like '%' || organization.fold(:text) || '%'
                    or exists (select 1 from organization.unit_code c
                               where c.unit_id = u.id and c.code ilike '%' || :text || '%')
                 order by u.dissolved_on nulls first, length(u.path), u.name limit :limit
                """)
                .param("text", text.strip())
                .param("limit", limit)
                .query(Organization::unitView)
                .list();
    }

    public List<CodeView> codeHistory(long unitId) {
        return jdbc.sql("""
                select code, scheme, valid_from, valid_to, replaced_by from organization.unit_code
                where unit_id = :id order by scheme, valid_from desc
                """)
                .param("id", unitId)
                .query((rs, n) -> new CodeView(
                        rs.getString("code"),
                        CodeScheme.valueOf(rs.getString("scheme")),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getString("replaced_by")))
                .list();
    }

    /** Paths of the given units, for scoping permissions. */
    public Map<Long, String> unitPaths(Collection<Long> ids) {
        Map<Long, String> paths = new HashMap<>();
        if (ids.isEmpty()) {
            return paths;
        }
        jdbc.sql("select id, path from organization.unit where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> paths.put(rs.getLong("id"), rs.getString("path")))
                .list();
        return paths;
    }

    /** Names of the units with {@code ids} (unknown ids are left out). */
    public Map<Long, String> unitNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from organization.unit where id in (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        names.put(rs.getLong("id"), rs.getString("name"));
                    });
        }
        return names;
    }

    /** Full names of the officers with {@code ids} (unknown ids are left out). */
    public Map<Long, String> officerNames(Collection<Long> ids) {
        return officerColumn(ids, "full_name");
    }

    /** E-mail addresses of the officers with {@code ids} that have one. */
    public Map<Long, String> officerEmails(Collection<Long> ids) {
        return officerColumn(ids, "email");
    }

    private Map<Long, String> officerColumn(Collection<Long> ids, String column) {
        Map<Long, String> values = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, " + column + " from organization.officer where id in (:ids) and " + column + " <> ''")
                    .param("ids", ids)
                    .query(rs -> {
                        values.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return values;
    }

    /** Ids of the units outside the subtrees rooted at {@code paths}: for a province's leaders, few. */
    public List<Long> unitIdsNotUnder(Collection<String> paths) {
        return jdbc.sql("select id from organization.unit where not path like any (:paths) order by id")
                .param("paths", paths.stream().map(p -> p + "%").toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    /** Ids of the units in the subtrees rooted at {@code paths} (paths as in {@link UserScope} grants). */
    public List<Long> unitIdsUnder(Collection<String> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from organization.unit where path like any (:paths) order by id")
                .param("paths", paths.stream().map(p -> p + "%").toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    /** New unit (đơn vị) under {@code parentId}; a top-level unit needs the system administrator. */
    @Transactional
    public long createUnit(UserScope actor, NewUnit unit) {
        String parentPath = null;
        if (unit.parentId() == null) {
            requireSystemAdmin(actor);
        } else {
            UnitView parent = requireUnit(unit.parentId());
            checkManage(actor, parent.path());
            parentPath = parent.path();
        }
        long id = insertUnit(unit, parentPath, LocalDate.now());
        publish(actor, "organization.unit.created", "unit:" + id, unit.name() + " " + nullToEmpty(unit.code()));
        return id;
    }

    /**
     * Many units at once, parents named by code (the CSV import and the demo province): all or nothing.
     * Returns the new ids by code.
     */
    @Transactional
    public Map<String, Long> importUnits(UserScope actor, List<NewUnit> units, String source) {
        requireSystemAdmin(actor);
        Map<String, String> pathByCode = new HashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        LocalDate today = LocalDate.now();
        for (NewUnit unit : units) {
            String parentPath = null;
            if (unit.parentCode() != null && !unit.parentCode().isBlank()) {
                parentPath = pathByCode.get(unit.parentCode());
                if (parentPath == null) {
                    parentPath = unitByCode(unit.parentCode())
                            .map(UnitView::path)
                            .orElseThrow(() -> new RuleViolation("organization.error.parent-code", unit.parentCode()));
                }
            }
            long id = insertUnit(unit, parentPath, today);
            if (unit.code() != null) {
                pathByCode.put(unit.code(), UnitTree.pathOf(parentPath, id));
                ids.put(unit.code(), id);
            }
        }
        publish(actor, "organization.units.imported", "units", units.size() + " units from " + source);
        return ids;
    }

    private long insertUnit(NewUnit unit, String parentPath, LocalDate today) {
        Long parentId = parentPath == null ? null : pathIds(parentPath).getLast();
        long id = jdbc.sql("""
                insert into organization.unit (parent_id, kind, name, short_name, sort_order, established_on)
                values (:parent, :kind, :name, :short, :sort, :today) returning id
                """)
                .param("parent", parentId)
                .param("kind", unit.kind().name())
                .param("name", unit.name().strip())
                .param("short", unit.shortName().strip())
                .param("sort", unit.sortOrder())
                .param("today", today)
                .query(Long.class)
                .single();
        jdbc.sql("update organization.unit set path = :path where id = :id")
                .param("path", UnitTree.pathOf(parentPath, id))
                .param("id", id)
                .update();
        if (unit.code() != null && !unit.code().isBlank()) {
            insertCode(id, CodeScheme.QCVN102, UnitTree.checkCode(unit.code()), today);
        }
        if (unit.axisCode() != null && !unit.axisCode().isBlank()) {
            insertCode(id, CodeScheme.AXIS, UnitTree.checkCode(unit.axisCode()), today);
        }
        return id;
    }

    private void insertCode(long unitId, CodeScheme scheme, String code, LocalDate from) {
        try {
            jdbc.sql("""
                    insert into organization.unit_code (unit_id, code, scheme, valid_from)
                    values (:unit, :code, :scheme, :from)
                    """)
                    .param("unit", unitId)
                    .param("code", code)
                    .param("scheme", scheme.name())
                    .param("from", from)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("organization.error.duplicate-code", code);
        }
    }

    @Transactional
    public void updateUnit(UserScope actor, long id, String name, String shortName, UnitKind kind) {
        UnitView unit = requireUnit(id);
        checkManage(actor, unit.path());
        jdbc.sql("""
                update organization.unit set name = :name, short_name = :short, kind = :kind, version = version + 1
                where id = :id
                """)
                .param("name", name.strip())
                .param("short", shortName.strip())
                .param("kind", kind.name())
                .param("id", id)
                .update();
        publish(actor, "organization.unit.updated", "unit:" + id, unit.name() + " -> " + name);
    }

    /** Moves a unit and its subtree under another parent; refuses cycles. */
    @Transactional
    public void moveUnit(UserScope actor, long id, long newParentId) {
        UnitView unit = requireUnit(id);
        UnitView parent = requireUnit(newParentId);
        checkManage(actor, unit.path());
        checkManage(actor, parent.path());
        UnitTree.checkMove(unit.path(), parent.path());
        String newPath = UnitTree.pathOf(parent.path(), id);
        jdbc.sql("update organization.unit set parent_id = :parent where id = :id")
                .param("parent", newParentId)
                .param("id", id)
                .update();
        jdbc.sql("""
                update organization.unit set path = :newPath || substr(path, length(:oldPath) + 1)
                where path like :oldPath || '%'
                """).param("newPath", newPath).param("oldPath", unit.path()).update();
        publish(actor, "organization.unit.moved", "unit:" + id, unit.path() + " -> " + newPath);
    }

    /** A new code from {@code from}; the current one closes the day before and points to the new one. */
    @Transactional
    public void changeCode(UserScope actor, long id, CodeScheme scheme, String newCode, LocalDate from) {
        UnitView unit = requireUnit(id);
        checkManage(actor, unit.path());
        String code = UnitTree.checkCode(newCode);
        jdbc.sql("""
                update organization.unit_code set valid_to = :to, replaced_by = :code
                where unit_id = :unit and scheme = :scheme and valid_to is null
                """)
                .param("to", from.minusDays(1))
                .param("code", code)
                .param("unit", id)
                .param("scheme", scheme.name())
                .update();
        insertCode(id, scheme, code, from);
        publish(actor, "organization.unit.code-changed", "unit:" + id, scheme + " " + code + " from " + from);
    }

    /** Dissolves a unit (giải thể) on {@code day}; its codes close; its subtree must be dissolved first. */
    @Transactional
    public void dissolveUnit(UserScope actor, long id, LocalDate day) {
        UnitView unit = requireUnit(id);
        checkManage(actor, unit.path());
        boolean activeChildren = children(id).stream().anyMatch(UnitView::active);
        if (activeChildren) {
            throw new RuleViolation("organization.error.active-children");
        }
        jdbc.sql("update organization.unit set dissolved_on = :day where id = :id")
                .param("day", day)
                .param("id", id)
                .update();
        jdbc.sql("update organization.unit_code set valid_to = :day where unit_id = :id and valid_to is null")
                .param("day", day)
                .param("id", id)
                .update();
        publish(actor, "organization.unit.dissolved", "unit:" + id, unit.name() + " on " + day);
    }

    // ---- positions and officers ---------------------------------------------------------------

    public List<PositionView> positions() {
        return jdbc.sql("select code, name_vi, name_en, leader from organization.position order by rank, code")
                .query((rs, n) -> new PositionView(
                        rs.getString("code"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getBoolean("leader")))
                .list();
    }

    public Optional<OfficerView> officer(long id) {
        return officers("where o.id = :id", Map.of("id", id)).stream().findFirst();
    }

    public OfficerView requireOfficer(long id) {
        return officer(id).orElseThrow(() -> new RuleViolation("organization.error.officer-not-found", id));
    }

    /** Officers holding a current position directly in {@code unitId}, leaders first. */
    public List<OfficerView> officersIn(long unitId) {
        return officers("""
                where o.id in (select a.officer_id from organization.appointment a
                               where a.unit_id = :unit and (a.valid_to is null or a.valid_to >= current_date))
                """, Map.of("unit", unitId));
    }

    /** Officers whose name contains {@code text}, accent-insensitive, within the given subtrees (all when empty). */
    public List<OfficerView> searchOfficers(String text, List<String> subtrees, int limit) {
        String scope = subtrees.isEmpty()
                ? ""
                : " and exists (select 1 from organization.appointment a join organization.unit u on u.id = a.unit_id"
                        + " where a.officer_id = o.id and u.path like any (:paths))";
        var params = new HashMap<String, Object>();
        params.put("text", text.strip());
        params.put("limit", limit);
        params.put("paths", subtrees.stream().map(p -> p + "%").toArray(String[]::new));
        List<Long> ids = jdbc.sql("select o.id from organization.officer o"
                        + " where organization.fold(o.full_name) like '%' || organization.fold(:text) || '%'"
                        + scope + " order by o.full_name limit :limit")
                .params(params)
                .query(Long.class)
                .list();
        return ids.isEmpty() ? List.of() : officers("where o.id in (:ids)", Map.of("ids", ids));
    }

    private List<OfficerView> officers(String where, Map<String, ?> params) {
        Map<Long, OfficerView> result = new LinkedHashMap<>();
        Map<Long, List<AppointmentView>> appointments = new HashMap<>();
        jdbc.sql("""
                select o.id, o.full_name, o.email, o.phone, o.active,
                       a.unit_id, u.name as unit_name, u.path as unit_path, a.position_code,
                       p.name_vi as position_name, a.main, a.valid_from, a.valid_to, p.rank
                from organization.officer o
                left join organization.appointment a
                       on a.officer_id = o.id and (a.valid_to is null or a.valid_to >= current_date)
                left join organization.unit u on u.id = a.unit_id
                left join organization.position p on p.code = a.position_code
                """ + where + " order by p.rank nulls last, o.full_name, a.main desc")
                .params(params)
                .query(rs -> {
                    long id = rs.getLong("id");
                    List<AppointmentView> list = appointments.computeIfAbsent(id, k -> new ArrayList<>());
                    result.computeIfAbsent(id, k -> officerRow(rs, list));
                    if (rs.getObject("unit_id") != null) {
                        list.add(new AppointmentView(
                                rs.getLong("unit_id"),
                                rs.getString("unit_name"),
                                rs.getString("unit_path"),
                                rs.getString("position_code"),
                                rs.getString("position_name"),
                                rs.getBoolean("main"),
                                rs.getObject("valid_from", LocalDate.class),
                                rs.getObject("valid_to", LocalDate.class)));
                    }
                });
        return List.copyOf(result.values());
    }

    private static OfficerView officerRow(ResultSet rs, List<AppointmentView> appointments) {
        try {
            return new OfficerView(
                    rs.getLong("id"),
                    rs.getString("full_name"),
                    rs.getString("email"),
                    rs.getString("phone"),
                    rs.getBoolean("active"),
                    appointments);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** New officer (cán bộ) with a main position in a unit. */
    @Transactional
    public long createOfficer(UserScope actor, NewOfficer officer) {
        UnitView unit = requireUnit(officer.unitId());
        checkManage(actor, unit.path());
        long id = insertOfficer(officer, LocalDate.now());
        publish(actor, "organization.officer.created", "officer:" + id, officer.fullName() + " @ unit:" + unit.id());
        return id;
    }

    /** Many officers at once (CSV import, demo province); returns their ids in order. */
    @Transactional
    public List<Long> importOfficers(UserScope actor, List<NewOfficer> officers, String source) {
        var paths =
                unitPaths(officers.stream().map(NewOfficer::unitId).distinct().toList());
        for (NewOfficer officer : officers) {
            String path = paths.get(officer.unitId());
            if (path == null) {
                throw new RuleViolation("organization.error.unit-not-found", officer.unitId());
            }
            checkManage(actor, path);
        }
        LocalDate today = LocalDate.now();
        List<Long> ids = new ArrayList<>(officers.size());
        for (NewOfficer officer : officers) {
            ids.add(insertOfficer(officer, today));
        }
        publish(actor, "organization.officers.imported", "officers", officers.size() + " officers from " + source);
        return ids;
    }

    private long insertOfficer(NewOfficer officer, LocalDate today) {
        long id = jdbc.sql("""
                insert into organization.officer (full_name, email, phone) values (:name, :email, :phone) returning id
                """)
                .param("name", officer.fullName().strip())
                .param("email", blankToNull(officer.email()))
                .param("phone", blankToNull(officer.phone()))
                .query(Long.class)
                .single();
        insertAppointment(id, officer.unitId(), officer.positionCode(), true, today);
        return id;
    }

    /** A (further) position for an officer; a second position in another unit is a concurrent one. */
    @Transactional
    public void appoint(
            UserScope actor, long officerId, long unitId, String positionCode, boolean main, LocalDate from) {
        requireOfficer(officerId);
        UnitView unit = requireUnit(unitId);
        checkManage(actor, unit.path());
        if (main) {
            jdbc.sql("update organization.appointment set main = false where officer_id = :id")
                    .param("id", officerId)
                    .update();
        }
        insertAppointment(officerId, unitId, positionCode, main, from);
        publish(actor, "organization.officer.appointed", "officer:" + officerId, positionCode + " @ unit:" + unitId);
    }

    @Transactional
    public void endAppointment(UserScope actor, long officerId, long unitId, String positionCode, LocalDate on) {
        UnitView unit = requireUnit(unitId);
        checkManage(actor, unit.path());
        int ended = jdbc.sql("""
                update organization.appointment set valid_to = :on
                where officer_id = :officer and unit_id = :unit and position_code = :position and valid_to is null
                """)
                .param("on", on)
                .param("officer", officerId)
                .param("unit", unitId)
                .param("position", positionCode)
                .update();
        if (ended == 0) {
            throw new RuleViolation("organization.error.appointment-not-found");
        }
        publish(
                actor,
                "organization.officer.appointment-ended",
                "officer:" + officerId,
                positionCode + " @ unit:" + unitId);
    }

    @Transactional
    public void updateOfficer(UserScope actor, long officerId, String fullName, String email, String phone) {
        OfficerView officer = requireOfficer(officerId);
        checkManageOfficer(actor, officer);
        jdbc.sql("""
                update organization.officer set full_name = :name, email = :email, phone = :phone, version = version + 1
                where id = :id
                """)
                .param("name", fullName.strip())
                .param("email", blankToNull(email))
                .param("phone", blankToNull(phone))
                .param("id", officerId)
                .update();
        publish(actor, "organization.officer.updated", "officer:" + officerId, fullName);
    }

    private void insertAppointment(long officerId, long unitId, String positionCode, boolean main, LocalDate from) {
        boolean positionExists = jdbc.sql("select count(*) from organization.position where code = :code")
                        .param("code", positionCode)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!positionExists) {
            throw new RuleViolation("organization.error.position-not-found", positionCode);
        }
        try {
            jdbc.sql("""
                    insert into organization.appointment (officer_id, unit_id, position_code, main, valid_from)
                    values (:officer, :unit, :position, :main, :from)
                    """)
                    .param("officer", officerId)
                    .param("unit", unitId)
                    .param("position", positionCode)
                    .param("main", main)
                    .param("from", from)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("organization.error.duplicate-appointment");
        }
    }

    // ---- delegations ---------------------------------------------------------------------------

    public List<DelegationView> delegationsOf(long officerId) {
        return delegations("where d.from_officer_id = :id or d.to_officer_id = :id", Map.of("id", officerId));
    }

    /**
     * The delegation that lets {@code toOfficer} exercise {@code right} for {@code fromOfficer} on
     * {@code day}; refused with a clear reason when there is none, it expired, or it was revoked.
     */
    public DelegationView requireDelegation(long fromOfficer, long toOfficer, DelegatedRight right, LocalDate day) {
        return validOn(
                delegations(
                        "where d.from_officer_id = :from and d.to_officer_id = :to and d.delegated_right = :right",
                        Map.of("from", fromOfficer, "to", toOfficer, "right", right.name())),
                day);
    }

    /**
     * The delegation that lets {@code toOfficer} exercise {@code right} in the name of unit {@code unitId}
     * on {@code day} (ký thừa lệnh, thừa ủy quyền); refused as {@link #requireDelegation} refuses.
     */
    public DelegationView requireDelegationIn(long unitId, long toOfficer, DelegatedRight right, LocalDate day) {
        return validOn(
                delegations(
                        "where d.unit_id = :unit and d.to_officer_id = :to and d.delegated_right = :right",
                        Map.of("unit", unitId, "to", toOfficer, "right", right.name())),
                day);
    }

    private static DelegationView validOn(List<DelegationView> candidates, LocalDate day) {
        return candidates.stream()
                .filter(d -> d.validOn(day))
                .findFirst()
                .orElseThrow(() -> candidates.stream()
                        .filter(d -> !d.revoked() && day.isAfter(d.validTo()))
                        .findFirst()
                        .map(d -> new RuleViolation("organization.error.delegation-expired", d.validTo()))
                        .orElseGet(() -> new RuleViolation("organization.error.delegation-missing")));
    }

    @Transactional
    public long delegate(UserScope actor, NewDelegation delegation) {
        UnitView unit = requireUnit(delegation.unitId());
        boolean own = actor.officerId() != null && actor.officerId() == delegation.fromOfficerId();
        if (!own) {
            checkManage(actor, unit.path());
        }
        if (delegation.validTo().isBefore(delegation.validFrom())) {
            throw new RuleViolation("organization.error.delegation-dates");
        }
        if (delegation.fromOfficerId() == delegation.toOfficerId()) {
            throw new RuleViolation("organization.error.delegation-self");
        }
        requireOfficer(delegation.fromOfficerId());
        requireOfficer(delegation.toOfficerId());
        long id = jdbc.sql("""
                insert into organization.delegation
                    (from_officer_id, to_officer_id, unit_id, delegated_right, valid_from, valid_to, note)
                values (:from, :to, :unit, :right, :validFrom, :validTo, :note) returning id
                """)
                .param("from", delegation.fromOfficerId())
                .param("to", delegation.toOfficerId())
                .param("unit", delegation.unitId())
                .param("right", delegation.right().name())
                .param("validFrom", delegation.validFrom())
                .param("validTo", delegation.validTo())
                .param("note", nullToEmpty(delegation.note()))
                .query(Long.class)
                .single();
        publish(
                actor,
                "organization.delegation.granted",
                "delegation:" + id,
                delegation.right() + " officer:" + delegation.fromOfficerId() + " -> officer:"
                        + delegation.toOfficerId() + " " + delegation.validFrom() + ".." + delegation.validTo());
        return id;
    }

    @Transactional
    public void revokeDelegation(UserScope actor, long id) {
        DelegationView delegation = delegations("where d.id = :id", Map.of("id", id)).stream()
                .findFirst()
                .orElseThrow(() -> new RuleViolation("organization.error.delegation-missing"));
        boolean own = actor.officerId() != null && actor.officerId() == delegation.fromOfficerId();
        if (!own) {
            checkManage(actor, requireUnit(delegation.unitId()).path());
        }
        jdbc.sql("update organization.delegation set revoked_at = now() where id = :id and revoked_at is null")
                .param("id", id)
                .update();
        publish(actor, "organization.delegation.revoked", "delegation:" + id, "");
    }

    private List<DelegationView> delegations(String where, Map<String, ?> params) {
        return jdbc.sql("""
                select d.*, f.full_name as from_name, t.full_name as to_name
                from organization.delegation d
                join organization.officer f on f.id = d.from_officer_id
                join organization.officer t on t.id = d.to_officer_id
                """ + where + " order by d.valid_from desc")
                .params(params)
                .query((rs, n) -> new DelegationView(
                        rs.getLong("id"),
                        rs.getLong("from_officer_id"),
                        rs.getString("from_name"),
                        rs.getLong("to_officer_id"),
                        rs.getString("to_name"),
                        rs.getLong("unit_id"),
                        DelegatedRight.valueOf(rs.getString("delegated_right")),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getString("note"),
                        rs.getObject("revoked_at") != null))
                .list();
    }

    // ---- permissions -------------------------------------------------------------------------

    /** May {@code actor} change the unit at {@code unitPath}? System administrator, or unit administrator above it. */
    public static boolean canManage(UserScope actor, String unitPath) {
        return actor.has(Role.SYSTEM_ADMIN) || actor.hasIn(unitPath, Role.UNIT_ADMIN);
    }

    private static void checkManage(UserScope actor, String unitPath) {
        if (!canManage(actor, unitPath)) {
            throw new AccessDeniedException("unit " + unitPath);
        }
    }

    private static void checkManageOfficer(UserScope actor, OfficerView officer) {
        boolean allowed = actor.has(Role.SYSTEM_ADMIN)
                || officer.appointments().stream().anyMatch(a -> actor.hasIn(a.unitPath(), Role.UNIT_ADMIN));
        if (!allowed) {
            throw new AccessDeniedException("officer " + officer.id());
        }
    }

    private static void requireSystemAdmin(UserScope actor) {
        if (!actor.has(Role.SYSTEM_ADMIN)) {
            throw new AccessDeniedException("system administrator only");
        }
    }

    private void publish(UserScope actor, String action, String resource, String details) {
        events.publishEvent(new OrganizationChanged(actor.username(), action, resource, details));
    }

    private static UnitView unitView(ResultSet rs, int row) throws SQLException {
        return new UnitView(
                rs.getLong("id"),
                rs.getObject("parent_id", Long.class),
                UnitKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("short_name"),
                rs.getString("path"),
                rs.getString("code"),
                rs.getString("axis_code"),
                rs.getObject("dissolved_on", LocalDate.class),
                rs.getInt("child_count"));
    }

    private static List<Long> pathIds(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A unit to create; parent by id (screens) or by code (imports). */
    public record NewUnit(
            Long parentId,
            String parentCode,
            UnitKind kind,
            String name,
            String shortName,
            String code,
            String axisCode,
            int sortOrder) {}

    public record NewOfficer(String fullName, String email, String phone, long unitId, String positionCode) {}

    public record NewDelegation(
            long fromOfficerId,
            long toOfficerId,
            long unitId,
            DelegatedRight right,
            LocalDate validFrom,
            LocalDate validTo,
            String note) {}
}
