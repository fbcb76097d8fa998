package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sen.meetings.VoteRules.Basis;
import vn.sen.meetings.VoteRules.Counts;
import vn.sen.meetings.VoteRules.Outcome;
import vn.sen.meetings.VoteRules.Share;

/** Quorum and majority: more than half, at least two thirds, of all, of those present, of ballots cast. */
class VoteRulesTest {

    static Counts counts(int eligible, int present, int... perOption) {
        return new Counts(
                BigDecimal.valueOf(eligible),
                BigDecimal.valueOf(present),
                java.util.Arrays.stream(perOption).mapToObj(BigDecimal::valueOf).toList());
    }

    @Test
    void more_than_half_of_all_members_is_strict() {
        var rules = VoteRules.moreThanHalfOfAll();
        assertThat(rules.decide(counts(10, 10, 6, 4, 0)).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(rules.decide(counts(10, 10, 5, 5, 0)).outcome())
                .as("exactly half is not more")
                .isEqualTo(Outcome.FAILED);
        assertThat(rules.decide(counts(10, 7, 5, 0, 2)).outcome())
                .as("all present agreeing is still not half of all")
                .isEqualTo(Outcome.FAILED);
        assertThat(rules.decide(counts(11, 6, 6, 0, 0)).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void without_a_quorum_nothing_is_decided() {
        var rules = VoteRules.moreThanHalfOfAll();
        assertThat(rules.decide(counts(10, 4, 4, 0, 0)).outcome()).isEqualTo(Outcome.NO_QUORUM);
        assertThat(rules.decide(counts(10, 5, 5, 0, 0)).outcome())
                .as("quorum is 'at least half'")
                .isEqualTo(Outcome.FAILED);
        assertThat(rules.decide(counts(0, 0, 0, 0, 0)).outcome()).isEqualTo(Outcome.NO_QUORUM);
        var twoThirdsPresent = new VoteRules(Share.TWO_THIRDS, Basis.PRESENT, Share.HALF, true, false);
        assertThat(twoThirdsPresent.decide(counts(30, 20, 11, 9, 0)).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(twoThirdsPresent.decide(counts(30, 19, 11, 8, 0)).outcome()).isEqualTo(Outcome.NO_QUORUM);
    }

    @Test
    void at_least_two_thirds_includes_the_boundary() {
        var rules = new VoteRules(Share.HALF, Basis.ELIGIBLE, Share.TWO_THIRDS, false, false);
        assertThat(rules.decide(counts(30, 30, 20, 10, 0)).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(rules.decide(counts(30, 30, 19, 11, 0)).outcome()).isEqualTo(Outcome.FAILED);
        var exact = new VoteRules(Share.HALF, Basis.ELIGIBLE, Share.parse("3/4"), false, false);
        assertThat(exact.decide(counts(4, 4, 3, 1, 0)).outcome()).isEqualTo(Outcome.PASSED);
        var strict = new VoteRules(Share.HALF, Basis.ELIGIBLE, Share.parse(" 3 / 4 "), true, false);
        assertThat(strict.decide(counts(4, 4, 3, 1, 0)).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void shares_are_read_as_written_and_nonsense_is_refused() {
        assertThat(Share.parse("2/3")).isEqualTo(Share.TWO_THIRDS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Share.parse("3/2"))
                .isInstanceOf(vn.sen.shared.RuleViolation.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Share.parse("66%"))
                .isInstanceOf(vn.sen.shared.RuleViolation.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Share.parse("1/0"))
                .isInstanceOf(vn.sen.shared.RuleViolation.class);
    }

    @Test
    void of_ballots_cast_ignores_those_who_did_not_vote() {
        var rules = new VoteRules(Share.HALF, Basis.CAST, Share.HALF, true, false);
        assertThat(rules.decide(counts(20, 12, 4, 3, 0)).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(rules.decide(counts(20, 12, 4, 3, 1)).outcome())
                .as("abstentions are ballots cast")
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void weights_count_instead_of_heads() {
        var rules = VoteRules.moreThanHalfOfAll();
        // three members weighing 1, 1 and 3: the heavy one alone carries it
        var weighted = new Counts(
                BigDecimal.valueOf(5), BigDecimal.valueOf(5), List.of(BigDecimal.valueOf(3), BigDecimal.valueOf(2)));
        assertThat(rules.decide(weighted).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void a_choice_is_won_by_the_option_that_reaches_the_majority_alone() {
        var rules = new VoteRules(Share.HALF, Basis.CAST, Share.HALF, true, true);
        var decision = rules.decide(counts(9, 9, 2, 6, 1));
        assertThat(decision.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(decision.winner()).isEqualTo(1);
        assertThat(rules.decide(counts(9, 9, 4, 4, 1)).outcome()).isEqualTo(Outcome.FAILED);
        var plurality = new VoteRules(Share.HALF, Basis.CAST, new Share(0, 1), true, true);
        assertThat(plurality.decide(counts(9, 9, 4, 4, 1)).winner())
                .as("a tie has no winner")
                .isNull();
        assertThat(plurality.decide(counts(9, 9, 3, 4, 2)).winner()).isEqualTo(1);
    }
}
