package vn.sen.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days (ngày làm việc): Monday to Friday minus public holidays, corrected by the
 * administrator's yearly adjustments. The module's API for deadline arithmetic.
 *
 * <p>Years are computed once and cached; an adjustment clears its year here, and other application
 * nodes pick it up within a minute.
 */
@Service
public class WorkingDays {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final Duration CACHE_TIME = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    WorkingDays(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).isWorking(date);
    }

    /**
     * The day on which a period of {@code days} working days that starts the day after {@code start}
     * ends, e.g. a deadline of 5 working days from receipt. Zero gives {@code start} itself; negative
     * counts backwards.
     */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        LocalDate date = start;
        int step = days >= 0 ? 1 : -1;
        for (int left = Math.abs(days); left > 0; ) {
            date = date.plusDays(step);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** Every day of {@code year} that is not a plain weekday or weekend: holidays and adjustments. */
    public List<CalendarDay> specialDays(int year) {
        return List.copyOf(year(year).special.values());
    }

    /** Holidays as the law gives them, before adjustments. */
    public List<CalendarDay> defaultHolidays(int year) {
        checkRange(year);
        return Holidays.of(year);
    }

    /** Administrator's adjustment: a day off, or a make-up working day; replaces any earlier one. */
    @Transactional
    public void adjust(LocalDate date, boolean working, String note, String actor) {
        checkRange(date.getYear());
        jdbc.sql("""
                insert into calendar.day_adjustment (day, working, note, changed_by)
                values (:day, :working, :note, :actor)
                on conflict (day) do update set working = excluded.working, note = excluded.note,
                    changed_by = excluded.changed_by, changed_at = now()
                """)
                .param("day", date)
                .param("working", working)
                .param("note", note)
                .param("actor", actor)
                .update();
        years.remove(date.getYear());
        events.publishEvent(new CalendarAdjusted(date, working, note, actor));
    }

    /** Removes an adjustment so the day follows the default rule again. */
    @Transactional
    public void removeAdjustment(LocalDate date, String actor) {
        int removed = jdbc.sql("delete from calendar.day_adjustment where day = :day")
                .param("day", date)
                .update();
        years.remove(date.getYear());
        if (removed > 0) {
            events.publishEvent(new CalendarAdjusted(date, null, "removed", actor));
        }
    }

    private Year year(int year) {
        checkRange(year);
        Year cached = years.get(year);
        if (cached != null && cached.loadedAt.plus(CACHE_TIME).isAfter(Instant.now())) {
            return cached;
        }
        var special = new TreeMap<LocalDate, CalendarDay>();
        Holidays.of(year).forEach(day -> special.put(day.date(), day));
        jdbc.sql("""
                select day, working, note from calendar.day_adjustment
                where day between :first and :last
                """)
                .param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new CalendarDay(
                        rs.getObject("day", LocalDate.class), rs.getBoolean("working"), rs.getString("note")))
                .list()
                .forEach(day -> special.put(day.date(), day));
        Year loaded = new Year(special, Instant.now());
        years.put(year, loaded);
        return loaded;
    }

    private static void checkRange(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "The working-day calendar covers " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
        }
    }

    private record Year(Map<LocalDate, CalendarDay> special, Instant loadedAt) {

        boolean isWorking(LocalDate date) {
            CalendarDay day = special.get(date);
            if (day != null) {
                return day.working();
            }
            return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
        }
    }
}
