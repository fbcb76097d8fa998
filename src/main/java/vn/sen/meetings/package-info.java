/**
 * Meetings (cuộc họp, phòng họp không giấy): meeting types and rooms, scheduling with conflict checks,
 * invitations with iCalendar files, replies and substitutes, the agenda and its documents (versions,
 * approval before publication, restricted documents, read tracking), and later the live session,
 * votes, minutes and conclusions (QĐ 45/2018).
 *
 * <p>Every unit organises its own meetings: its meeting secretaries and leaders (and the meeting's chair
 * and secretary) manage them; the people and units invited see them once the invitations are out.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organization", "files", "calendar", "notifications", "signing", "documents"})
package vn.sen.meetings;
