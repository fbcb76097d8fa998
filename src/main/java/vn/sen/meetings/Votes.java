package vn.sen.meetings;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.VoteRules.Basis;
import vn.sen.meetings.VoteRules.Counts;
import vn.sen.meetings.VoteRules.Decision;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Votes (biểu quyết): prepared by the organisers, opened one at a time in the live session, one ballot per
 * voting participant (a substitute votes on the row of the officer he stands for, so the two cannot both
 * vote), decided at the close by the vote's quorum and majority rules.
 *
 * <p>Named ballots are rows with the voter's choice, changeable until the close when the vote allows it.
 * Secret ballots are split: {@code secret_voter} says who has voted and nothing else, {@code secret_tally}
 * holds only totals per option, and every ballot rewrites all of its vote's totals, so that no row, no
 * row version and no order links a voter to a choice. A secret ballot is final, and its totals are shown
 * only once the vote is closed.
 */
@Service
public class Votes {

    private static final Logger log = LoggerFactory.getLogger(Votes.class);

    /** The standard options of a question (tán thành / không tán thành / không biểu quyết). */
    public static final List<String> STANDARD_OPTIONS = List.of("Tán thành", "Không tán thành", "Không biểu quyết");

    public enum VoteState {
        DRAFT,
        OPEN,
        CLOSED
    }

    public record VoteForm(
            Long itemId,
            String question,
            List<String> options,
            boolean secret,
            boolean weighted,
            boolean changeable,
            VoteRules rules) {}

    public record VoteView(
            long id,
            long meetingId,
            Long itemId,
            String question,
            List<String> options,
            boolean secret,
            boolean weighted,
            boolean changeable,
            VoteRules rules,
            VoteState state,
            BigDecimal eligible,
            BigDecimal present,
            VoteRules.Outcome result,
            Instant openedAt,
            Instant closedAt) {}

    /**
     * The count so far: ballots cast, and — for named votes, or secret ones once closed — the totals per
     * option (weights when weighted) and the decision once closed.
     */
    public record Tally(long voteId, int ballots, List<BigDecimal> perOption, Decision decision) {

        public boolean totalsShown() {
            return perOption != null;
        }
    }

    /** Internal: a secret vote closed; its tables are vacuumed once the close is committed. */
    record SecretVoteClosed(long voteId) {}

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final LiveSession live;
    private final ApplicationEventPublisher events;

    Votes(JdbcClient jdbc, Meetings meetings, LiveSession live, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.live = live;
        this.events = events;
    }

