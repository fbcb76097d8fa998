package vn.sen.meetings;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.SenApplication;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;
import vn.sen.meetings.MeetingViews.NewMeeting;
import vn.sen.meetings.MeetingViews.Repeat;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/**
 * 2,000 ballots cast at once in one vote of a live session with 2,000 participants (bench/meetings.sh,
 * issue 6: "2,000 ballots within 10 s, none lost, none duplicated, tally exact"): 32 casters submit one
 * ballot per participant through Sen's vote service — attendance lookup, one ballot per row, the totals,
 * the live version, the audit record, the notice to the live stream — and the iteration fails unless
 * every ballot was accepted and the totals add up to 2,000 exactly. Reference in the same run: 2,000
 * one-row insert transactions through the same connection pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class BallotBenchmark {

    static final int PARTICIPANTS = 2_000;
    static final int CASTERS = 32;

    @Param({"true", "false"})
    public boolean secret;

    ConfigurableApplicationContext sen;
    Votes votes;
    JdbcClient jdbc;
    UserScope secretary;
    long meeting;
    List<UserScope> delegates = new ArrayList<>();
    ExecutorService casters;

    @Setup(Level.Trial)
    public void start() {
        sen = new SpringApplicationBuilder(SenApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off");
        sen.getBean(DemoFixture.class).ensureLoaded();
        var logins = sen.getBean(TestLogins.class);
        secretary = ((ScopedPrincipal) logins.signedIn("thuky").getPrincipal()).scope();
        UserScope chairman = ((ScopedPrincipal) logins.signedIn("chutich").getPrincipal()).scope();
        votes = sen.getBean(Votes.class);
        jdbc = sen.getBean(JdbcClient.class);
        Meetings meetings = sen.getBean(Meetings.class);
        long committee = jdbc.sql("select unit_id from organization.unit_code where code = '000.00.00.H01'")
                .query(Long.class)
                .single();
        long urgent = jdbc.sql("select id from meetings.meeting_type where code = 'DOT_XUAT'")
                .query(Long.class)
                .single();
        var start = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                .plusMinutes(30)
                .withSecond(0)
                .withNano(0);
        meeting = meetings.schedule(
                        secretary,
                        new NewMeeting(
                                committee,
                                urgent,
                                "Kỳ họp biểu quyết",
                                "",
                                start,
                                start.plusHours(3),
                                null,
                                "Hội trường",
                                chairman.officerId(),
                                secretary.officerId(),
                                "",
                                Repeat.NONE,
                                1))
                .getFirst();
        List<Long> officers = jdbc.sql(
                        "select id from organization.officer where id not in (:c, :s) order by id limit :n")
                .param("c", chairman.officerId())
                .param("s", secretary.officerId())
                .param("n", PARTICIPANTS - 1)
                .query(Long.class)
                .list();
        meetings.inviteOfficers(secretary, meeting, officers);
        meetings.invite(secretary, meeting);
        sen.getBean(LiveSession.class).open(secretary, meeting);
        // everyone is in the room (checked in) and votes: the chair and the delegates, 2,000 in all
        jdbc.sql(
                        "update meetings.participant set checked_in_at = now(), checkin_method = 'SECRETARY' where meeting_id = :m")
                .param("m", meeting)
                .update();
        jdbc.sql("update meetings.participant set voting = role <> 'SECRETARY' where meeting_id = :m")
                .param("m", meeting)
                .update();
        List<Long> voters = jdbc.sql(
                        "select attendee_officer_id from meetings.participant where meeting_id = :m and voting")
                .param("m", meeting)
                .query(Long.class)
                .list();
        for (long officer : voters) {
            delegates.add(new UserScope(0, "dai-bieu-" + officer, officer, List.of()));
        }
        if (delegates.size() != PARTICIPANTS) {
            throw new IllegalStateException(delegates.size() + " voters, not " + PARTICIPANTS);
        }
        jdbc.sql("create table if not exists public.bench_reference (id bigint generated always as identity, v int)")
                .update();
        casters = Executors.newFixedThreadPool(CASTERS);
    }

    /** A vote opened before each iteration of the ballots (not timed), closed and checked after it. */
    @State(Scope.Benchmark)
    public static class OpenVote {

        long id;
        BallotBenchmark sen;

        @Setup(Level.Iteration)
        public void open(BallotBenchmark benchmark) {
            sen = benchmark;
            id = benchmark.openVote();
        }

        @TearDown(Level.Iteration)
        public void close() {
            sen.closeVote(id);
        }
    }

    long openVote() {
        long vote = votes.create(
                secretary,
                meeting,
                new Votes.VoteForm(
                        null, "Thông qua nghị quyết " + System.nanoTime(), List.of(), secret, false, false, null));
        votes.open(secretary, vote);
        return vote;
    }

    void closeVote(long vote) {
        votes.close(secretary, vote);
        BigDecimal total = votes.tally(vote).perOption().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int ballots = votes.tally(vote).ballots();
        if (total.compareTo(BigDecimal.valueOf(PARTICIPANTS)) != 0 || ballots != PARTICIPANTS) {
            throw new IllegalStateException("tally " + total + ", ballots " + ballots + ", expected " + PARTICIPANTS);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        casters.shutdownNow();
        sen.close();
    }

    /** Every participant casts one ballot (options spread over the three); all must be accepted. */
    @Benchmark
    public int castAll(OpenVote open) throws Exception {
        long vote = open.id;
        List<Future<?>> done = new ArrayList<>(PARTICIPANTS);
        for (int i = 0; i < PARTICIPANTS; i++) {
            UserScope delegate = delegates.get(i);
            int option = i % 3;
            done.add(casters.submit(() -> votes.cast(delegate, vote, option)));
        }
        for (Future<?> f : done) {
            f.get(); // a refused or failed ballot fails the iteration
        }
        return done.size();
    }

    /** Reference: 2,000 one-row insert transactions through the same pool and the same 32 threads. */
    @Benchmark
    public int referenceInserts() throws Exception {
        List<Future<?>> done = new ArrayList<>(PARTICIPANTS);
        for (int i = 0; i < PARTICIPANTS; i++) {
            int value = i;
            done.add(casters.submit(() -> jdbc.sql("insert into public.bench_reference (v) values (:v)")
                    .param("v", value)
                    .update()));
        }
        for (Future<?> f : done) {
            f.get();
        }
        return done.size();
    }
}
