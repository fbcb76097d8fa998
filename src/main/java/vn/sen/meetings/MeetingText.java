package vn.sen.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** How meeting times read in Vietnamese notices and documents ("08:00–11:00, thứ Hai, 30/11/2026"). */
final class MeetingText {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] WEEKDAYS = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"
    };

    private MeetingText() {}

    static String dateTime(Instant instant) {
        ZonedDateTime time = instant.atZone(ZONE);
        return TIME.format(time) + " " + day(time.toLocalDate());
    }

    static String span(Instant start, Instant end) {
        ZonedDateTime from = start.atZone(ZONE);
        ZonedDateTime to = end.atZone(ZONE);
        if (from.toLocalDate().equals(to.toLocalDate())) {
            return TIME.format(from) + "–" + TIME.format(to) + ", " + day(from.toLocalDate());
        }
        return dateTime(start) + " – " + dateTime(end);
    }

    /** "08:30". */
    static String time(Instant instant) {
        return TIME.format(instant.atZone(ZONE));
    }

    /** "08:30 24/11" — a recent moment on a list. */
    static String moment(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm dd/MM").format(instant.atZone(ZONE));
    }

    static String day(LocalDate date) {
        return WEEKDAYS[date.getDayOfWeek().getValue() - 1] + ", " + DATE.format(date);
    }
}
