package vn.sen.calendar;

import java.time.LocalDate;
import vn.sen.shared.AuditableEvent;

/**
 * The administrator changed a day of the working calendar (điều chỉnh lịch làm việc).
 *
 * @param working {@code true} make-up working day, {@code false} day off, {@code null} adjustment removed
 */
public record CalendarAdjusted(LocalDate day, Boolean working, String note, String actor) implements AuditableEvent {

    @Override
    public String action() {
        return "calendar.adjusted";
    }

    @Override
    public String resource() {
        return "day:" + day;
    }

    @Override
    public String details() {
        return (working == null ? "default" : working ? "working" : "off") + (note == null ? "" : " " + note);
    }
}
