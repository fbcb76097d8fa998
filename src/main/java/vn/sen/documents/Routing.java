package vn.sen.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.calendar.WorkingDays;
import vn.sen.documents.RoutingViews.Assignee;
import vn.sen.documents.RoutingViews.Assignment;
import vn.sen.documents.RoutingViews.AssignmentRole;
import vn.sen.documents.RoutingViews.AssignmentState;
import vn.sen.documents.RoutingViews.AssignmentView;
import vn.sen.documents.RoutingViews.HistoryEntry;
import vn.sen.documents.RoutingViews.InboxRow;
import vn.sen.documents.RoutingViews.InboxView;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.OfficerView;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Routing of incoming documents (luân chuyển, giao xử lý): the clerk presents a document to a
 * leader, the leader assigns a lead, coordinating and informed units or officers with a direction and
 * a deadline, assignees forward down their own unit, and each handles, completes or returns its part.
 * Every step is kept in the document's history.
 *
 * <p>A unit's assignments are handled by the leaders and clerks of that very unit (not of the units
 * above it); an officer's by that officer.
 */
@Service
@Transactional(readOnly = true)
public class Routing {

    private final JdbcClient jdbc;
    private final Organization organization;
    private final WorkingDays workingDays;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int dueSoonDays;
    private final DocumentNotices notices;

    Routing(
            JdbcClient jdbc,
            Organization organization,
            WorkingDays workingDays,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${sen.documents.due-soon-working-days:2}") int dueSoonDays,
            DocumentNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.organization = organization;
        this.workingDays = workingDays;
        this.events = events;
        this.clock = clock;
        this.dueSoonDays = dueSoonDays;
    }

    // ---- steps -------------------------------------------------------------------------------

    /** The clerk presents a registered document to a leader (trình lãnh đạo). */
    @Transactional
    public void present(UserScope clerk, long documentId, long leaderOfficerId, String note) {
        Doc doc = openDocument(documentId);
        if (!clerk.hasIn(doc.unitPath(), Role.CLERK)) {
            throw new AccessDeniedException("not a clerk of the document's unit");
        }
        OfficerView leader = organization
                .officer(leaderOfficerId)
                .filter(OfficerView::active)
                .orElseThrow(() -> new RuleViolation("documents.error.assignee"));
        boolean waiting = jdbc.sql("""
                        select count(*) from documents.assignment
                        where incoming_id = :doc and role = 'PRESENTED' and officer_id = :leader and state = 'PENDING'
                        """)
                        .param("doc", doc.id())
                        .param("leader", leader.id())
                        .query(Long.class)
                        .single()
                > 0;
        if (waiting) {
            throw new RuleViolation("documents.error.already-presented", leader.fullName());
        }
        insert(doc.id(), null, Assignee.officer(leader.id()), AssignmentRole.PRESENTED, note, null, clerk);
        history(doc.id(), clerk, "PRESENTED", leader.fullName(), note);
        events.publishEvent(new IncomingDocumentRouted(clerk.username(), doc.id(), "presented", leader.fullName()));
    }

    /**
     * The leader's decision (giao xử lý): the lead, coordinating and informed assignees, the direction
     * and the deadline. Open to leaders of the document's unit subtree and to whoever it was presented to.
     */
    @Transactional
    public void assign(UserScope leader, long documentId, Assignment decision) {
        Doc doc = openDocument(documentId);
        boolean presentedToMe = leader.officerId() != null
                && jdbc.sql("""
                        select count(*) from documents.assignment
                        where incoming_id = :doc and role = 'PRESENTED' and officer_id = :me and state = 'PENDING'
                        """)
                                .param("doc", doc.id())
                                .param("me", leader.officerId())
                                .query(Long.class)
                                .single()
                        > 0;
        if (!presentedToMe && !leader.hasIn(doc.unitPath(), Role.LEADER)) {
            throw new AccessDeniedException("not a leader of the document's unit");
        }
        if (decision.lead() == null) {
            throw new RuleViolation("documents.error.lead-required");
        }
        checkDue(decision.dueOn());
        List<Assignee> everyone = new ArrayList<>();
        everyone.add(decision.lead());
        everyone.addAll(decision.coordinating());
        everyone.addAll(decision.information());
        if (new HashSet<>(everyone).size() != everyone.size()) {
            throw new RuleViolation("documents.error.assignee-twice");
        }
        everyone.forEach(this::requireExists);
        if (leader.officerId() != null) {
            jdbc.sql("""
                    update documents.assignment set state = 'DONE', state_at = now()
                    where incoming_id = :doc and role = 'PRESENTED' and officer_id = :me and state = 'PENDING'
                    """).param("doc", doc.id()).param("me", leader.officerId()).update();
        }
        route(doc.id(), null, decision.lead(), AssignmentRole.LEAD, decision, leader, "ASSIGNED");
        for (Assignee a : decision.coordinating()) {
            route(doc.id(), null, a, AssignmentRole.COORDINATING, decision, leader, "ASSIGNED");
        }
        for (Assignee a : decision.information()) {
            route(doc.id(), null, a, AssignmentRole.INFORMATION, decision, leader, "ASSIGNED");
        }
    }

