package vn.sen.search;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.sen.documents.DocumentType;
import vn.sen.shared.ScopedPrincipal;

/** Search through the REST API: the same results, limited to what the caller may read. */
@RestController
class SearchApi {

    private final Search search;

    SearchApi(Search search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    List<Search.Hit> search(
            @RequestParam String q,
            @RequestParam(required = false) DocumentType type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Boolean closed,
            @RequestParam(required = false) Long unitId,
            @RequestParam(defaultValue = "") String issuer,
            @RequestParam(required = false) Long registerId,
            @RequestParam(defaultValue = "20") int limit,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return search.search(
                me.scope(),
                new Search.Query(q, type, from, to, closed, unitId, issuer, registerId),
                Math.min(Math.max(limit, 1), 100));
    }
}
