package vn.sen.calendar;

import java.time.LocalDate;
import java.time.Year;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/** The system administrator's yearly working calendar: holidays as computed, and adjustments. */
@Controller
class CalendarController {

    private final WorkingDays workingDays;

    CalendarController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @Bean
    static NavigationItem calendarNavigation() {
        return new NavigationItem(85, "/admin/calendar", "nav.calendar", scope -> scope.has(Role.SYSTEM_ADMIN));
    }

    @GetMapping("/admin/calendar")
    String current() {
        return "redirect:/admin/calendar/" + Year.now().getValue();
    }

    @GetMapping("/admin/calendar/{year}")
    String year(@PathVariable int year, Model model) {
        if (year < WorkingDays.FIRST_YEAR || year > WorkingDays.LAST_YEAR) {
            throw new RuleViolation("calendar.error.year", WorkingDays.FIRST_YEAR, WorkingDays.LAST_YEAR);
        }
        model.addAttribute("year", year);
        model.addAttribute("days", workingDays.specialDays(year));
        model.addAttribute("tet", LunarDate.newYear(year));
        return "calendar/year";
    }

    @PostMapping("/admin/calendar/adjustments")
    String adjust(
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam boolean working,
            @RequestParam(defaultValue = "") String note) {
        workingDays.adjust(day, working, note.strip(), me.scope().username());
        return "redirect:/admin/calendar/" + day.getYear();
    }

    @PostMapping("/admin/calendar/adjustments/removal")
    String remove(
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        workingDays.removeAdjustment(day, me.scope().username());
        return "redirect:/admin/calendar/" + day.getYear();
    }
}