    /** An assignee unit hands its part down its own subtree (chuyển xuống phòng, chuyên viên). */
    @Transactional
    public void forward(UserScope user, long assignmentId, List<Assignee> to, String direction, LocalDate dueOn) {
        Held held = held(user, assignmentId);
        if (held.unitId() == null
                || held.role() == AssignmentRole.PRESENTED
                || !held.state().active()) {
            throw new RuleViolation("documents.error.cannot-forward");
        }
        if (to.isEmpty()) {
            throw new RuleViolation("documents.error.assignee");
        }
        openDocument(held.documentId());
        checkDue(dueOn);
        LocalDate due = dueOn != null ? dueOn : held.dueOn();
        if (held.dueOn() != null && due != null && due.isAfter(held.dueOn())) {
            throw new RuleViolation("documents.error.due-after-parent", held.dueOn());
        }
        String unitPath = organization.requireUnit(held.unitId()).path();
        for (Assignee a : to) {
            if (!within(a, unitPath, held.unitId())) {
                throw new RuleViolation("documents.error.outside-unit");
            }
        }
        var step = new Assignment(null, List.of(), List.of(), direction, due);
        for (Assignee a : to) {
            route(held.documentId(), held.id(), a, held.role(), step, user, "FORWARDED");
        }
        setState(held.id(), AssignmentState.FORWARDED, null);
    }

    /** The assignee starts working on it (bắt đầu xử lý). */
    @Transactional
    public void start(UserScope user, long assignmentId) {
        Held held = held(user, assignmentId);
        if (held.state() != AssignmentState.PENDING || held.role() == AssignmentRole.PRESENTED) {
            throw new RuleViolation("documents.error.state");
        }
        setState(held.id(), AssignmentState.IN_PROGRESS, null);
        String name = assigneeName(held.assignee());
        history(held.documentId(), user, "STARTED", name, "");
        events.publishEvent(new IncomingDocumentRouted(user.username(), held.documentId(), "started", name));
    }

    /**
     * The assignee completes its part with a result (hoàn thành). The lead's result closes the
     * document; a completed part rolls up to the unit that forwarded it once all its parts are done.
     */
    @Transactional
    public void complete(UserScope user, long assignmentId, String result) {
        Held held = held(user, assignmentId);
        if (!held.state().active() || held.role() == AssignmentRole.PRESENTED) {
            throw new RuleViolation("documents.error.state");
        }
        String text = result == null ? "" : result.strip();
        if (held.role() == AssignmentRole.LEAD && text.isEmpty()) {
            throw new RuleViolation("documents.error.result-required");
        }
        setState(held.id(), AssignmentState.DONE, text);
        history(held.documentId(), user, "COMPLETED", assigneeName(held.assignee()), text);
        if (held.role() == AssignmentRole.LEAD) {
            Long parent = held.parentId();
            while (parent != null) {
                setState(parent, AssignmentState.DONE, text);
                parent = jdbc.sql("select parent_id from documents.assignment where id = :id")
                        .param("id", parent)
                        .query((rs, n) -> (Long) rs.getObject(1))
                        .optional()
                        .orElse(null);
            }
            jdbc.sql(
                            "update documents.incoming set closed_at = now(), result = :r where id = :id and closed_at is null")
                    .param("r", text)
                    .param("id", held.documentId())
                    .update();
            history(held.documentId(), user, "CLOSED", "", text);
            events.publishEvent(new IncomingDocumentRouted(user.username(), held.documentId(), "closed", text));
        } else if (held.parentId() != null) {
            rollUp(held.parentId());
        }
    }

