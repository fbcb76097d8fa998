package vn.sen.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.shared.AuditableEvent;

/**
 * Records, links, reads and verifies the hash-chained audit trail.
 *
 * <p>Recording inserts a pending entry in the business transaction: it commits or rolls back with the
 * action and takes no lock, so concurrent actions never wait on one another. {@link #seal} then links
 * pending entries into the chain strictly one after another under the single chain-state row lock,
 * many per transaction; {@link AuditSealer} calls it right after each commit.
 */
@Service
class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditTrail(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Transactional
    void record(AuditableEvent event, String source) {
        jdbc.sql("""
                insert into audit.pending (occurred_at, actor, action, resource, details, source, outcome)
                values (:at, :actor, :action, :resource, :details, :source, :outcome)
                """)
                .param("at", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .param("actor", truncate(event.actor(), 100))
                .param("action", truncate(event.action(), 100))
                .param("resource", truncate(event.resource(), 200))
                .param("details", event.details() == null ? "" : event.details())
                .param("source", truncate(source, 100))
                .param("outcome", event.outcome().name())
                .update();
    }

    /** Links up to {@code max} pending entries into the chain, oldest first; returns how many. */
    @Transactional
    int seal(int max) {
        var head = jdbc.sql("select last_seq, last_hash from audit.chain_state where id = 1 for update")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        List<Long> sealed = new ArrayList<>();
        List<AuditRecord> links = new ArrayList<>();
        jdbc.sql("select * from audit.pending order by id limit :max")
                .param("max", max)
                .query(rs -> {
                    long seq =
                            links.isEmpty() ? (long) head[0] : links.getLast().seq();
                    String prev =
                            links.isEmpty() ? (String) head[1] : links.getLast().hash();
                    sealed.add(rs.getLong("id"));
                    links.add(AuditRecord.link(
                            seq + 1,
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("resource"),
                            rs.getString("details"),
                            rs.getString("source"),
                            rs.getString("outcome"),
                            prev));
                });
        if (links.isEmpty()) {
            return 0;
        }
        batch.batchUpdate("""
                insert into audit.record
                    (seq, occurred_at, actor, action, resource, details, source, outcome, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, links, links.size(), (ps, link) -> {
            ps.setLong(1, link.seq());
            ps.setObject(2, OffsetDateTime.ofInstant(link.occurredAt(), ZoneOffset.UTC));
            ps.setString(3, link.actor());
            ps.setString(4, link.action());
            ps.setString(5, link.resource());
            ps.setString(6, link.details());
            ps.setString(7, link.source());
            ps.setString(8, link.outcome());
            ps.setString(9, link.prevHash());
            ps.setString(10, link.hash());
        });
        batch.update(
                "delete from audit.pending where id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", sealed.toArray())));
        jdbc.sql("update audit.chain_state set last_seq = :seq, last_hash = :hash where id = 1")
                .param("seq", links.getLast().seq())
                .param("hash", links.getLast().hash())
                .update();
        return links.size();
    }

    /**
     * Walks the whole chain in order and reports the first record that does not fit; one snapshot for
     * the chain state and the records, so a seal committing meanwhile is not mistaken for damage.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Verification verify() {
        var state = jdbc.sql("select first_seq, first_prev, last_seq, last_hash from audit.chain_state where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)})
                .single();
        var walker = new ChainWalker((long) state[0], (String) state[1]);
        jdbc.sql("select * from audit.record order by seq").withFetchSize(1000).query(rs -> {
            walker.accept(read(rs));
        });
        return walker.finish((long) state[2], (String) state[3]);
    }

    /** Records matching the filter, newest first. */
    @Transactional(readOnly = true)
    List<AuditRecord> search(AuditFilter filter, int offset, int limit) {
        var where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        filter.appendWhere(where, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("select * from audit.record" + where + " order by seq desc offset :offset limit :limit")
                .params(params)
                .query((rs, n) -> read(rs))
                .list();
    }

    @Transactional(readOnly = true)
    void export(AuditFilter filter, Consumer<AuditRecord> sink) {
        var where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        filter.appendWhere(where, params);
        jdbc.sql("select * from audit.record" + where + " order by seq")
                .params(params)
                .withFetchSize(1000)
                .query(rs -> {
                    sink.accept(read(rs));
                });
    }

    /** Removes records older than {@code cutoff}; verification then starts at the first kept record. */
    @Transactional
    int purgeBefore(Instant cutoff) {
        jdbc.sql("select set_config('sen.audit_retention', 'on', true)")
                .query(String.class)
                .single();
        jdbc.sql("select 1 from audit.chain_state where id = 1 for update")
                .query(Integer.class)
                .single();
        int removed = jdbc.sql("delete from audit.record where occurred_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
        if (removed > 0) {
            jdbc.sql("""
                    update audit.chain_state s set first_seq = r.seq, first_prev = r.prev_hash
                    from (select seq, prev_hash from audit.record order by seq limit 1) r where s.id = 1
                    """).update();
            jdbc.sql("""
                    update audit.chain_state set first_seq = last_seq + 1, first_prev = last_hash
                    where id = 1 and not exists (select 1 from audit.record)
                    """).update();
        }
        jdbc.sql("select set_config('sen.audit_retention', 'off', true)")
                .query(String.class)
                .single();
        return removed;
    }

    private static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("resource"),
                rs.getString("details"),
                rs.getString("source"),
                rs.getString("outcome"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static String truncate(String s, int max) {
        String value = s == null ? "" : s;
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Result of a verification: how many records were checked and the first bad one, if any. */
    record Verification(long checked, Long firstBadSeq, String problem) {

        boolean intact() {
            return firstBadSeq == null && problem == null;
        }
    }

    /** Recomputes the chain record by record. */
    private static final class ChainWalker {
        private long expectedSeq;
        private String expectedPrev;
        private long checked;
        private Long badSeq;
        private String problem;

        ChainWalker(long firstSeq, String firstPrev) {
            this.expectedSeq = firstSeq;
            this.expectedPrev = firstPrev;
        }

        void accept(AuditRecord record) {
            if (badSeq != null || problem != null) {
                return;
            }
            checked++;
            if (record.seq() != expectedSeq) {
                fail(Math.min(record.seq(), expectedSeq), "missing: record " + expectedSeq + " is not there");
            } else if (!record.prevHash().equals(expectedPrev)) {
                fail(record.seq(), "broken link: the previous record was deleted, replaced or reordered");
            } else if (!record.computeHash().equals(record.hash())) {
                fail(record.seq(), "modified: content does not match its hash");
            } else {
                expectedSeq++;
                expectedPrev = record.hash();
            }
        }

        private void fail(long seq, String reason) {
            badSeq = seq;
            problem = reason;
        }

        Verification finish(long lastSeq, String lastHash) {
            if (badSeq == null && problem == null && (expectedSeq - 1 != lastSeq || !expectedPrev.equals(lastHash))) {
                badSeq = expectedSeq - 1 < lastSeq ? expectedSeq : null;
                problem = "truncated: the chain should end at record " + lastSeq;
            }
            return new Verification(checked, badSeq, problem);
        }
    }

    /** Filter of the auditor's screen and export. */
    record AuditFilter(String actor, String action, String outcome, Instant from, Instant to) {

        static AuditFilter none() {
            return new AuditFilter(null, null, null, null, null);
        }

        void appendWhere(StringBuilder where, Map<String, Object> params) {
            List<String> parts = new ArrayList<>();
            if (actor != null && !actor.isBlank()) {
                parts.add("actor = :actor");
                params.put("actor", actor.strip());
            }
            if (action != null && !action.isBlank()) {
                parts.add("action like :action");
                params.put("action", action.strip() + "%");
            }
            if (outcome != null && !outcome.isBlank()) {
                parts.add("outcome = :outcome");
                params.put("outcome", outcome);
            }
            if (from != null) {
                parts.add("occurred_at >= :from");
                params.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            }
            if (to != null) {
                parts.add("occurred_at < :to");
                params.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            }
            parts.forEach(p -> where.append(" and ").append(p));
        }
    }
}
