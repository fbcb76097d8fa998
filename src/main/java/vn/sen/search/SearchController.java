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
import vn.sen.organization.Organization;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/** The search page (tìm kiếm văn bản). */
@Controller
class SearchController {

    private static final int LIMIT = 50;

    private final Search search;
    private final IncomingDocuments incoming;
    private final java.time.Clock clock;
    private final Organization organization;

    SearchController(Search search, IncomingDocuments incoming, java.time.Clock clock, Organization organization) {
        this.organization = organization;
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
            @RequestParam(required = false) Long unit,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("types", DocumentType.values());
        int year = LocalDate.now(clock).getYear();
        var registers = incoming.registerChoices(me.scope(), year);
        registers.putAll(incoming.registerChoices(me.scope(), year - 1));
        model.addAttribute("registers", registers);
        model.addAttribute("units", unitChoices(me.scope()));
        if (!q.isBlank()) {
            model.addAttribute(
                    "hits",
                    search.search(
                            me.scope(), new Search.Query(q, type, from, to, closed, unit, issuer, register), LIMIT));
        }
        return "search/index";
    }

    /** The units the user leads or keeps the registers of, and the units right under them. */
    private java.util.List<UnitView> unitChoices(UserScope user) {
        var units = new java.util.LinkedHashMap<Long, UnitView>();
        for (var grant : user.grants()) {
            if ((grant.role() == Role.LEADER || grant.role() == Role.CLERK) && grant.unitId() != null) {
                organization.unit(grant.unitId()).ifPresent(u -> units.putIfAbsent(u.id(), u));
                organization.children(grant.unitId()).forEach(u -> units.putIfAbsent(u.id(), u));
            }
        }
        return java.util.List.copyOf(units.values());
    }
}