    /** Prepares a vote (before or during the session). */
    @Transactional
    public long create(UserScope user, long meetingId, VoteForm form) {
        MeetingView meeting = meetings.requireOrganiser(user, meetingId);
        if (meeting.state().finished()) {
            throw new RuleViolation("meetings.error.finished");
        }
        List<String> options = form.options() == null || form.options().isEmpty()
                ? STANDARD_OPTIONS
                : form.options().stream()
                        .map(String::strip)
                        .filter(o -> !o.isEmpty())
                        .toList();
        if (options.size() < 2
                || options.size() > 10
                || options.stream().distinct().count() != options.size()) {
            throw new RuleViolation("meetings.error.vote-options");
        }
        if (form.secret() && form.changeable()) {
            throw new RuleViolation("meetings.error.secret-changeable");
        }
        VoteRules rules = form.rules() == null ? VoteRules.moreThanHalfOfAll() : form.rules();
        long id = jdbc.sql("""
                insert into meetings.vote (meeting_id, agenda_item_id, question, options, secret, weighted, changeable,
                    quorum_num, quorum_den, majority_basis, majority_num, majority_den, majority_strict, choice,
                    created_by)
                values (:m, :item, :q, :options, :secret, :weighted, :changeable, :qn, :qd, :basis, :mn, :md, :strict,
                    :choice, :by)
                returning id
                """)
                .param("m", meetingId)
                .param("item", form.itemId())
                .param("q", Meetings.required(form.question(), 1000, "meetings.error.vote-question"))
                .param("options", options.toArray(String[]::new))
                .param("secret", form.secret())
                .param("weighted", form.weighted())
                .param("changeable", form.changeable())
                .param("qn", rules.quorum().numerator())
                .param("qd", rules.quorum().denominator())
                .param("basis", rules.basis().name())
                .param("mn", rules.majority().numerator())
                .param("md", rules.majority().denominator())
                .param("strict", rules.strict())
                .param("choice", rules.choice())
                .param("by", user.username())
                .query(Long.class)
                .single();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "vote.created", "vote:" + id));
        return id;
    }

    @Transactional
    public void open(UserScope user, long voteId) {
        VoteView vote = require(voteId);
        MeetingView meeting = meetings.requireOrganiser(user, vote.meetingId());
        LiveSession.requireOpen(meeting);
        if (vote.state() != VoteState.DRAFT) {
            throw new RuleViolation("meetings.error.vote-not-draft");
        }
        try {
            jdbc.sql("update meetings.vote set state = 'OPEN', opened_at = now(), eligible_count = :e where id = :id")
                    .param("e", eligibleVoters(vote.meetingId()).size())
                    .param("id", voteId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("meetings.error.vote-already-open");
        }
        if (vote.secret()) {
            for (int i = 0; i < vote.options().size(); i++) {
                jdbc.sql("insert into meetings.secret_tally (vote_id, option_index) values (:v, :o)")
                        .param("v", voteId)
                        .param("o", i)
                        .update();
            }
        }
        live.changed(vote.meetingId(), user, "VOTE_OPENED", null, vote.itemId(), vote.question());
    }

    /**
     * Casts the user's ballot. Refused: outside an open vote, for someone who does not attend or does not
     * vote or has not checked in, a second ballot (two tabs, a replayed request, a substitute after the
     * officer he stands for) unless a named vote allows changes.
     */
    @Transactional
    public void cast(UserScope user, long voteId, int option) {
        VoteView vote = require(voteId);
        if (vote.state() != VoteState.OPEN) {
            throw new RuleViolation("meetings.error.vote-closed");
        }
        ParticipantView me = meetings.attendance(vote.meetingId(), user.officerId())
                .orElseThrow(() -> new AccessDeniedException("not attending meeting " + vote.meetingId()));
        if (!me.voting()) {
            throw new RuleViolation("meetings.error.not-voting");
        }
        if (me.checkedInAt() == null) {
            throw new RuleViolation("meetings.error.check-in-first");
        }
        if (option < 0 || option >= vote.options().size()) {
            throw new RuleViolation("meetings.error.vote-option");
        }
        BigDecimal weight = vote.weighted() ? me.weight() : BigDecimal.ONE;
        if (vote.secret()) {
            int recorded = jdbc.sql("""
                    insert into meetings.secret_voter (vote_id, participant_id) values (:v, :p) on conflict do nothing
                    """).param("v", voteId).param("p", me.id()).update();
            if (recorded == 0) {
                throw new RuleViolation("meetings.error.already-voted");
            }
            // the option rows are locked in one order first: updated by a plain scan, concurrent ballots took
            // them in whatever order their versions lay on the page and deadlocked (found by BallotBenchmark)
            jdbc.sql(
                            "select option_index from meetings.secret_tally where vote_id = :v order by option_index for update")
                    .param("v", voteId)
                    .query(Integer.class)
                    .list();
            jdbc.sql("""
                    update meetings.secret_tally
                    set ballots = ballots + case when option_index = :o then 1 else 0 end,
                        weight = weight + case when option_index = :o then :w else 0 end
                    where vote_id = :v
                    """)
                    .param("o", option)
                    .param("w", weight)
                    .param("v", voteId)
                    .update();
        } else {
            int recorded = jdbc.sql("""
                    insert into meetings.ballot (vote_id, participant_id, option_index, weight) values (:v, :p, :o, :w)
                    on conflict (vote_id, participant_id) do update set option_index = excluded.option_index,
                        cast_at = now()
                    where :changeable
                    """)
                    .param("v", voteId)
                    .param("p", me.id())
                    .param("o", option)
                    .param("w", weight)
                    .param("changeable", vote.changeable())
                    .update();
            if (recorded == 0) {
                throw new RuleViolation("meetings.error.already-voted");
            }
        }
        live.bump(vote.meetingId(), "BALLOT");
        // who voted is on record (as at a ballot box); what he chose never is
        events.publishEvent(new MeetingChanged(user.username(), vote.meetingId(), "ballot.cast", "vote:" + voteId));
    }

    /** Closes the vote and decides it. */
    @Transactional
    public Decision close(UserScope user, long voteId) {
        VoteView vote = require(voteId);
        meetings.requireOrganiser(user, vote.meetingId());
        if (vote.state() != VoteState.OPEN) {
            throw new RuleViolation("meetings.error.vote-closed");
        }
        List<ParticipantView> eligible = eligibleVoters(vote.meetingId());
        BigDecimal eligibleMeasure = measure(eligible, vote.weighted());
        BigDecimal presentMeasure =
                measure(eligible.stream().filter(p -> p.checkedInAt() != null).toList(), vote.weighted());
        List<BigDecimal> perOption = totals(vote);
        Decision decision = vote.rules().decide(new Counts(eligibleMeasure, presentMeasure, perOption));
        jdbc.sql("""
                update meetings.vote set state = 'CLOSED', closed_at = now(), eligible_count = :ec, eligible_weight = :ew,
                    present_count = :pc, present_weight = :pw, result = :result
                where id = :id
                """)
                .param("ec", eligible.size())
                .param("ew", measure(eligible, true))
                .param(
                        "pc",
                        eligible.stream().filter(p -> p.checkedInAt() != null).count())
                .param(
                        "pw",
                        measure(
                                eligible.stream()
                                        .filter(p -> p.checkedInAt() != null)
                                        .toList(),
                                true))
                .param("result", decision.outcome().name())
                .param("id", voteId)
                .update();
        if (vote.secret()) {
            // one more rewrite of both tables by this transaction: no row version is left from a ballot
            jdbc.sql("update meetings.secret_tally set ballots = ballots where vote_id = :v")
                    .param("v", voteId)
                    .update();
            jdbc.sql("update meetings.secret_voter set participant_id = participant_id where vote_id = :v")
                    .param("v", voteId)
                    .update();
            events.publishEvent(new SecretVoteClosed(voteId));
        }
        String summary = new StringBuilder()
                .append(decision.outcome())
                .append(" ")
                .append(vote.options())
                .append(" = ")
                .append(perOption)
                .toString();
        live.changed(vote.meetingId(), user, "VOTE_CLOSED", null, vote.itemId(), vote.question() + ": " + summary);
        events.publishEvent(
                new MeetingChanged(user.username(), vote.meetingId(), "vote.closed", "vote:" + voteId + " " + summary));
        return decision;
    }

    /** Old row versions of a closed secret vote are removed from the tables' pages. */
    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void vacuum(SecretVoteClosed closed) {
        try {
            jdbc.sql("vacuum meetings.secret_tally, meetings.secret_voter").update();
        } catch (DataAccessException e) {
            log.warn("Vacuum after secret vote {} failed: {}", closed.voteId(), e.getMessage());
        }
    }

    public Tally tally(long voteId) {
        VoteView vote = require(voteId);
        int ballots = jdbc.sql(
                        vote.secret()
                                ? "select count(*) from meetings.secret_voter where vote_id = :v"
                                : "select count(*) from meetings.ballot where vote_id = :v")
                .param("v", voteId)
                .query(Integer.class)
                .single();
        boolean shown = !vote.secret() || vote.state() == VoteState.CLOSED;
        List<BigDecimal> perOption = shown ? totals(vote) : null;
        Decision decision =
                vote.state() == VoteState.CLOSED ? new Decision(vote.result(), winner(vote, perOption)) : null;
        return new Tally(voteId, ballots, perOption, decision);
    }

    private static Integer winner(VoteView vote, List<BigDecimal> perOption) {
        if (vote.result() != VoteRules.Outcome.PASSED) {
            return null;
        }
        if (!vote.rules().choice()) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < perOption.size(); i++) {
            if (perOption.get(i).compareTo(perOption.get(best)) > 0) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the user's row has voted, and in a named vote what it chose. */
    public record MyBallot(boolean voted, Integer option) {}

    public MyBallot mine(UserScope user, long voteId) {
        VoteView vote = require(voteId);
        Optional<ParticipantView> me = meetings.attendance(vote.meetingId(), user.officerId());
        if (me.isEmpty()) {
            return new MyBallot(false, null);
        }
        if (vote.secret()) {
            boolean voted =
                    jdbc.sql("select count(*) from meetings.secret_voter where vote_id = :v and participant_id = :p")
                                    .param("v", voteId)
                                    .param("p", me.get().id())
                                    .query(Integer.class)
                                    .single()
                            > 0;
            return new MyBallot(voted, null);
        }
        return jdbc.sql("select option_index from meetings.ballot where vote_id = :v and participant_id = :p")
                .param("v", voteId)
                .param("p", me.get().id())
                .query(Integer.class)
                .optional()
                .map(o -> new MyBallot(true, o))
                .orElse(new MyBallot(false, null));
    }

    private List<BigDecimal> totals(VoteView vote) {
        BigDecimal[] totals = new BigDecimal[vote.options().size()];
        Arrays.fill(totals, BigDecimal.ZERO);
        String sql = vote.secret()
                ? "select option_index, " + (vote.weighted() ? "weight" : "ballots")
                        + " from meetings.secret_tally where vote_id = :v"
                : "select option_index, " + (vote.weighted() ? "sum(weight)" : "count(*)")
                        + " from meetings.ballot where vote_id = :v group by option_index";
        jdbc.sql(sql).param("v", vote.id()).query(rs -> {
            totals[rs.getInt(1)] = rs.getBigDecimal(2).stripTrailingZeros();
        });
        return List.of(totals);
    }

    /** Participants who vote: those marked voting (guests never). */
    List<ParticipantView> eligibleVoters(long meetingId) {
        return meetings.participants(meetingId).stream()
                .filter(ParticipantView::voting)
                .toList();
    }

    private static BigDecimal measure(List<ParticipantView> participants, boolean weighted) {
        return weighted
                ? participants.stream().map(ParticipantView::weight).reduce(BigDecimal.ZERO, BigDecimal::add)
                : BigDecimal.valueOf(participants.size());
    }

    public List<VoteView> ofMeeting(long meetingId) {
        return jdbc.sql("select * from meetings.vote where meeting_id = :m order by id")
                .param("m", meetingId)
                .query((rs, n) -> view(rs))
                .list();
    }

    public VoteView require(long voteId) {
        return jdbc.sql("select * from meetings.vote where id = :id")
                .param("id", voteId)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new RuleViolation("meetings.error.vote"));
    }

    private static VoteView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        Array options = rs.getArray("options");
        String result = rs.getString("result");
        return new VoteView(
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getObject("agenda_item_id", Long.class),
                rs.getString("question"),
                new ArrayList<>(List.of((String[]) options.getArray())),
                rs.getBoolean("secret"),
                rs.getBoolean("weighted"),
                rs.getBoolean("changeable"),
                new VoteRules(
                        new VoteRules.Share(rs.getInt("quorum_num"), rs.getInt("quorum_den")),
                        Basis.valueOf(rs.getString("majority_basis")),
                        new VoteRules.Share(rs.getInt("majority_num"), rs.getInt("majority_den")),
                        rs.getBoolean("majority_strict"),
                        rs.getBoolean("choice")),
                VoteState.valueOf(rs.getString("state")),
                rs.getBigDecimal("eligible_weight"),
                rs.getBigDecimal("present_weight"),
                result == null ? null : VoteRules.Outcome.valueOf(result),
                Meetings.instant(rs, "opened_at"),
                Meetings.instant(rs, "closed_at"));
    }
}
