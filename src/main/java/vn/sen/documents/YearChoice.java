package vn.sen.documents;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.ui.Model;

/** The year a yearly screen (registers, file plan) shows, and the years offered around this one. */
final class YearChoice {

    private YearChoice() {}

    /** Puts {@code year} (this year when absent or absurd) and the choice of years into the model. */
    static int into(Model model, Integer year, Clock clock) {
        int current = LocalDate.now(clock).getYear();
        int shown = year == null || year < 2000 || year > 2100 ? current : year;
        model.addAttribute("year", shown);
        model.addAttribute("years", java.util.List.of(current + 1, current, current - 1, current - 2));
        return shown;
    }
}
