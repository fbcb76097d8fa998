package vn.sen.meetings;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.sen.meetings.MeetingViews.AgendaItemView;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.Votes.VoteView;

/**
 * The live state of a meeting as every screen shows it — session state, the item under discussion, the
 * page presented, the speaker and the queue, the vote under way and its count, attendance — rendered once
 * per change from {@code meetings/live :: state}.
 */
@Component
class LiveViews {

    /** The state a screen shows; the same for everyone following the meeting. */
    record LiveState(
            long version,
            MeetingView meeting,
            AgendaItemView currentItem,
            Long presentingDocumentId,
            Integer presentingPage,
            List<SpeakerQueue.RequestView> queue,
            VoteView vote,
            Votes.Tally tally,
            long present,
            long voting,
            long invited) {}

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Locale ENGLISH = Locale.ENGLISH;

    /** The languages of the user interface: English when asked for, Vietnamese otherwise. */
    static Locale language(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? ENGLISH : VIETNAMESE;
    }

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Agenda agenda;
    private final SpeakerQueue speakers;
    private final Votes votes;
    private final ITemplateEngine templates;

    LiveViews(
            JdbcClient jdbc,
            Meetings meetings,
            Agenda agenda,
            SpeakerQueue speakers,
            Votes votes,
            ITemplateEngine templates) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.agenda = agenda;
        this.speakers = speakers;
        this.votes = votes;
        this.templates = templates;
    }

    /** The meeting's live version: it grows with every change the screens show. */
    long version(long meetingId) {
        return jdbc.sql("select live_version from meetings.meeting where id = :m")
                .param("m", meetingId)
                .query(Long.class)
                .single();
    }

    LiveState state(long meetingId) {
        record Live(long version, Long item, Long document, Integer page) {}
        Live live = jdbc.sql("""
                select live_version, current_item_id, presenting_document_id, presenting_page
                from meetings.meeting where id = :m
                """)
                .param("m", meetingId)
                .query((rs, n) -> new Live(
                        rs.getLong(1),
                        rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Integer.class)))
                .single();
        MeetingView meeting = meetings.view(meetingId);
        List<ParticipantView> participants = meetings.participants(meetingId);
        // the vote under way, or else the last one closed
        List<VoteView> held = votes.ofMeeting(meetingId).stream()
                .filter(v -> v.state() != Votes.VoteState.DRAFT)
                .toList();
        VoteView vote = held.stream()
                .filter(v -> v.state() == Votes.VoteState.OPEN)
                .findFirst()
                .orElse(held.isEmpty() ? null : held.getLast());
        return new LiveState(
                live.version(),
                meeting,
                live.item() == null ? null : agenda.require(meetingId, live.item()),
                live.document(),
                live.page(),
                speakers.queue(meetingId),
                vote,
                vote == null ? null : votes.tally(vote.id()),
                participants.stream().filter(p -> p.checkedInAt() != null).count(),
                participants.stream().filter(ParticipantView::voting).count(),
                participants.size());
    }

    LiveStream.Frame frame(long meetingId, Locale locale) {
        LiveState state = state(meetingId);
        var context = new Context(language(locale));
        context.setVariable("live", state);
        String html = templates.process("meetings/live", java.util.Set.of("state"), context);
        return new LiveStream.Frame(state.version(), html);
    }
}
