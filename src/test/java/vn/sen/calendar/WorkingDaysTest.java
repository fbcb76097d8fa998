package vn.sen.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class WorkingDaysTest {

    @Autowired
    WorkingDays workingDays;

    @AfterEach
    void removeAdjustments() {
        workingDays.removeAdjustment(LocalDate.of(2026, 5, 9), "test");
        workingDays.removeAdjustment(LocalDate.of(2026, 5, 4), "test");
    }

    @Test
    void weekends_and_holidays_are_not_working_days() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue(); // Monday
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse(); // Sunday
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse(); // Tết
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 4, 30))).isFalse();
    }

    @Test
    void a_deadline_in_working_days_skips_weekends_and_holidays() {
        // Thursday 29 April 2027 + 3 working days: 30/4 (Fri) and 1/5 (Sat) are holidays, Monday 3 May
        // compensates 1 May, so the days counted are Tue 4, Wed 5, Thu 6 May.
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2027, 4, 29), 3)).isEqualTo(LocalDate.of(2027, 5, 6));
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2027, 4, 29), LocalDate.of(2027, 5, 6)))
                .isEqualTo(3);
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2027, 5, 6), LocalDate.of(2027, 4, 29)))
                .isEqualTo(-3);
    }

    @Test
    void the_administrators_make_up_saturday_and_extra_day_off_change_the_count() {
        LocalDate saturday = LocalDate.of(2026, 5, 9);
        LocalDate monday = LocalDate.of(2026, 5, 4);
        workingDays.adjust(saturday, true, "Làm bù", "admin");
        workingDays.adjust(monday, false, "Nghỉ bù", "admin");

        assertThat(workingDays.isWorkingDay(saturday)).isTrue();
        assertThat(workingDays.isWorkingDay(monday)).isFalse();
        assertThat(workingDays.specialDays(2026)).contains(new CalendarDay(saturday, true, "Làm bù"));

        workingDays.removeAdjustment(saturday, "admin");
        assertThat(workingDays.isWorkingDay(saturday)).isFalse();
    }

    @Test
    void years_outside_2000_to_2100_are_refused_with_a_clear_reason() {
        assertThatThrownBy(() -> workingDays.isWorkingDay(LocalDate.of(2101, 1, 3)))
                .hasMessageContaining("2000–2100");
    }
}
