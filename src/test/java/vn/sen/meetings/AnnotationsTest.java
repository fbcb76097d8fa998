package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.meetings.Annotations.AnnotationView;
import vn.sen.meetings.Annotations.Kind;
import vn.sen.meetings.Annotations.NewAnnotation;
import vn.sen.shared.RuleViolation;

/** Personal notes and highlights: private, shared with chosen participants, saved again safely, never leaked. */
@SpringBootTest
class AnnotationsTest extends MeetingsScenario {

    @Autowired
    Annotations annotations;

    static String code(Throwable e) {
        return ((RuleViolation) e).code();
    }

    long published(long meetingId, boolean restricted, List<Long> readers) throws Exception {
        long doc = documents.add(
                secretary, meetingId, null, "Tờ trình " + tag, pdf(secretary, "To trinh", 3), restricted, readers);
        documents.approve(chairman, meetingId, doc, 1);
        return doc;
    }

    @Test
    void notes_are_private_until_shared_and_saving_again_changes_the_same_note() throws Exception {
        long id = aMeeting();
        meetings.invite(secretary, id);
        long doc = published(id, false, List.of());
        UUID note = UUID.randomUUID();
        UUID mark = UUID.randomUUID();
        annotations.save(
                financeDirector, id, doc, note, new NewAnnotation(2, Kind.NOTE, List.of(), "", "Hỏi về nguồn vốn"));
        annotations.save(
                financeDirector,
                id,
                doc,
                mark,
                new NewAnnotation(1, Kind.HIGHLIGHT, List.of(0.1f, 0.2f, 0.5f, 0.03f), "To trinh 1", ""));
        // a tablet sends the same note again after being offline, with its text changed
        annotations.save(
                financeDirector, id, doc, note, new NewAnnotation(2, Kind.NOTE, List.of(), "", "Hỏi về nguồn vốn ODA"));

        List<AnnotationView> mine = annotations.list(financeDirector, id, doc);
        assertThat(mine)
                .extracting(AnnotationView::page, AnnotationView::kind, AnnotationView::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Kind.HIGHLIGHT, ""),
                        org.assertj.core.groups.Tuple.tuple(2, Kind.NOTE, "Hỏi về nguồn vốn ODA"));
        assertThat(mine.getFirst().areas()).containsExactly(0.1f, 0.2f, 0.5f, 0.03f);
        assertThat(annotations.list(vice, id, doc)).as("private").isEmpty();
        assertThat(annotations.list(chairman, id, doc)).as("even for the chair").isEmpty();

        assertThatThrownBy(() -> annotations.share(financeDirector, id, doc, note, List.of(outsiderOfficer)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.note-share"));
        annotations.share(financeDirector, id, doc, note, List.of(viceOfficer));
        assertThat(annotations.list(vice, id, doc)).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("Hỏi về nguồn vốn ODA");
            assertThat(n.mine()).isFalse();
            assertThat(n.authorName())
                    .isEqualTo(
                            organization.requireOfficer(financeDirectorOfficer).fullName());
            assertThat(n.sharedWith())
                    .as("who else it is shared with is the author's business")
                    .isEmpty();
        });
        assertThat(annotations.list(financeDirector, id, doc).get(1).sharedWith())
                .containsExactly(viceOfficer);
        org.assertj.core.api.Assertions.assertThatCode(() -> annotations.delete(vice, id, doc, note))
                .doesNotThrowAnyException();
        assertThat(annotations.list(financeDirector, id, doc))
                .as("nobody else removes it")
                .hasSize(2);
        assertThatThrownBy(() -> annotations.share(vice, id, doc, note, List.of()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.note-unknown"));
        annotations.share(financeDirector, id, doc, note, List.of());
        assertThat(annotations.list(vice, id, doc)).as("private again").isEmpty();

        annotations.delete(financeDirector, id, doc, mark);
        assertThat(annotations.list(financeDirector, id, doc)).hasSize(1);
    }

    @Test
    void bad_notes_and_strangers_are_refused() throws Exception {
        long id = aMeeting();
        meetings.invite(secretary, id);
        long doc = published(id, false, List.of());
        long secret = published(id, true, List.of(financeDirectorOfficer));
        UUID note = UUID.randomUUID();
        assertThatThrownBy(() -> annotations.save(
                        financeDirector, id, doc, note, new NewAnnotation(1, Kind.NOTE, List.of(), "", " ")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.note-empty"));
        assertThatThrownBy(() -> annotations.save(
                        financeDirector,
                        id,
                        doc,
                        note,
                        new NewAnnotation(1, Kind.HIGHLIGHT, List.of(0.1f, 0.2f, 1.5f), "", "")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.note-areas"));
        assertThatThrownBy(() -> annotations.save(
                        financeDirector, id, doc, note, new NewAnnotation(0, Kind.NOTE, List.of(), "", "x")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.note-page"));
        assertThatThrownBy(() -> annotations.list(outsider, id, doc)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> annotations.save(
                        outsider, id, doc, UUID.randomUUID(), new NewAnnotation(1, Kind.NOTE, List.of(), "", "x")))
                .isInstanceOf(AccessDeniedException.class);

        // a note on a restricted document, shared with someone not named on it, stays out of his reach
        annotations.save(financeDirector, id, secret, note, new NewAnnotation(1, Kind.NOTE, List.of(), "", "Mật"));
        annotations.share(financeDirector, id, secret, note, List.of(justiceDirectorOfficer));
        assertThatThrownBy(() -> annotations.list(justiceDirector, id, secret))
                .isInstanceOf(AccessDeniedException.class);
        // the same device id on another document does not move the note
        assertThatThrownBy(() -> annotations.save(
                        financeDirector, id, doc, note, new NewAnnotation(1, Kind.NOTE, List.of(), "", "khác")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.note-invalid"));
        assertThat(annotations.list(financeDirector, id, secret))
                .singleElement()
                .extracting(AnnotationView::text)
                .isEqualTo("Mật");
    }
}
