package vn.sen.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.documents.DocumentType;
import vn.sen.documents.IncomingDocuments;
import vn.sen.documents.Urgency;
import vn.sen.shared.UserScope;
import vn.sen.shared.VietnameseText;

/**
 * Search (tìm kiếm): the module's API. Accent-insensitive on every field and the attachments' text;
 * an exact number-and-notation match ranks first; only what the user may read comes back.
 */
@Service
@Transactional(readOnly = true)
public class Search {

    /** The most recent matches ranked per reader path (exact number matches come on their own). */
    static final int WINDOW = 500;

    private final JdbcClient jdbc;
    private final IncomingDocuments incoming;

    Search(JdbcClient jdbc, IncomingDocuments incoming) {
        this.jdbc = jdbc;
        this.incoming = incoming;
    }

    /** What to look for; null filters are not applied. */
    public record Query(
            String text,
            DocumentType type,
            LocalDate from,
            LocalDate to,
            Boolean closed,
            Long unitId,
            String issuer,
            Long registerId) {

        public Query {
            text = text == null ? "" : text.strip();
            issuer = issuer == null ? "" : issuer.strip();
        }

        public static Query of(String text) {
            return new Query(text, null, null, null, null, null, null, null);
        }
    }

    /** A piece of displayed text, marked when it matched. */
    public record Segment(String text, boolean marked) {}

    /** One result, with the matched words marked in the subject and a snippet of the attachments. */
    public record Hit(
            String kind,
            long id,
            String numberAndNotation,
            DocumentType type,
            List<Segment> subject,
            String issuer,
            LocalDate issuedOn,
            Urgency urgency,
            boolean closed,
            List<Segment> snippet,
            boolean exactNumber) {}

