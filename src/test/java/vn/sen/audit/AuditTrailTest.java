package vn.sen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.shared.AuditableEvent;

/**
 * The trail detects tampering by someone with direct database access (who can switch the
 * append-only trigger off): a modified, deleted or reordered record, or a cut-off end.
 */
@SpringBootTest
class AuditTrailTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditCommands command;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    record Happened(String actor, String action, String resource, String details) implements AuditableEvent {}

    private long lastSeq;

    @BeforeEach
    void writeSomeRecords() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            transactions.executeWithoutResult(tx -> events.publishEvent(
                    new Happened("tester", "test.happened", "thing:" + n, "số " + n + ", \"quoted\"")));
        }
        sealer.flush();
        lastSeq =
                jdbc.sql("select max(seq) from audit.record").query(Long.class).single();
        assertThat(trail.verify().intact()).isTrue();
    }

    @AfterEach
    void restoreTheChain() {
        // Tests below damage the chain on purpose; start each one from an empty, consistent trail.
        sealer.flush();
        asAttacker("delete from audit.record");
        jdbc.sql(
                        "update audit.chain_state set first_seq = 1, first_prev = repeat('0', 64), last_seq = 0, last_hash = repeat('0', 64)")
                .update();
    }

    private void asAttacker(String sql) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }

    @Test
    void a_record_cannot_be_changed_or_deleted_through_normal_sql() {
        assertThatThrownBy(() -> jdbc.sql("update audit.record set actor = 'x' where seq = :s")
                        .param("s", lastSeq)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.record where seq = :s")
                        .param("s", lastSeq)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void a_modified_record_is_named() {
        asAttacker("update audit.record set details = 'harmless' where seq = " + (lastSeq - 2));
        var result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(lastSeq - 2);
        assertThat(result.problem()).startsWith("modified");
    }

    @Test
    void a_deleted_record_is_named() {
        asAttacker("delete from audit.record where seq = " + (lastSeq - 3));
        var result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(lastSeq - 3);
        assertThat(result.problem()).startsWith("missing");
    }

    @Test
    void reordered_records_are_detected_at_the_first_moved_one() {
        long a = lastSeq - 3;
        long b = lastSeq - 2;
        asAttacker("update audit.record set seq = -1 where seq = " + a);
        asAttacker("update audit.record set seq = " + a + " where seq = " + b);
        asAttacker("update audit.record set seq = " + b + " where seq = -1");
        var result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(a);
    }

    @Test
    void a_record_rewritten_with_a_recomputed_hash_still_breaks_the_next_link() {
        var victim = jdbc.sql("select * from audit.record where seq = :s")
                .param("s", lastSeq - 1)
                .query((rs, n) -> AuditRecord.link(
                        rs.getLong("seq"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("resource"),
                        "forged",
                        rs.getString("source"),
                        rs.getString("outcome"),
                        rs.getString("prev_hash")))
                .single();
        asAttacker("update audit.record set details = 'forged', hash = '" + victim.hash() + "' where seq = "
                + victim.seq());
        var result = trail.verify();
        assertThat(result.firstBadSeq()).isEqualTo(lastSeq);
        assertThat(result.problem()).startsWith("broken link");
    }

    @Test
    void cutting_off_the_newest_records_is_detected() {
        asAttacker("delete from audit.record where seq >= " + (lastSeq - 1));
        var result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).startsWith("truncated");
    }

    @Test
    void the_command_prints_json_and_fails_on_a_damaged_trail() {
        var out = new StringWriter();
        assertThat(command.run(List.of(), new PrintWriter(out, true))).isZero();
        assertThat(out.toString()).contains("\"intact\":true");

        asAttacker("update audit.record set actor = 'someone else' where seq = " + lastSeq);
        var damaged = new StringWriter();
        assertThat(command.run(List.of(), new PrintWriter(damaged, true))).isEqualTo(1);
        assertThat(damaged.toString()).contains("\"firstBadRecord\":" + lastSeq);
    }

    @Test
    void retention_removes_old_records_and_verification_starts_after_them() {
        asAttacker("update audit.record set occurred_at = occurred_at - interval '400 days' where seq <= "
                + (lastSeq - 2));
        int removed = trail.purgeBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(365)));
        assertThat(removed).isGreaterThanOrEqualTo(3);
        var result = trail.verify();
        assertThat(result.firstBadSeq()).isNull();
        assertThat(result.checked()).isEqualTo(2);
    }

    @Test
    void concurrent_actions_are_all_chained_and_rolled_back_ones_leave_nothing() throws Exception {
        var done = new java.util.ArrayList<java.util.concurrent.Future<Object>>();
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        int n = i;
                        transactions.executeWithoutResult(tx -> events.publishEvent(
                                new Happened("thread-" + thread, "test.concurrent", "thing:" + n, "")));
                        transactions.executeWithoutResult(tx -> {
                            events.publishEvent(new Happened("thread-" + thread, "test.rolled-back", "x", ""));
                            tx.setRollbackOnly();
                        });
                    }
                    return null;
                }));
            }
        }
        for (var future : done) {
            future.get(); // a failed transaction fails the test
        }
        sealer.flush();
        var result = trail.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(lastSeq + 200);
        assertThat(count("select count(*) from audit.record where action = 'test.concurrent'"))
                .isEqualTo(200);
        assertThat(count("select count(*) from audit.record where action = 'test.rolled-back'"))
                .isZero();
    }

    @Test
    void the_sealer_links_new_entries_right_after_the_commit_without_being_asked() throws Exception {
        transactions.executeWithoutResult(
                tx -> events.publishEvent(new Happened("tester", "test.unprompted", "thing", "")));
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (count("select count(*) from audit.record where action = 'test.unprompted'") == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count("select count(*) from audit.record where action = 'test.unprompted'"))
                .isOne();
        assertThat(count("select count(*) from audit.pending")).isZero();
    }

    @Test
    void an_entry_left_pending_by_a_crash_is_sealed_before_the_trail_is_read() {
        jdbc.sql("""
                insert into audit.pending (occurred_at, actor, action, resource, details, source, outcome)
                values (now(), 'tester', 'test.left-behind', 'thing', '', 'system', 'SUCCESS')
                """).update();
        var out = new StringWriter();
        assertThat(command.run(List.of(), new PrintWriter(out, true))).isZero();
        assertThat(out.toString()).contains("\"checked\":" + (lastSeq + 1));
        assertThat(count("select count(*) from audit.record where action = 'test.left-behind'"))
                .isOne();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
