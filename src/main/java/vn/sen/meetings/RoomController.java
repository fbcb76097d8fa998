package vn.sen.meetings;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.organization.Organization;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.ScopedPrincipal;

/** Meeting rooms of the units (with their seat grids and check-in codes) and the installation's meeting types. */
@Controller
class RoomController {

    private final Rooms rooms;
    private final MeetingTypes types;
    private final Organization organization;
    private final FormOutcomes forms;

    RoomController(Rooms rooms, MeetingTypes types, Organization organization, FormOutcomes forms) {
        this.forms = forms;
        this.rooms = rooms;
        this.types = types;
        this.organization = organization;
    }

    @Bean
    static NavigationItem meetingTypesNavigation() {
        return new NavigationItem(
                96, "/admin/meeting-types", "nav.meeting-types", scope -> scope.has(Role.SYSTEM_ADMIN));
    }

    @GetMapping("/meetings/rooms")
    String rooms(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        var scope = me.scope();
        model.addAttribute("rooms", rooms.kept(scope));
        model.addAttribute(
                "units",
                scope.grants().stream()
                        .filter(g -> (g.role() == Role.MEETING_SECRETARY || g.role() == Role.UNIT_ADMIN)
                                && g.unitId() != null)
                        .map(g -> organization.requireUnit(g.unitId()))
                        .distinct()
                        .toList());
        return "meetings/rooms";
    }

    @PostMapping("/meetings/rooms")
    String create(
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam long unitId,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String location,
            @RequestParam int rows,
            @RequestParam int cols,
            @RequestParam(defaultValue = "") String aisles,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "meetings.room-created",
                () -> rooms.create(me.scope(), unitId, name, location, rows, cols, aisles));
    }

    @PostMapping("/meetings/rooms/{id}/{step:activation|deactivation|token}")
    String change(
            @PathVariable long id,
            @PathVariable String step,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return act(redirect, "meetings.saved", () -> {
            switch (step) {
                case "activation" -> rooms.activate(me.scope(), id, true);
                case "deactivation" -> rooms.activate(me.scope(), id, false);
                default -> rooms.renewCheckinToken(me.scope(), id);
            }
        });
    }

    private String act(RedirectAttributes redirect, String notice, Runnable action) {
        return forms.run(0, "/meetings/rooms", redirect, notice, action);
    }

    @GetMapping("/admin/meeting-types")
    String types(Model model) {
        model.addAttribute("types", types.all());
        return "meetings/types";
    }

    @PostMapping("/admin/meeting-types/{id}")
    String updateType(
            @PathVariable long id,
            @RequestParam int leadWorkingDays,
            @RequestParam int maxMinutes,
            @RequestParam(defaultValue = "false") boolean active,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return forms.run(
                0,
                "/admin/meeting-types",
                redirect,
                "meetings.saved",
                () -> types.update(me.scope(), id, leadWorkingDays, maxMinutes, active));
    }
}