    /** The assignee gives it back with a reason (trả lại): wrong unit, not theirs to handle. */
    @Transactional
    public void giveBack(UserScope user, long assignmentId, String reason) {
        Held held = held(user, assignmentId);
        if (!held.state().active()) {
            throw new RuleViolation("documents.error.state");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new RuleViolation("documents.error.reason-required");
        }
        setState(held.id(), AssignmentState.RETURNED, text);
        if (held.parentId() != null) {
            jdbc.sql("""
                    update documents.assignment set state = 'IN_PROGRESS', state_at = now()
                    where id = :p and state = 'FORWARDED' and not exists (
                        select 1 from documents.assignment c
                        where c.parent_id = :p and c.state in ('PENDING', 'IN_PROGRESS', 'FORWARDED'))
                    """).param("p", held.parentId()).update();
        }
        history(held.documentId(), user, "RETURNED", assigneeName(held.assignee()), text);
        events.publishEvent(new IncomingDocumentRouted(user.username(), held.documentId(), "returned", text));
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Every assignment of a document, in the order they were made. */
    public List<AssignmentView> assignments(long documentId) {
        List<AssignmentView> views = jdbc.sql("select * from documents.assignment where incoming_id = :d order by id")
                .param("d", documentId)
                .query((rs, n) -> view(rs))
                .list();
        Map<Long, String> units = organization.unitNames(views.stream()
                .map(AssignmentView::unitId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        return views.stream()
                .map(v -> new AssignmentView(
                        v.id(),
                        v.parentId(),
                        v.unitId() != null
                                ? units.getOrDefault(v.unitId(), "")
                                : assigneeName(Assignee.officer(v.officerId())),
                        v.unitId(),
                        v.officerId(),
                        v.role(),
                        v.state(),
                        v.direction(),
                        v.dueOn(),
                        v.assignedBy(),
                        v.assignedAt(),
                        v.result()))
                .toList();
    }

    public List<HistoryEntry> history(long documentId) {
        return jdbc.sql("select * from documents.incoming_history where incoming_id = :d order by id")
                .param("d", documentId)
                .query((rs, n) -> new HistoryEntry(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("assignee"),
                        rs.getString("text")))
                .list();
    }

    /** Everyone who holds or held a part of the document (they may read it). */
    public List<Assignee> readers(long documentId) {
        return jdbc.sql("select distinct unit_id, officer_id from documents.assignment where incoming_id = :d")
                .param("d", documentId)
                .query((rs, n) -> new Assignee((Long) rs.getObject(1), (Long) rs.getObject(2)))
                .list();
    }

    /** True when the user holds, or held, a part of the document: it may then read it. */
    boolean involved(UserScope user, long documentId) {
        return jdbc.sql("""
                        select count(*) from documents.assignment
                        where incoming_id = :d and (officer_id = :officer or unit_id = any(:units))
                        """)
                        .param("d", documentId)
                        .param("officer", user.officerId())
                        .param("units", handlingUnits(user).toArray(Long[]::new))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The user's active assignments on a document: what they can act on there. */
    public List<AssignmentView> heldBy(UserScope user, long documentId) {
        Set<Long> units = new HashSet<>(handlingUnits(user));
        return assignments(documentId).stream()
                .filter(a -> a.state().active() && a.role() != AssignmentRole.PRESENTED)
                .filter(a -> (a.officerId() != null && a.officerId().equals(user.officerId()))
                        || (a.unitId() != null && units.contains(a.unitId())))
                .toList();
    }

    /** Whether the user may make the routing decision on the document now. */
    public boolean canAssign(UserScope user, long documentId, String unitPath) {
        if (user.hasIn(unitPath, Role.LEADER)) {
            return true;
        }
        return assignments(documentId).stream()
                .anyMatch(a -> a.role() == AssignmentRole.PRESENTED
                        && a.state() == AssignmentState.PENDING
                        && a.officerId() != null
                        && a.officerId().equals(user.officerId()));
    }

    /** Counters of every inbox view. */
    public Map<InboxView, Long> counts(UserScope user) {
        // every view but "not presented" counted in one pass over the user's assignments
        StringBuilder select = new StringBuilder("select ");
        List<InboxView> views = new java.util.ArrayList<>();
        for (InboxView view : InboxView.values()) {
            if (view != InboxView.UNPRESENTED) {
                select.append(views.isEmpty() ? "" : ", ")
                        .append("count(*) filter (where ")
                        .append(condition(view))
                        .append(")");
                views.add(view);
            }
        }
        var params = inboxParams(user);
        Map<InboxView, Long> counts = new EnumMap<>(InboxView.class);
        jdbc.sql(select + """
                 from documents.assignment a
                 where (a.officer_id = :officer or a.unit_id = any(:units))
                   and a.state in ('PENDING', 'IN_PROGRESS', 'FORWARDED')
                """).params(params).query(rs -> {
            for (int i = 0; i < views.size(); i++) {
                counts.put(views.get(i), rs.getLong(i + 1));
            }
        });
        counts.put(
                InboxView.UNPRESENTED,
                ((Long[]) params.get("clerkUnits")).length == 0
                        ? 0L
                        : jdbc.sql("select count(*) " + inboxFrom(InboxView.UNPRESENTED))
                                .params(params)
                                .query(Long.class)
                                .single());
        return counts;
    }

    /** One page of an inbox view: urgent first, then by deadline, then newest. */
    public List<InboxRow> inbox(UserScope user, InboxView view, int offset, int limit) {
        var params = inboxParams(user);
        params.put("offset", offset);
        params.put("limit", limit);
        String select = view == InboxView.UNPRESENTED
                ? "select null::bigint as assignment_id, null as role, null as state, d.due_on as a_due_on,"
                        + " d.registered_by as assigned_by, '' as direction, d.*, r.year "
                : "select a.id as assignment_id, a.role, a.state, a.due_on as a_due_on, a.assigned_by, a.direction,"
                        + " d.*, r.year ";
        return jdbc.sql(select + inboxFrom(view)
                        + " order by (d.urgency <> 'NORMAL') desc, a_due_on nulls last, d.arrived_at desc, d.id desc"
                        + " offset :offset limit :limit")
                .params(params)
                .query((rs, n) -> new InboxRow(
                        (Long) rs.getObject("assignment_id"),
                        rs.getLong("id"),
                        rs.getInt("arrival_number"),
                        rs.getInt("year"),
                        IncomingViews.numberAndNotation(rs.getString("code_number"), rs.getString("code_notation")),
                        rs.getString("subject"),
                        rs.getString("issuer_name"),
                        Urgency.valueOf(rs.getString("urgency")),
                        Confidentiality.valueOf(rs.getString("confidentiality")),
                        rs.getString("role") == null ? null : AssignmentRole.valueOf(rs.getString("role")),
                        rs.getString("state") == null ? null : AssignmentState.valueOf(rs.getString("state")),
                        rs.getObject("a_due_on", LocalDate.class),
                        rs.getString("assigned_by"),
                        rs.getString("direction")))
                .list();
    }

    /** What puts an assignment in a view (all but "not presented", which has no assignment yet). */
    private static String condition(InboxView view) {
        String active =
                "a.state in ('PENDING', 'IN_PROGRESS', 'FORWARDED') and a.role not in ('PRESENTED', 'INFORMATION')";
        return switch (view) {
            case PENDING -> "a.state = 'PENDING' and a.role <> 'INFORMATION'";
            case IN_PROGRESS -> "a.state in ('IN_PROGRESS', 'FORWARDED') and a.role <> 'PRESENTED'";
            case DUE_SOON -> active + " and a.due_on between :today and :soon";
            case OVERDUE -> active + " and a.due_on < :today";
            case INFORMATION -> "a.state = 'PENDING' and a.role = 'INFORMATION'";
            case UNPRESENTED -> throw new IllegalStateException();
        };
    }

    private String inboxFrom(InboxView view) {
        if (view == InboxView.UNPRESENTED) {
            return """
                    from documents.incoming d join documents.register r on r.id = d.register_id
                    where d.unit_id = any(:clerkUnits) and d.closed_at is null
                      and not exists (select 1 from documents.assignment a where a.incoming_id = d.id)
                    """;
        }
        String condition = condition(view);
        return """
                from documents.assignment a
                join documents.incoming d on d.id = a.incoming_id
                join documents.register r on r.id = d.register_id
                where (a.officer_id = :officer or a.unit_id = any(:units)) and
                """ + condition;
    }

    private Map<String, Object> inboxParams(UserScope user) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("officer", user.officerId() == null ? -1L : user.officerId());
        params.put("units", handlingUnits(user).toArray(Long[]::new));
        params.put(
                "clerkUnits",
                user.grants().stream()
                        .filter(g -> g.role() == Role.CLERK && g.unitId() != null)
                        .map(UserScope.Grant::unitId)
                        .toArray(Long[]::new));
        params.put("today", today);
        params.put("soon", workingDays.plusWorkingDays(today, dueSoonDays));
        return params;
    }

    // ---- internals ---------------------------------------------------------------------------

    /** Units whose assignments the user handles: where they are a leader or clerk of that very unit. */
    static List<Long> handlingUnits(UserScope user) {
        return user.grants().stream()
                .filter(g -> (g.role() == Role.LEADER || g.role() == Role.CLERK) && g.unitId() != null)
                .map(UserScope.Grant::unitId)
                .distinct()
                .toList();
    }

    private record Doc(long id, long unitId, String unitPath) {}

    private Doc openDocument(long documentId) {
        var row = jdbc.sql("select unit_id, closed_at from documents.incoming where id = :id")
                .param("id", documentId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2)})
                .optional()
                .orElseThrow(() -> new RuleViolation("documents.error.not-found"));
        if (row[1] != null) {
            throw new RuleViolation("documents.error.closed");
        }
        long unitId = (long) row[0];
        return new Doc(documentId, unitId, organization.requireUnit(unitId).path());
    }

    private record Held(
            long id,
            long documentId,
            Long parentId,
            Assignee assignee,
            Long unitId,
            AssignmentRole role,
            AssignmentState state,
            LocalDate dueOn) {}

    private Held held(UserScope user, long assignmentId) {
        Held held = jdbc.sql("select * from documents.assignment where id = :id for update")
                .param("id", assignmentId)
                .query((rs, n) -> {
                    Long unit = (Long) rs.getObject("unit_id");
                    Long officer = (Long) rs.getObject("officer_id");
                    return new Held(
                            rs.getLong("id"),
                            rs.getLong("incoming_id"),
                            (Long) rs.getObject("parent_id"),
                            new Assignee(unit, officer),
                            unit,
                            AssignmentRole.valueOf(rs.getString("role")),
                            AssignmentState.valueOf(rs.getString("state")),
                            rs.getObject("due_on", LocalDate.class));
                })
                .optional()
                .orElseThrow(() -> new RuleViolation("documents.error.not-found"));
        boolean mine = held.assignee().officerId() != null
                ? held.assignee().officerId().equals(user.officerId())
                : handlingUnits(user).contains(held.unitId());
        if (!mine) {
            throw new AccessDeniedException("assignment " + assignmentId + " is not the user's");
        }
        return held;
    }

    private void route(
            long documentId,
            Long parentId,
            Assignee to,
            AssignmentRole role,
            Assignment decision,
            UserScope by,
            String action) {
        insert(documentId, parentId, to, role, decision.direction(), decision.dueOn(), by);
        String name = assigneeName(to);
        history(documentId, by, action, name + " (" + role.name() + ")", decision.direction());
        events.publishEvent(new IncomingDocumentRouted(
                by.username(),
                documentId,
                action.toLowerCase(java.util.Locale.ROOT) + " " + role.name().toLowerCase(java.util.Locale.ROOT),
                name));
    }

    private void insert(
            long documentId,
            Long parentId,
            Assignee to,
            AssignmentRole role,
            String direction,
            LocalDate dueOn,
            UserScope by) {
        long id = jdbc.sql("""
                insert into documents.assignment
                    (incoming_id, parent_id, unit_id, officer_id, role, direction, due_on, assigned_by, assigned_at, state_at)
                values (:d, :p, :u, :o, :role, :direction, :due, :by, now(), now())
                returning id
                """)
                .param("d", documentId)
                .param("p", parentId)
                .param("u", to.unitId())
                .param("o", to.officerId())
                .param("role", role.name())
                .param("direction", direction == null ? "" : direction.strip())
                .param("due", dueOn)
                .param("by", by.username())
                .query(Long.class)
                .single();
        notices.assigned(id, documentId, to, role, dueOn);
    }

    private void setState(long assignmentId, AssignmentState state, String result) {
        jdbc.sql(
                        "update documents.assignment set state = :s, state_at = now(), result = coalesce(:r, result) where id = :id")
                .param("s", state.name())
                .param("r", result)
                .param("id", assignmentId)
                .update();
    }

    /** A forwarded part is done when every part it was handed down as is done. */
    private void rollUp(long parentId) {
        int updated = jdbc.sql("""
                update documents.assignment p set state = 'DONE', state_at = now()
                where p.id = :p and p.state = 'FORWARDED' and not exists (
                    select 1 from documents.assignment c
                    where c.parent_id = p.id and c.state in ('PENDING', 'IN_PROGRESS', 'FORWARDED'))
                """).param("p", parentId).update();
        if (updated > 0) {
            jdbc.sql("select parent_id from documents.assignment where id = :id")
                    .param("id", parentId)
                    .query((rs, n) -> (Long) rs.getObject(1))
                    .optional()
                    .filter(java.util.Objects::nonNull)
                    .ifPresent(this::rollUp);
        }
    }

    private void history(long documentId, UserScope actor, String action, String assignee, String text) {
        jdbc.sql("""
                insert into documents.incoming_history (incoming_id, at, actor, action, assignee, text)
                values (:d, now(), :actor, :action, :assignee, :text)
                """)
                .param("d", documentId)
                .param("actor", actor.username())
                .param("action", action)
                .param("assignee", assignee == null ? "" : assignee)
                .param("text", text == null ? "" : text.strip())
                .update();
    }

    private void checkDue(LocalDate dueOn) {
        if (dueOn != null && dueOn.isBefore(LocalDate.now(clock))) {
            throw new RuleViolation("documents.error.due-past");
        }
    }

    private void requireExists(Assignee a) {
        boolean exists = a.unitId() != null
                ? organization.unit(a.unitId()).filter(UnitView::active).isPresent()
                : organization
                        .officer(a.officerId())
                        .filter(OfficerView::active)
                        .isPresent();
        if (!exists) {
            throw new RuleViolation("documents.error.assignee");
        }
    }

    private boolean within(Assignee a, String unitPath, long unitId) {
        if (a.unitId() != null) {
            return !a.unitId().equals(unitId)
                    && organization
                            .unit(a.unitId())
                            .filter(UnitView::active)
                            .map(u -> u.path().startsWith(unitPath))
                            .orElse(false);
        }
        return organization
                .officer(a.officerId())
                .filter(OfficerView::active)
                .map(o -> o.appointments().stream().anyMatch(ap -> ap.unitPath().startsWith(unitPath)))
                .orElse(false);
    }

    private String assigneeName(Assignee a) {
        if (a.unitId() != null) {
            return organization.unit(a.unitId()).map(UnitView::name).orElse("");
        }
        return organization.officer(a.officerId()).map(OfficerView::fullName).orElse("");
    }

    private static AssignmentView view(ResultSet rs) throws SQLException {
        return new AssignmentView(
                rs.getLong("id"),
                (Long) rs.getObject("parent_id"),
                "",
                (Long) rs.getObject("unit_id"),
                (Long) rs.getObject("officer_id"),
                AssignmentRole.valueOf(rs.getString("role")),
                AssignmentState.valueOf(rs.getString("state")),
                rs.getString("direction"),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("assigned_by"),
                rs.getObject("assigned_at", OffsetDateTime.class).toInstant(),
                rs.getString("result"));
    }
}
