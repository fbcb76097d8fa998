package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The printed forms of Decree 30, annex I. */
class PrintedTest {

    @Test
    void numbers_below_ten_take_a_leading_zero() {
        assertThat(Printed.numberLine(5, "QĐ-UBND")).isEqualTo("Số: 05/QĐ-UBND");
        assertThat(Printed.numberLine(125, "QĐ-UBND")).isEqualTo("Số: 125/QĐ-UBND");
    }

    @Test
    void days_below_ten_and_january_and_february_take_a_leading_zero() {
        assertThat(Printed.dateLine("An Giang", LocalDate.of(2026, 3, 5)))
                .isEqualTo("An Giang, ngày 05 tháng 3 năm 2026");
        assertThat(Printed.dateLine("An Giang", LocalDate.of(2026, 1, 15)))
                .isEqualTo("An Giang, ngày 15 tháng 01 năm 2026");
        assertThat(Printed.dateLine("An Giang", LocalDate.of(2026, 2, 9)))
                .isEqualTo("An Giang, ngày 09 tháng 02 năm 2026");
        assertThat(Printed.dateLine("An Giang", LocalDate.of(2026, 12, 31)))
                .isEqualTo("An Giang, ngày 31 tháng 12 năm 2026");
    }

    @Test
    void the_notation_is_type_and_issuer_or_for_a_cong_van_issuer_and_drafting_unit() {
        assertThat(Printed.notation(DocumentType.DECISION, "UBND", "VP")).isEqualTo("QĐ-UBND");
        assertThat(Printed.notation(DocumentType.REGULATION, "UBND", "VP")).isEqualTo("QyĐ-UBND");
        assertThat(Printed.notation(DocumentType.OFFICIAL_LETTER, "UBND", "VP")).isEqualTo("UBND-VP");
        assertThat(Printed.notation(DocumentType.OFFICIAL_LETTER, "STC", "STC")).isEqualTo("STC");
        assertThat(DocumentType.values()).hasSize(29);
    }
}
