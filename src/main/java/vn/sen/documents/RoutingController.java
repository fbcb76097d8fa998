package vn.sen.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.calendar.WorkingDays;
import vn.sen.documents.RoutingViews.Assignee;
import vn.sen.documents.RoutingViews.Assignment;
import vn.sen.documents.RoutingViews.InboxView;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/**
 * The inbox (hộp văn bản) and the routing steps taken from a document's page. Each step is a form post
 * that redirects back with a notice or the reason it was refused.
 */
@Controller
class RoutingController {

    private static final int PAGE = 50;

    private final Routing routing;
    private final WorkingDays workingDays;
    private final Clock clock;

    RoutingController(Routing routing, WorkingDays workingDays, Clock clock) {
        this.routing = routing;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    @Bean
    static NavigationItem inboxNavigation() {
        return new NavigationItem(
                5,
                "/documents/inbox",
                "nav.inbox",
                scope -> scope.has(Role.CLERK) || scope.has(Role.LEADER) || scope.has(Role.SPECIALIST));
    }

    @GetMapping("/documents/inbox")
    String inbox(
            @RequestParam(defaultValue = "PENDING") InboxView view,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        var rows = routing.inbox(me.scope(), view, Math.max(page, 0) * PAGE, PAGE + 1);
        model.addAttribute("view", view);
        model.addAttribute("views", InboxView.values());
        model.addAttribute("counts", routing.counts(me.scope()));
        model.addAttribute("rows", rows.stream().limit(PAGE).toList());
        model.addAttribute("hasMore", rows.size() > PAGE);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("today", LocalDate.now(clock));
        return "documents/inbox";
    }

    @PostMapping("/documents/incoming/{id}/presentation")
    String present(
            @PathVariable long id,
            @RequestParam long leaderOfficerId,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(id, redirect, "routing.presented", () -> routing.present(me.scope(), id, leaderOfficerId, note));
    }

    /**
     * Bulk presentation from the list (clerks): each chosen document goes to the leader in its own
     * transaction; those that cannot (already routed, not the clerk's) are counted, not lost.
     */
    @PostMapping("/documents/incoming/presentations")
    String presentMany(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam long leaderOfficerId,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        int done = 0;
        int refused = 0;
        for (long id : ids == null ? List.<Long>of() : ids) {
            try {
                routing.present(me.scope(), id, leaderOfficerId, note);
                done++;
            } catch (RuleViolation | org.springframework.security.access.AccessDeniedException e) {
                refused++;
            }
        }
        redirect.addFlashAttribute("notice", "routing.bulk-presented");
        redirect.addFlashAttribute("noticeArgs", new Object[] {done, refused});
        return "redirect:/documents/incoming";
    }

    @PostMapping("/documents/incoming/{id}/assignment")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) String lead,
            @RequestParam(required = false) List<String> coordinating,
            @RequestParam(required = false) List<String> information,
            @RequestParam(defaultValue = "") String direction,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @RequestParam(required = false) Integer dueInWorkingDays,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(
                id,
                redirect,
                "routing.assigned",
                () -> routing.assign(
                        me.scope(),
                        id,
                        new Assignment(
                                Assignee.parse(lead),
                                parse(coordinating),
                                parse(information),
                                direction,
                                due(dueOn, dueInWorkingDays))));
    }

    @PostMapping("/documents/assignments/{assignment}/forwarding")
    String forward(
            @PathVariable long assignment,
            @RequestParam long document,
            @RequestParam(required = false) List<String> to,
            @RequestParam(defaultValue = "") String direction,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(
                document,
                redirect,
                "routing.forwarded",
                () -> routing.forward(me.scope(), assignment, parse(to), direction, dueOn));
    }

    @PostMapping("/documents/assignments/{assignment}/start")
    String start(
            @PathVariable long assignment,
            @RequestParam long document,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(document, redirect, "routing.started", () -> routing.start(me.scope(), assignment));
    }

    @PostMapping("/documents/assignments/{assignment}/completion")
    String complete(
            @PathVariable long assignment,
            @RequestParam long document,
            @RequestParam(defaultValue = "") String result,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(document, redirect, "routing.completed", () -> routing.complete(me.scope(), assignment, result));
    }

    @PostMapping("/documents/assignments/{assignment}/return")
    String giveBack(
            @PathVariable long assignment,
            @RequestParam long document,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(document, redirect, "routing.returned", () -> routing.giveBack(me.scope(), assignment, reason));
    }

    private String step(long document, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
            redirect.addFlashAttribute("problemArgs", e.args());
        }
        return "redirect:/documents/incoming/" + document + "#routing";
    }

    private LocalDate due(LocalDate dueOn, Integer inWorkingDays) {
        if (inWorkingDays != null && inWorkingDays > 0) {
            return workingDays.plusWorkingDays(LocalDate.now(clock), inWorkingDays);
        }
        return dueOn;
    }

    private static List<Assignee> parse(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(Assignee::parse)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
    }
}
