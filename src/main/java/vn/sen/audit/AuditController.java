package vn.sen.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.sen.audit.AuditTrail.AuditFilter;
import vn.sen.shared.AuditableEvent;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.ScopedPrincipal;

/** The security auditor's view of the trail (read only), with filters and CSV export. */
@Controller
class AuditController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);
    private static final int PAGE = 50;

    private final AuditTrail trail;
    private final AuditSealer sealer;
    private final ApplicationEventPublisher events;

    AuditController(AuditTrail trail, AuditSealer sealer, ApplicationEventPublisher events) {
        this.trail = trail;
        this.sealer = sealer;
        this.events = events;
    }

    @Bean
    static NavigationItem auditNavigation() {
        return new NavigationItem(90, "/audit", "nav.audit", scope -> scope.has(Role.SECURITY_AUDITOR));
    }

    @GetMapping("/audit")
    String index(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditFilter filter = filter(actor, action, outcome, from, to);
        sealer.flush();
        var records = trail.search(filter, Math.max(page, 0) * PAGE, PAGE + 1);
        model.addAttribute("records", records.stream().limit(PAGE).toList());
        model.addAttribute("hasMore", records.size() > PAGE);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("time", TIME);
        return "audit/index";
    }

    /** CSV of the filtered records, oldest first; exporting is itself audited. */
    @GetMapping("/audit/export.csv")
    void export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal ScopedPrincipal me,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"sen-audit.csv\"");
        PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
        out.print('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a byte-order mark
        out.println("seq,time,actor,action,resource,outcome,source,details,hash");
        sealer.flush();
        trail.export(
                filter(actor, action, outcome, from, to),
                r -> out.println(String.join(
                        ",",
                        Long.toString(r.seq()),
                        TIME.format(r.occurredAt()),
                        csv(r.actor()),
                        csv(r.action()),
                        csv(r.resource()),
                        r.outcome(),
                        csv(r.source()),
                        csv(r.details()),
                        r.hash())));
        out.flush();
        events.publishEvent(new AuditExported(me.scope().username()));
    }

    private static AuditFilter filter(String actor, String action, String outcome, LocalDate from, LocalDate to) {
        return new AuditFilter(
                actor,
                action,
                outcome,
                from == null ? null : from.atStartOfDay(VIETNAM).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(VIETNAM).toInstant());
    }

    static String csv(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // no formula injection when opened in a spreadsheet
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("'")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }

    /** The auditor exported the trail. */
    record AuditExported(String actor) implements AuditableEvent {
        @Override
        public String action() {
            return "audit.exported";
        }

        @Override
        public String resource() {
            return "audit";
        }
    }
}
