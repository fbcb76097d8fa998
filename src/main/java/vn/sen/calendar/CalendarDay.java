package vn.sen.calendar;

import java.time.LocalDate;

/**
 * A day whose status differs from the plain Monday–Friday rule: a holiday or day off (ngày nghỉ), or
 * a make-up working day (ngày làm bù).
 *
 * @param name message key of the reason (e.g. {@code holiday.tet}) or the administrator's note
 */
public record CalendarDay(LocalDate date, boolean working, String name) {}
