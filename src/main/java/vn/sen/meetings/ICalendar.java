package vn.sen.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * iCalendar (RFC 5545) for invitations: one VEVENT, times in UTC, text escaped, lines folded at 75
 * octets without splitting a UTF-8 character. {@code REQUEST} invites or updates (a higher SEQUENCE),
 * {@code CANCEL} withdraws.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Someone on the invitation with an e-mail address. */
    record Attendee(String name, String email) {}

    record Event(
            String uid,
            int sequence,
            Instant start,
            Instant end,
            String summary,
            String description,
            String location,
            String url,
            String organiserName,
            String organiserEmail,
            List<Attendee> attendees,
            boolean cancelled) {}

    private ICalendar() {}

    static byte[] write(Event event, Instant now) {
        var out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Sen//Meetings//VI");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:" + (event.cancelled() ? "CANCEL" : "REQUEST"));
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + event.uid());
        line(out, "SEQUENCE:" + event.sequence());
        line(out, "DTSTAMP:" + UTC.format(now));
        line(out, "DTSTART:" + UTC.format(event.start()));
        line(out, "DTEND:" + UTC.format(event.end()));
        line(out, "SUMMARY:" + text(event.summary()));
        if (!event.description().isEmpty()) {
            line(out, "DESCRIPTION:" + text(event.description()));
        }
        if (!event.location().isEmpty()) {
            line(out, "LOCATION:" + text(event.location()));
        }
        if (!event.url().isEmpty()) {
            line(out, "URL:" + event.url());
        }
        line(out, "ORGANIZER;CN=" + parameter(event.organiserName()) + ":mailto:" + event.organiserEmail());
        for (Attendee attendee : event.attendees()) {
            line(
                    out,
                    "ATTENDEE;CN=" + parameter(attendee.name())
                            + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:" + attendee.email());
        }
        line(out, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** TEXT value: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** A parameter value: quoted, with the characters a quoted value may not hold removed. */
    static String parameter(String value) {
        return "\"" + value.replaceAll("[\"\\p{Cntrl}]", "") + "\"";
    }

    /** Appends a content line folded at 75 octets (continuation lines start with a space). */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
