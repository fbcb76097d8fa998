package vn.sen.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Default public holidays (ngày nghỉ lễ, Tết) of one year under the Labour Code 2019 art. 112, before
 * the administrator's adjustments.
 *
 * <p>The exact Tết days and the day next to National Day are announced every year; the defaults here
 * are the usual pattern (the last day of the lunar year and the first four of the new one; the weekday
 * next to 2 September that makes the longer break) and an administrator corrects them per year. A
 * holiday that falls on a weekend gives a compensatory day off on the next working day (art. 111).
 */
final class Holidays {

    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private Holidays() {}

    static List<CalendarDay> of(int year) {
        var days = new TreeMap<LocalDate, String>();
        days.put(LocalDate.of(year, 1, 1), "holiday.new-year");
        LocalDate tet = LunarDate.newYear(year);
        days.put(tet.minusDays(1), "holiday.tet");
        for (int i = 0; i < 4; i++) {
            days.put(tet.plusDays(i), "holiday.tet");
        }
        days.put(new LunarDate(10, 3, year, false).toSolar(), "holiday.hung-kings");
        days.put(LocalDate.of(year, 4, 30), "holiday.reunification");
        days.put(LocalDate.of(year, 5, 1), "holiday.labour");
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        days.put(nationalDay, "holiday.national-day");
        days.put(nationalDayNeighbour(nationalDay), "holiday.national-day");

        var result = new ArrayList<CalendarDay>();
        days.forEach((date, name) -> result.add(new CalendarDay(date, false, name)));
        var taken = new HashSet<LocalDate>(days.keySet());
        for (var entry : days.entrySet()) {
            if (WEEKEND.contains(entry.getKey().getDayOfWeek())) {
                LocalDate compensation = entry.getKey();
                do {
                    compensation = compensation.plusDays(1);
                } while (WEEKEND.contains(compensation.getDayOfWeek()) || taken.contains(compensation));
                taken.add(compensation);
                result.add(new CalendarDay(compensation, false, "holiday.compensatory"));
            }
        }
        result.sort((a, b) -> a.date().compareTo(b.date()));
        return List.copyOf(result);
    }

    /** The weekday next to 2 September that joins the holiday to a weekend where it can. */
    private static LocalDate nationalDayNeighbour(LocalDate nationalDay) {
        return switch (nationalDay.getDayOfWeek()) {
            case TUESDAY, WEDNESDAY, FRIDAY, SATURDAY -> nationalDay.minusDays(1);
            case MONDAY, THURSDAY, SUNDAY -> nationalDay.plusDays(1);
        };
    }
}
