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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.shared.AuditableEvent;

/**
 * Appends to, reads and verifies the hash-chained audit trail.
 *
 * <p>Appending locks the single chain-state row, so links are written strictly one after another,
 * and happens just before the business transaction commits: the lock is held only for the commit and
 * a rolled-back action leaves no record.
 */
@Service
class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    AuditRecord append(AuditableEvent event, String source) {
        var head = jdbc.sql("select last_seq, last_hash from audit.chain_state where id = 1 for update")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        AuditRecord record = AuditRecord.link(
                (long) head[0] + 1,
                Instant.now(),
                truncate(event.actor(), 100),
                truncate(event.action(), 100),
                truncate(event.resource(), 200),
                event.details() == null ? "" : event.details(),
                truncate(source, 100),
                event.outcome().name(),
                (String) head[1]);
        jdbc.sql("""
                insert into audit.record
                    (seq, occurred_at, actor, action, resource, details, source, outcome, prev_hash, hash)
                values (:seq, :at, :actor, :action, :resource, :details, :source, :outcome, :prev, :hash)
                """)
                .param("seq", record.seq())
                .param("at", OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC))
                .param("actor", record.actor())
                .param("action", record.action())
                .param("resource", record.resource())
                .param("details", record.details())
                .param("source", record.source())
                .param("outcome", record.outcome())
                .param("prev", record.prevHash())
                .param("hash", record.hash())
                .update();
        jdbc.sql("update audit.chain_state set last_seq = :seq, last_hash = :hash where id = 1")
                .param("seq", record.seq())
                .param("hash", record.hash())
                .update();
        return record;
    }

    /** Walks the whole chain in order and reports the first record that does not fit. */
    @Transactional(readOnly = true)
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
