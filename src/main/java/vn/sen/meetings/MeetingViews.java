package vn.sen.meetings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** Read records of the meetings module and the forms it accepts; its tables never leave it. */
public final class MeetingViews {

    private MeetingViews() {}

    /** Where a meeting stands. */
    public enum MeetingState {
        /** Being prepared; only its organisers see it. */
        DRAFT,
        /** Invitations sent. */
        INVITED,
        /** The live session runs. */
        OPEN,
        CLOSED,
        CANCELLED;

        public boolean finished() {
            return this == CLOSED || this == CANCELLED;
        }
    }

    /** Thành phần: chủ trì, thư ký, đại biểu, khách mời. */
    public enum ParticipantRole {
        CHAIR,
        SECRETARY,
        MEMBER,
        GUEST
    }

    /** A reply to an invitation. */
    public enum Response {
        PENDING,
        ATTEND,
        ABSENT,
        /** Cử người dự thay. */
        SUBSTITUTE
    }

    /** How often a meeting repeats. */
    public enum Repeat {
        NONE,
        WEEKLY,
        FORTNIGHTLY,
        MONTHLY
    }

    public record MeetingTypeView(
            long id, String code, String nameVi, String nameEn, int leadWorkingDays, int maxMinutes, boolean active) {

        public boolean urgent() {
            return leadWorkingDays == 0;
        }
    }

    public record SeatView(String label, int row, int col) {}

    public record RoomView(
            long id,
            long unitId,
            String unitName,
            String name,
            String location,
            int rows,
            int cols,
            String checkinToken,
            boolean active,
            List<SeatView> seats) {}

    /** What the organiser fills in to schedule a meeting (and its repetitions). */
    public record NewMeeting(
            long unitId,
            long typeId,
            String title,
            String description,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            Long roomId,
            String place,
            long chairOfficerId,
            Long secretaryOfficerId,
            String videoUrl,
            Repeat repeat,
            int occurrences) {

        public NewMeeting withRoom(Long room) {
            return new NewMeeting(
                    unitId,
                    typeId,
                    title,
                    description,
                    startsAt,
                    endsAt,
                    room,
                    place,
                    chairOfficerId,
                    secretaryOfficerId,
                    videoUrl,
                    repeat,
                    occurrences);
        }
    }

    /** A meeting as a list shows it. */
    public record MeetingSummary(
            long id,
            String title,
            String unitName,
            String typeName,
            Instant startsAt,
            Instant endsAt,
            String where,
            String chairName,
            MeetingState state,
            Response myResponse) {

        /** "08:00–11:00, thứ Ba, 01/12/2026". */
        public String when() {
            return MeetingText.span(startsAt, endsAt);
        }
    }

    /** A meeting as its page shows it. */
    public record MeetingView(
            long id,
            long unitId,
            String unitName,
            String unitPath,
            MeetingTypeView type,
            String title,
            String description,
            Long roomId,
            String roomName,
            String place,
            Instant startsAt,
            Instant endsAt,
            long chairOfficerId,
            String chairName,
            Long secretaryOfficerId,
            String secretaryName,
            String videoUrl,
            MeetingState state,
            int sequence,
            Instant invitedAt,
            UUID seriesId,
            Integer seriesIndex,
            String createdBy) {

        /** The room's name, or the place typed in. */
        public String where() {
            return roomName != null ? roomName + (place.isEmpty() ? "" : " — " + place) : place;
        }
    }

    public record ParticipantView(
            long id,
            ParticipantRole role,
            Long officerId,
            Long unitId,
            String name,
            String guestEmail,
            String guestOrganisation,
            Response response,
            String reason,
            Long attendeeOfficerId,
            String attendeeName,
            boolean voting,
            BigDecimal weight,
            String seatLabel,
            Instant checkedInAt) {

        /** Whether someone other than the invited officer comes (a substitute or a unit's representative). */
        public boolean represented() {
            return attendeeOfficerId != null && !attendeeOfficerId.equals(officerId);
        }
    }

    public record AgendaItemView(
            long id,
            int position,
            String title,
            Long presenterOfficerId,
            String presenter,
            int plannedMinutes,
            Instant startedAt,
            Instant endedAt) {}

    /** One version of a meeting document. */
    public record VersionView(
            int version,
            UUID fileId,
            String fileName,
            long size,
            String note,
            String uploadedBy,
            Instant uploadedAt,
            String approvedBy,
            Instant approvedAt) {

        public boolean approved() {
            return approvedAt != null;
        }
    }

    /**
     * A meeting document as one viewer sees it: {@code published} is the newest approved version (null
     * until one is), {@code versions} all of them for the organisers, only the published one otherwise.
     */
    public record DocumentView(
            long id,
            Long agendaItemId,
            String title,
            boolean restricted,
            String source,
            boolean withdrawn,
            String createdBy,
            List<VersionView> versions,
            VersionView published,
            List<Long> readerOfficerIds,
            int readCount) {

        public VersionView latest() {
            return versions.isEmpty() ? null : versions.getLast();
        }

        /** A version waiting for approval. */
        public boolean awaitingApproval() {
            VersionView latest = latest();
            return latest != null && !latest.approved();
        }
    }

    /** Who opened a document, and when first and last. */
    public record ReadView(long officerId, String name, Instant firstAt, Instant lastAt, int times) {

        public String first() {
            return MeetingText.moment(firstAt);
        }
    }

    /** A digital signature kept on a meeting paper: who signed, the name their certificate carries, when. */
    public record SignerView(long officerId, String holder, Instant signedAt) {

        public String at() {
            return MeetingText.moment(signedAt);
        }
    }
}
