package vn.sen.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarDateTest {

    @ParameterizedTest(name = "Tết {0} falls on {1}")
    @CsvSource({
        "2000, 2000-02-05", "2001, 2001-01-24", "2004, 2004-01-22", "2007, 2007-02-17", "2010, 2010-02-14",
        "2015, 2015-02-19", "2017, 2017-01-28", "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01",
        "2023, 2023-01-22", "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06",
        "2030, 2030-02-02"
    })
    void tet_falls_on_the_dates_vietnamese_calendars_print(int year, LocalDate expected) {
        assertThat(LunarDate.newYear(year)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Hùng Kings'' day {0} falls on {1}")
    @CsvSource({"2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26"})
    void hung_kings_day_is_the_tenth_of_the_third_lunar_month(int year, LocalDate expected) {
        assertThat(new LunarDate(10, 3, year, false).toSolar()).isEqualTo(expected);
    }

    @Test
    void tet_2030_is_a_day_before_the_chinese_new_year_because_the_new_moon_is_at_23_07_in_hanoi() {
        assertThat(LunarDate.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
    }

    @Test
    void tet_2007_follows_the_vietnamese_meridian_not_the_chinese_one() {
        assertThat(LunarDate.of(LocalDate.of(2007, 2, 17))).isEqualTo(new LunarDate(1, 1, 2007, false));
        assertThat(LunarDate.of(LocalDate.of(2007, 2, 18)).day()).isEqualTo(2);
    }

    @Test
    void a_leap_month_is_recognised_and_converted_both_ways() {
        var leap = LunarDate.of(LocalDate.of(2025, 7, 25));
        assertThat(leap).isEqualTo(new LunarDate(1, 6, 2025, true));
        assertThat(new LunarDate(1, 6, 2025, false).toSolar()).isEqualTo(LocalDate.of(2025, 6, 25));
        assertThat(leap.toSolar()).isEqualTo(LocalDate.of(2025, 7, 25));
    }

    @Test
    void asking_for_a_leap_month_that_does_not_exist_is_refused() {
        assertThatThrownBy(() -> new LunarDate(1, 3, 2025, true).toSolar())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_day_from_2000_to_2100_converts_to_lunar_and_back() {
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() <= 2100; d = d.plusDays(1)) {
            LunarDate lunar = LunarDate.of(d);
            assertThat(lunar.day()).isBetween(1, 30);
            assertThat(lunar.toSolar()).as("round trip of %s (%s)", d, lunar).isEqualTo(d);
        }
    }
}