    public List<Hit> search(UserScope user, Query query, int limit) {
        String folded = VietnameseText.fold(query.text());
        String words = SearchIndex.words(folded);
        if (words.isEmpty()) {
            return List.of();
        }
        var scope = incoming.readerScope(user);
        // Plans for these values, not a generic plan cached after five runs: how many documents a phrase
        // or a set of units matches is what decides the plan.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        Map<String, Object> params = new HashMap<>();
        params.put("q", folded);
        params.put("literal", like(folded));
        params.put("words", words);
        params.put("units", scope.units().toArray(Long[]::new));
        params.put(
                "except",
                scope.allUnitsExcept() == null
                        ? new Long[0]
                        : scope.allUnitsExcept().toArray(Long[]::new));
        params.put("numberFrom", folded + "/"); // numbers that start with the query: "125" finds 125/QĐ-UBND
        params.put("numberTo", folded + "0"); // '0' follows '/'
        params.put("officer", scope.officerId() == null ? -1L : scope.officerId());
        params.put("handling", scope.handlingUnits().toArray(Long[]::new));
        params.put("limit", limit);
        StringBuilder filters = new StringBuilder();
        if (query.type() != null) {
            filters.append(" and e.doc_type = :type");
            params.put("type", query.type().name());
        }
        if (query.from() != null) {
            filters.append(" and e.issued_on >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            filters.append(" and e.issued_on <= :to");
            params.put("to", query.to());
        }
        if (query.closed() != null) {
            filters.append(" and e.closed = :closed");
            params.put("closed", query.closed());
        }
        if (query.unitId() != null) {
            filters.append(" and e.unit_id = :unit");
            params.put("unit", query.unitId());
        }
        if (query.registerId() != null) {
            filters.append(" and e.register_id = :register");
            params.put("register", query.registerId());
        }
        if (!query.issuer().isEmpty()) { // part of the issuer's name, diacritics or not
            filters.append(" and search.fold(e.issuer) like '%' || :issuer || '%'");
            params.put("issuer", like(VietnameseText.fold(query.issuer())));
        }
        List<String> terms = Arrays.asList(words.split(" "));
        params.put("window", WINDOW);
        String units = scope.allUnitsExcept() != null ? "e.unit_id <> all(:except)" : "e.unit_id = any(:units)";
        Paths paths = paths(scope.allUnitsExcept() != null, params);
        List<Hit> hits = run(WORDS, units, paths, filters.toString(), params, terms);
        // Nothing with these whole words: look for the text inside words (part of a word or a notation).
        return hits.isEmpty() ? run(SUBSTRING, units, paths, filters.toString(), params, terms) : hits;
    }

    /** The most recent entries read in date order for a large reader path before its words are looked up. */
    static final int LATEST = 25_000;

    /** Entries of a reader path below this are read one by one and matched, rather than found by the match. */
    static final int FEW = 20_000;

    /**
     * Which reader paths are small enough to walk. The planner cannot tell: it takes a phrase's
     * syllables as independent, and Vietnamese syllables are not ("kế hoạch" always comes together), so
     * it expects a five-syllable phrase found in 130,000 documents to be found in four, and then scans
     * every match for each document of the path.
     */
    private record Paths(boolean fewUnitEntries, boolean fewHandled) {}

    private Paths paths(boolean wide, Map<String, Object> params) {
        return jdbc.sql("""
                        select (select count(*) from (select 1 from search.entry e
                                 where e.unit_id = any(:units) limit :few + 1) u) <= :few as units,
                               (select count(*) from (select 1 from search.reader r
                                 where r.unit_id = any(:handling) limit :few + 1) h) <= :few as handled
                        """)
                .params(params)
                .param("few", FEW)
                .query((rs, n) -> new Paths(!wide && rs.getBoolean("units"), rs.getBoolean("handled")))
                .single();
    }

    private static final String WORDS = "e.tsv @@ plainto_tsquery('simple', :words)";
    private static final String SUBSTRING = "e.folded like '%' || :literal || '%'";

    private List<Hit> run(
            String match, String units, Paths paths, String filters, Map<String, Object> params, List<String> terms) {
        // What the user may read, found by path — the units they lead or keep the registers of, the parts
        // routed to them, the parts routed to their units — each path matching on its own, so a
        // specialist's search starts from their few routed documents rather than from every match. Each
        // path keeps only its most recent matches, at most WINDOW, and only those are ranked: a phrase
        // found in a hundred thousand documents costs about what one found in a thousand does. Exact
        // numbers come from their own index, whatever their age.
        String recent = """
                (select e.kind, e.id from FROM where SCOPE and MATCH FILTERS
                 order by e.issued_on desc nulls last, e.id desc limit :window)
                """.replace("FILTERS", filters);
        // A small path is walked and each entry matched (the match written so no index can serve it);
        // a large one is left to the planner, which then starts from the match.
        String filtered = "(" + match + ") is true";
        String routed = "(select distinct r.kind, r.id from search.reader r where WHO) r";
        // looked up one by one: with the join left to it, the planner scans every match per document
        String eachRouted = routed + " cross join lateral (select e.* from search.entry e"
                + " where e.kind = r.kind and e.id = r.id offset 0) e";
        String joinRouted = routed + " join search.entry e on e.kind = r.kind and e.id = r.id";
        String readable = "(" + units + " or exists (select 1 from search.reader r where r.kind = e.kind"
                + " and r.id = e.id and (r.officer_id = :officer or r.unit_id = any(:handling))))";
        String candidates = String.join(
                " union ",
                paths.fewUnitEntries()
                        ? recent.replace("FROM", "search.entry e")
                                .replace("SCOPE", units)
                                .replace("MATCH", filtered)
                        : """
                        (select kind, id from latest where (select count(*) from latest) >= :window)
                        union all
                        """
                                + recent.replace("FROM", "search.entry e")
                                        .replace("SCOPE", "(select count(*) from latest) < :window and " + units)
                                        .replace("MATCH", match),
                // the officer's own parts are few: read them first, then their entries
                recent.replace("FROM", eachRouted.replace("WHO", "r.officer_id = :officer"))
                        .replace("SCOPE", "true")
                        .replace("MATCH", filtered),
                recent.replace(
                                "FROM",
                                (paths.fewHandled() ? eachRouted : joinRouted)
                                        .replace("WHO", "r.unit_id = any(:handling)"))
                        .replace("SCOPE", "true")
                        .replace("MATCH", paths.fewHandled() ? filtered : match),
                """
                (select e.kind, e.id from search.entry e
                 where (e.number_folded collate "C" = :q
                        or (e.number_folded collate "C" >= :numberFrom and e.number_folded collate "C" < :numberTo))
                   and READABLE FILTERS)
                """.replace("READABLE", readable).replace("FILTERS", filters));
        // Many readable entries (a leader of most of the province): a phrase found in one document in
        // fifty has its most recent WINDOW matches among the most recent LATEST entries, read in date
        // order; only a rarer phrase is looked up by its words (then the matches are few).
        String latest = recent.replace(
                        "FROM",
                        "(select e.* from search.entry e order by e.issued_on desc nulls last, e.id desc limit "
                                + LATEST + ") e")
                .replace("SCOPE", units)
                .replace("MATCH", match);
        return jdbc.sql("with latest as (" + latest + "), candidates as (" + candidates + """
                )
                select e.*, (e.number_folded = :q or starts_with(e.number_folded, :numberFrom)) as exact,
                       ts_rank(e.tsv, plainto_tsquery('simple', :words)) as rank
                from candidates c join search.entry e on e.kind = c.kind and e.id = c.id
                order by exact desc, rank desc, e.issued_on desc nulls last, e.id desc
                limit :limit
                """)
                .params(params)
                .query((rs, n) -> new Hit(
                        rs.getString("kind"),
                        rs.getLong("id"),
                        rs.getString("number_notation"),
                        DocumentType.valueOf(rs.getString("doc_type")),
                        highlight(rs.getString("subject"), terms),
                        rs.getString("issuer"),
                        rs.getObject("issued_on", LocalDate.class),
                        Urgency.valueOf(rs.getString("urgency")),
                        rs.getBoolean("closed"),
                        snippet(rs.getString("body"), terms),
                        rs.getBoolean("exact")))
                .list();
    }

    /** {@code text} as a LIKE pattern that matches it literally. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Splits {@code text} into segments, marking every occurrence of a folded term. */
    static List<Segment> highlight(String text, List<String> terms) {
        String folded = VietnameseText.fold(text);
        boolean[] marked = new boolean[text.length()];
        for (String term : terms) {
            if (term.isEmpty()) {
                continue;
            }
            int at = folded.indexOf(term);
            while (at >= 0) {
                Arrays.fill(marked, at, Math.min(at + term.length(), marked.length), true);
                at = folded.indexOf(term, at + term.length());
            }
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                segments.add(new Segment(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return segments;
    }

    /** Up to ~160 characters of the attachments' text around the first matched term. */
    static List<Segment> snippet(String body, List<String> terms) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        String folded = VietnameseText.fold(body);
        int first = terms.stream()
                .mapToInt(folded::indexOf)
                .filter(i -> i >= 0)
                .min()
                .orElse(-1);
        if (first < 0) {
            return List.of();
        }
        int from = Math.max(0, first - 60);
        int to = Math.min(body.length(), first + 100);
        String window = (from > 0 ? "…" : "")
                + body.substring(from, to).replaceAll("\\s+", " ")
                + (to < body.length() ? "…" : "");
        return highlight(window, terms);
    }
}
