package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.MeetingViews.Response;
import vn.sen.meetings.SpeakerQueue.Kind;
import vn.sen.meetings.SpeakerQueue.RequestState;
import vn.sen.meetings.VoteRules.Outcome;
import vn.sen.meetings.Votes.VoteForm;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/** The live session: check-in, items, the speaker queue and votes — named and secret. */
@SpringBootTest
class LiveSessionTest extends MeetingsScenario {

    @Autowired
    LiveSession live;

    @Autowired
    SpeakerQueue speakers;

    @Autowired
    Votes votes;

    static String code(Throwable e) {
        return ((RuleViolation) e).code();
    }

    /** A meeting starting within the hour, invitations out, the session open. */
    long anOpenMeeting() {
        long id = aMeetingSoon(List.of(viceOfficer, financeDirectorOfficer, justiceDirectorOfficer));
        meetings.invite(secretary, id);
        live.open(secretary, id);
        return id;
    }

    String token() {
        return rooms.require(room).checkinToken();
    }

    @Test
    void delegates_check_in_with_the_rooms_code_or_the_secretary_marks_them() {
        long id = anOpenMeeting();
        assertThatThrownBy(() -> live.checkIn(financeDirector, id, "sai-ma"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.checkin-code"));
        assertThat(live.checkIn(financeDirector, id, token()).checkedInAt()).isNotNull();
        live.checkIn(financeDirector, id, token()); // twice is harmless
        assertThatThrownBy(() -> live.checkIn(outsider, id, token())).isInstanceOf(AccessDeniedException.class);
        ParticipantView viceRow =
                meetings.access(vice, id).attending(viceOfficer).orElseThrow();
        assertThatThrownBy(() -> live.mark(financeDirector, id, viceRow.id(), true))
                .isInstanceOf(AccessDeniedException.class);
        live.mark(secretary, id, viceRow.id(), true);
        assertThat(live.record(id))
                .extracting(LiveSession.SessionEvent::kind)
                .containsExactly("OPENED", "CHECKED_IN", "CHECKED_IN");
    }

    @Test
    void the_presenter_turns_the_page_everyone_follows_on_a_published_open_document() throws Exception {
        long id = anOpenMeeting();
        long item = agenda.add(secretary, id, new Agenda.ItemForm("Báo cáo", financeDirectorOfficer, "", 30));
        long published = documents.add(secretary, id, item, "Báo cáo", pdf(secretary, "Trang", 5), false, List.of());
        documents.approve(chairman, id, published, 1);
        long draft = documents.add(secretary, id, item, "Dự thảo", pdf(secretary, "Nhap", 2), false, List.of());
        long restricted = documents.add(
                secretary, id, item, "Mật", pdf(secretary, "Han che", 2), true, List.of(financeDirectorOfficer));
        documents.approve(chairman, id, restricted, 1);
        assertThatThrownBy(() -> live.present(financeDirector, id, published, 2))
                .as("not the presenter until his item is on")
                .isInstanceOf(AccessDeniedException.class);
        live.startItem(secretary, id, item);
        live.present(financeDirector, id, published, 3);
        assertThat(jdbc.sql("select presenting_page from meetings.meeting where id = :m")
                        .param("m", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        for (long hidden : List.of(draft, restricted)) {
            assertThatThrownBy(() -> live.present(financeDirector, id, hidden, 1))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.not-followable"));
        }
        assertThatThrownBy(() -> live.present(justiceDirector, id, published, 1))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_floor_goes_to_one_speaker_at_a_time_in_the_order_asked() {
        long id = anOpenMeeting();
        long item =
                agenda.add(secretary, id, new Agenda.ItemForm("Dự án đường ven biển", financeDirectorOfficer, "", 30));
        live.startItem(secretary, id, item);
        assertThatThrownBy(() -> speakers.request(financeDirector, id, Kind.SPEECH, ""))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.check-in-first"));
        live.checkIn(financeDirector, id, token());
        live.checkIn(justiceDirector, id, token());
        long first = speakers.request(justiceDirector, id, Kind.SPEECH, "");
        long second = speakers.request(financeDirector, id, Kind.SPEECH, "Về vốn đối ứng");
        assertThatThrownBy(() -> speakers.request(financeDirector, id, Kind.SPEECH, ""))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.already-waiting"));
        assertThatThrownBy(() -> speakers.request(financeDirector, id, Kind.INTERPELLATION, " "))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.interpellation-topic"));
        long question = speakers.request(financeDirector, id, Kind.INTERPELLATION, "Chất vấn Giám đốc Sở Tư pháp");
        assertThat(speakers.queue(id))
                .extracting(SpeakerQueue.RequestView::id)
                .containsExactly(first, second, question);

        assertThatThrownBy(() -> speakers.grant(financeDirector, id, first, 0))
                .isInstanceOf(AccessDeniedException.class);
        speakers.grant(chairman, id, first, 180);
        speakers.grant(chairman, id, second, 0); // the first speaker's turn ends
        assertThat(speakers.queue(id))
                .extracting(SpeakerQueue.RequestView::id, SpeakerQueue.RequestView::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(second, RequestState.SPEAKING),
                        org.assertj.core.groups.Tuple.tuple(question, RequestState.WAITING));
        assertThatThrownBy(() -> speakers.withdraw(justiceDirector, id, question))
                .isInstanceOf(AccessDeniedException.class);
        speakers.withdraw(financeDirector, id, question);
        speakers.finish(chairman, id, second);
        assertThat(speakers.queue(id)).isEmpty();
        assertThat(speakers.all(id))
                .extracting(SpeakerQueue.RequestView::state)
                .containsExactly(RequestState.DONE, RequestState.DONE, RequestState.WITHDRAWN);
    }

    @Test
    void a_named_vote_counts_one_ballot_per_participant_and_decides_at_the_close() {
        long id = anOpenMeeting();
        for (UserScope who : List.of(chairman, vice, financeDirector, justiceDirector)) {
            live.checkIn(who, id, token());
        }
        long vote = votes.create(
                secretary, id, new VoteForm(null, "Thông qua kế hoạch", List.of(), false, false, true, null));
        assertThatThrownBy(() -> votes.cast(financeDirector, vote, 0))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.vote-closed"));
        votes.open(secretary, vote);
        assertThatThrownBy(() -> votes.open(
                        secretary,
                        votes.create(secretary, id, new VoteForm(null, "Khác", List.of(), false, false, false, null))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.vote-already-open"));
        votes.cast(chairman, vote, 0);
        votes.cast(vice, vote, 1);
        votes.cast(vice, vote, 0); // changeable: the vice changes his mind
        votes.cast(financeDirector, vote, 2);
        assertThatThrownBy(() -> votes.cast(secretary, vote, 0))
                .as("the secretary does not vote")
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.not-voting"));
        assertThatThrownBy(() -> votes.cast(outsider, vote, 0)).isInstanceOf(AccessDeniedException.class);
        assertThat(votes.tally(vote).perOption())
                .containsExactly(BigDecimal.valueOf(2), BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(votes.mine(vice, vote).option()).isEqualTo(0);

        // four voters (chair, vice, two directors); 2 agree is not more than half of all
        assertThat(votes.close(secretary, vote).outcome()).isEqualTo(Outcome.FAILED);
        assertThatThrownBy(() -> votes.cast(justiceDirector, vote, 0))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.vote-closed"));
        assertThat(votes.tally(vote).perOption())
                .containsExactly(BigDecimal.valueOf(2), BigDecimal.ZERO, BigDecimal.ONE);
    }

    @Test
    void a_substitute_and_the_officer_he_stands_for_have_one_ballot_between_them() {
        long id = aMeetingSoon(List.of(financeDirectorOfficer));
        meetings.invite(secretary, id);
        ParticipantView director =
                meetings.access(financeDirector, id).answerable().getFirst();
        meetings.respond(financeDirector, id, director.id(), Response.SUBSTITUTE, "Bận", financeDeputyOfficer);
        live.open(secretary, id);
        live.checkIn(financeDeputy, id, token());
        assertThatThrownBy(() -> live.checkIn(financeDirector, id, token())).isInstanceOf(AccessDeniedException.class);
        long vote = votes.create(secretary, id, new VoteForm(null, "Thông qua", List.of(), true, false, false, null));
        votes.open(secretary, vote);
        votes.cast(financeDeputy, vote, 0);
        assertThatThrownBy(() -> votes.cast(financeDirector, vote, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> votes.cast(financeDeputy, vote, 1))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.already-voted"));
    }

    @Test
    void secret_ballots_cannot_be_linked_to_voters_even_by_reading_the_database() throws Exception {
        long id = anOpenMeeting();
        List<UserScope> voters = List.of(chairman, vice, financeDirector, justiceDirector);
        for (UserScope who : voters) {
            live.checkIn(who, id, token());
        }
        assertThatThrownBy(() ->
                        votes.create(secretary, id, new VoteForm(null, "Kín", List.of(), true, false, true, null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.secret-changeable"));
        long vote = votes.create(
                secretary, id, new VoteForm(null, "Giới thiệu nhân sự", List.of(), true, false, false, null));
        votes.open(secretary, vote);
        votes.cast(chairman, vote, 0);
        votes.cast(vice, vote, 1);
        votes.cast(financeDirector, vote, 0);
        assertThat(votes.tally(vote).ballots()).isEqualTo(3);
        assertThat(votes.tally(vote).totalsShown())
                .as("no totals while the secret vote runs")
                .isFalse();
        assertThat(votes.mine(vice, vote).voted()).isTrue();
        assertThat(votes.mine(vice, vote).option()).isNull();
        // even while it runs, every option row was written by the latest ballot: none points at a choice
        assertThat(jdbc.sql("select count(distinct xmin::text) from meetings.secret_tally where vote_id = :v")
                        .param("v", vote)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        votes.cast(justiceDirector, vote, 2);

        assertThat(votes.close(secretary, vote).outcome()).isEqualTo(Outcome.FAILED); // 2 of 4 is not more than half
        assertThat(votes.tally(vote).perOption())
                .containsExactly(BigDecimal.valueOf(2), BigDecimal.ONE, BigDecimal.ONE);

        // who voted: participants only, no time, no order column, no choice
        assertThat(jdbc.sql("""
                        select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns
                        where table_schema = 'meetings' and table_name = 'secret_voter'
                        """).query(String.class).single()).isEqualTo("vote_id,participant_id");
        // what was voted: one row per option, nothing per ballot
        assertThat(jdbc.sql("select count(*) from meetings.secret_tally where vote_id = :v")
                        .param("v", vote)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        // every row of both tables was last written by the closing transaction
        assertThat(jdbc.sql("""
                        select count(distinct x) from (
                            select xmin::text as x from meetings.secret_tally where vote_id = :v
                            union all select xmin::text from meetings.secret_voter where vote_id = :v) rows
                        """).param("v", vote).query(Integer.class).single()).isEqualTo(1);
        // the session record has no ballots; the audit trail says who voted, never what
        assertThat(live.record(id)).extracting(LiveSession.SessionEvent::kind).doesNotContain("BALLOT");
        assertThat(jdbc.sql("""
                        select details from (select details, action, resource from audit.record
                                             union all select details, action, resource from audit.pending) a
                        where action = 'meetings.ballot.cast' and resource = :m
                        """).param("m", "meeting:" + id).query(String.class).list())
                .hasSize(4)
                .containsOnly("vote:" + vote);
    }

    @Test
    void two_tabs_voting_at_once_count_once() throws Exception {
        long id = anOpenMeeting();
        live.checkIn(financeDirector, id, token());
        long secret = votes.create(secretary, id, new VoteForm(null, "Kín", List.of(), true, false, false, null));
        votes.open(secretary, secret);
        var pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> tabs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int option = i % 3;
            Callable<Boolean> tab = () -> {
                try {
                    votes.cast(financeDirector, secret, option);
                    return true;
                } catch (RuleViolation e) {
                    return false;
                }
            };
            tabs.add(pool.submit(tab));
        }
        int accepted = 0;
        for (Future<Boolean> tab : tabs) {
            accepted += tab.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(1);
        votes.close(secretary, secret);
        assertThat(votes.tally(secret).perOption().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void the_session_cannot_close_with_a_vote_open_and_nothing_changes_after_it_closes() {
        long id = anOpenMeeting();
        live.checkIn(financeDirector, id, token());
        long vote = votes.create(secretary, id, new VoteForm(null, "Q", List.of(), false, false, false, null));
        votes.open(secretary, vote);
        assertThatThrownBy(() -> live.close(secretary, id))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.vote-still-open"));
        votes.close(secretary, vote);
        live.close(chairman, id);
        assertThatThrownBy(() -> speakers.request(financeDirector, id, Kind.SPEECH, ""))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.not-open"));
        assertThatThrownBy(() -> votes.open(
                        secretary,
                        votes.create(secretary, id, new VoteForm(null, "Muộn", List.of(), false, false, false, null))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.finished"));
    }
}
