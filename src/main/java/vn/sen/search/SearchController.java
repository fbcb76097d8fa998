package vn.sen.search;

import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.sen.documents.DocumentType;
import vn.sen.documents.IncomingDocuments;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.ScopedPrincipal;

/** The search page (tìm kiếm văn bản). */
@Controller
class SearchController {

    private static final int LIMIT = 50;

    private final Search search;
    private final IncomingDocuments incoming;
    private final java.time.Clock clock;

    SearchController(Search search, IncomingDocuments incoming, java.time.Clock clock) {
        this.incoming = incoming;
        this.clock = clock;
        this.search = search;
    }

    @Bean
    static NavigationItem searchNavigation() {
        return new NavigationItem(
                15,
                "/search",
                "nav.search",
                scope -> scope.has(Role.CLERK) || scope.has(Role.LEADER) || scope.has(Role.SPECIALIST));
    }

    @GetMapping("/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) DocumentType type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Boolean closed,
            @RequestParam(defaultValue = "") String issuer,
            @RequestParam(required = false) Long register,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("types", DocumentType.values());
        int year = LocalDate.now(clock).getYear();
        var registers = incoming.registerChoices(me.scope(), year);
        registers.putAll(incoming.registerChoices(me.scope(), year - 1));
        model.addAttribute("registers", registers);
        if (!q.isBlank()) {
            model.addAttribute(
                    "hits",
                    search.search(
                            me.scope(), new Search.Query(q, type, from, to, closed, null, issuer, register), LIMIT));
        }
        return "search/index";
    }
}
