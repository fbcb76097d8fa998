package vn.sen.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.sen.documents.IncomingViews.IncomingView;
import vn.sen.documents.RoutingViews.AssignmentView;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.OfficerView;
import vn.sen.organization.Views.PositionView;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/** The routing panel of a document page: history, parts, and the steps this user can take with whom. */
@Component
class RoutingPanel {

    private static final int MAX_OFFICERS = 500;

    private final Routing routing;
    private final Organization organization;
    private final Clock clock;

    RoutingPanel(Routing routing, Organization organization, Clock clock) {
        this.routing = routing;
        this.organization = organization;
        this.clock = clock;
    }

    /** Adds the routing panel of a document page: history, parts, and what this user can do. */
    void describe(UserScope user, IncomingView doc, Model model) {
        String unitPath = organization.requireUnit(doc.unitId()).path();
        List<AssignmentView> assignments = routing.assignments(doc.id());
        model.addAttribute("assignments", assignments);
        model.addAttribute("history", routing.history(doc.id()));
        model.addAttribute("held", routing.heldBy(user, doc.id()));
        model.addAttribute("today", LocalDate.now(clock));
        boolean open = !doc.closed();
        boolean canPresent = open && user.hasIn(unitPath, Role.CLERK);
        boolean canAssign = open && routing.canAssign(user, doc.id(), unitPath);
        model.addAttribute("canPresent", canPresent);
        model.addAttribute("canAssign", canAssign);
        if (canPresent) {
            model.addAttribute("leaders", leadersAbove(doc.unitId()));
        }
        if (canAssign) {
            model.addAttribute("candidates", candidates(leaderUnits(user, unitPath)));
        }
        Map<Long, Map<String, String>> forwardTargets = new LinkedHashMap<>();
        for (AssignmentView held : routing.heldBy(user, doc.id())) {
            if (held.unitId() != null) {
                forwardTargets.put(held.id(), forwardTargets(held.unitId()));
            }
        }
        model.addAttribute("forwardTargets", forwardTargets);
    }

    /** Leaders a clerk may present to from the list, for any of the units they register for. */
    List<OfficerView> leadersFor(List<UnitView> units) {
        return units.stream()
                .flatMap(u -> leadersAbove(u.id()).stream())
                .distinct()
                .toList();
    }

    /** Officers holding a leader position in the document's unit or the unit above it. */
    private List<OfficerView> leadersAbove(long unitId) {
        Set<String> leaderPositions = organization.positions().stream()
                .filter(PositionView::leader)
                .map(PositionView::code)
                .collect(Collectors.toSet());
        List<Long> units = new ArrayList<>();
        units.add(unitId);
        organization.unit(unitId).map(UnitView::parentId).ifPresent(units::add);
        return units.stream()
                .flatMap(u -> organization.officersIn(u).stream()
                        .filter(o -> o.appointments().stream()
                                .anyMatch(a -> a.unitId() == u && leaderPositions.contains(a.positionCode()))))
                .distinct()
                .toList();
    }

    /** Units where the user leads and whose subtree holds the document's unit (or all they lead). */
    private static List<Long> leaderUnits(UserScope user, String unitPath) {
        List<Long> covering = user.grants().stream()
                .filter(g -> g.role() == Role.LEADER && g.unitId() != null && unitPath.startsWith(g.unitPath()))
                .map(UserScope.Grant::unitId)
                .toList();
        return covering.isEmpty()
                ? user.grants().stream()
                        .filter(g -> g.role() == Role.LEADER && g.unitId() != null)
                        .map(UserScope.Grant::unitId)
                        .toList()
                : covering;
    }

    /** Down the unit's own subtree: its sub-units and every officer appointed anywhere in it. */
    private Map<String, String> forwardTargets(long unitId) {
        Map<String, String> options = new LinkedHashMap<>();
        UnitView unit = organization.requireUnit(unitId);
        for (UnitView child : organization.children(unitId)) {
            if (child.active()) {
                options.put("unit:" + child.id(), child.name());
            }
        }
        for (OfficerView officer : organization.searchOfficers("", List.of(unit.path()), MAX_OFFICERS)) {
            options.put("officer:" + officer.id(), label(officer));
        }
        return options;
    }

    private static String label(OfficerView officer) {
        var main = officer.mainAppointment();
        return officer.fullName() + (main == null ? "" : " — " + main.positionName() + ", " + main.unitName());
    }

    /** Who work can go to from {@code units}: their sub-units and the officers appointed in them. */
    private Map<String, String> candidates(List<Long> units) {
        Map<String, String> options = new LinkedHashMap<>();
        for (long unit : units) {
            for (UnitView child : organization.children(unit)) {
                if (child.active()) {
                    options.put("unit:" + child.id(), child.name());
                }
            }
            for (OfficerView officer : organization.officersIn(unit)) {
                options.put("officer:" + officer.id(), label(officer));
            }
        }
        return options;
    }
}
