package vn.sen.meetings;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a vote is decided (kết quả biểu quyết): first the quorum — enough of the eligible voters present —
 * then the majority, measured against all eligible voters, those present or the ballots cast. A question
 * passes when its first option ("tán thành") reaches the majority; a choice passes when one option does
 * (and that option wins). With {@code weighted}, ballots count by their weights instead of one each.
 * "More than" a share (quá nửa) and "at least" a share (ít nhất hai phần ba) are both expressible.
 */
public record VoteRules(Share quorum, Basis basis, Share majority, boolean strict, boolean choice) {

    /** A share as the rules state it: một phần hai, hai phần ba — exact, never a rounded percentage. */
    public record Share(int numerator, int denominator) {

        public Share {
            if (denominator <= 0 || numerator < 0 || numerator > denominator) {
                throw new IllegalArgumentException("share " + numerator + "/" + denominator);
            }
        }

        public static final Share HALF = new Share(1, 2);
        public static final Share TWO_THIRDS = new Share(2, 3);

        /** "2/3" → two thirds; refused with a rule violation when it is not a share. */
        public static Share parse(String text) {
            var matcher = java.util.regex.Pattern.compile("\\s*(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*")
                    .matcher(text == null ? "" : text);
            if (!matcher.matches()) {
                throw new vn.sen.shared.RuleViolation("meetings.error.share", String.valueOf(text));
            }
            int numerator = Integer.parseInt(matcher.group(1));
            int denominator = Integer.parseInt(matcher.group(2));
            if (denominator == 0 || numerator > denominator) {
                throw new vn.sen.shared.RuleViolation("meetings.error.share", text.strip());
            }
            return new Share(numerator, denominator);
        }

        /** Whether {@code part} × denominator compares to numerator × {@code whole} as {@code strict} asks. */
        boolean reachedBy(BigDecimal part, BigDecimal whole, boolean strict) {
            int comparison = part.multiply(BigDecimal.valueOf(denominator))
                    .compareTo(whole.multiply(BigDecimal.valueOf(numerator)));
            return strict ? comparison > 0 : comparison >= 0;
        }

        @Override
        public String toString() {
            return numerator + "/" + denominator;
        }
    }

    /** What the majority is measured against. */
    public enum Basis {
        /** Tổng số đại biểu (thành viên) có quyền biểu quyết. */
        ELIGIBLE,
        /** Số đại biểu có mặt. */
        PRESENT,
        /** Số phiếu đã bỏ. */
        CAST
    }

    public enum Outcome {
        PASSED,
        FAILED,
        NO_QUORUM
    }

    /** Eligible and present voters, and the totals per option (weights or counts, as the vote counts). */
    public record Counts(BigDecimal eligible, BigDecimal present, List<BigDecimal> perOption) {

        public BigDecimal cast() {
            return perOption.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The decision, and for a choice the option that won (null when none did). */
    public record Decision(Outcome outcome, Integer winner) {}

    /** Quá nửa tổng số đại biểu: at least half present, more than half of all eligible voters agree. */
    public static VoteRules moreThanHalfOfAll() {
        return new VoteRules(Share.HALF, Basis.ELIGIBLE, Share.HALF, true, false);
    }

    /** At least the quorum's share of the eligible voters is present. */
    public boolean quorate(Counts counts) {
        return counts.present().signum() > 0 && quorum.reachedBy(counts.present(), counts.eligible(), false);
    }

    /** Whether {@code total} reaches the majority of {@code base}. */
    boolean reaches(BigDecimal total, BigDecimal base) {
        return total.signum() > 0 && majority.reachedBy(total, base, strict);
    }

    public Decision decide(Counts counts) {
        if (!quorate(counts)) {
            return new Decision(Outcome.NO_QUORUM, null);
        }
        BigDecimal base = switch (basis) {
            case ELIGIBLE -> counts.eligible();
            case PRESENT -> counts.present();
            case CAST -> counts.cast();
        };
        if (!choice) {
            return reaches(counts.perOption().getFirst(), base)
                    ? new Decision(Outcome.PASSED, 0)
                    : new Decision(Outcome.FAILED, null);
        }
        for (int i = 0; i < counts.perOption().size(); i++) {
            if (reaches(counts.perOption().get(i), base)) {
                boolean alone = true;
                for (int j = 0; j < counts.perOption().size(); j++) {
                    alone &= j == i
                            || counts.perOption()
                                            .get(j)
                                            .compareTo(counts.perOption().get(i))
                                    < 0;
                }
                if (alone) {
                    return new Decision(Outcome.PASSED, i);
                }
            }
        }
        return new Decision(Outcome.FAILED, null);
    }
}
