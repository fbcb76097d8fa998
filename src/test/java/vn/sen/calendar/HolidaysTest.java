package vn.sen.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidaysTest {

    @Test
    void tet_2025_gives_five_days_from_the_last_day_of_the_lunar_year() {
        var tet = Holidays.of(2025).stream()
                .filter(d -> d.name().equals("holiday.tet"))
                .map(CalendarDay::date)
                .toList();
        assertThat(tet)
                .containsExactly(
                        LocalDate.of(2025, 1, 28),
                        LocalDate.of(2025, 1, 29),
                        LocalDate.of(2025, 1, 30),
                        LocalDate.of(2025, 1, 31),
                        LocalDate.of(2025, 2, 1));
    }

    @Test
    void a_holiday_on_a_weekend_gives_a_compensatory_day_on_the_next_working_day() {
        // 1 January 2028 is a Saturday: Monday 3 January is off instead.
        assertThat(Holidays.of(2028))
                .contains(new CalendarDay(LocalDate.of(2028, 1, 3), false, "holiday.compensatory"));
    }

    @Test
    void compensatory_days_never_land_on_another_holiday_or_on_each_other() {
        for (int year = WorkingDays.FIRST_YEAR; year <= WorkingDays.LAST_YEAR; year++) {
            var days = Holidays.of(year);
            assertThat(days.stream().map(CalendarDay::date).distinct().count())
                    .as("distinct days in %d", year)
                    .isEqualTo(days.size());
        }
    }

    @Test
    void national_day_2025_joins_the_weekend_with_monday_first_september() {
        assertThat(Holidays.of(2025))
                .contains(new CalendarDay(LocalDate.of(2025, 9, 1), false, "holiday.national-day"))
                .contains(new CalendarDay(LocalDate.of(2025, 9, 2), false, "holiday.national-day"));
    }
}
