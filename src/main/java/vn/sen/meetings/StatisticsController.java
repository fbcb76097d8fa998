package vn.sen.meetings;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.sen.shared.ScopedPrincipal;

/** The statistics page of the meetings a user organises (thống kê cuộc họp). */
@Controller
class StatisticsController {

    private final MeetingStatistics statistics;
    private final Clock clock;

    StatisticsController(MeetingStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/meetings/statistics")
    String show(
            @RequestParam(required = false) Integer year, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int chosen = year == null || year < 2000 || year > thisYear + 1 ? thisYear : year;
        model.addAttribute("report", statistics.of(me.scope(), chosen));
        model.addAttribute(
                "years",
                java.util.stream.IntStream.rangeClosed(thisYear - 4, thisYear + 1)
                        .boxed()
                        .toList()
                        .reversed());
        return "meetings/statistics";
    }
}
