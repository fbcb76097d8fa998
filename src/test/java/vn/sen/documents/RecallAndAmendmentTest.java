package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.sen.documents.OutgoingViews.Amendment;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.OutgoingViews.OutgoingState;
import vn.sen.documents.OutgoingViews.OutgoingView;
import vn.sen.shared.RuleViolation;

/** Errors after release (Decree 30, domain §3): recall, correction by công văn, replacement. */
@SpringBootTest
@RecordApplicationEvents
class RecallAndAmendmentTest extends DocumentsScenario {

    @Autowired
    Routing routing;

    @Autowired
    ApplicationEvents events;

    private long released(List<ExternalRecipient> external) throws IOException {
        long id = outgoing.draft(drafter, decision(List.of(), Confidentiality.NORMAL, external));
        outgoing.submit(drafter, id);
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "");
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        outgoing.issue(committeeClerk, id);
        outgoing.release(committeeClerk, id);
        return id;
    }

    private long departmentCopy(long outgoingId) {
        return outgoing.find(drafter, outgoingId).orElseThrow().recipients().stream()
                .filter(r -> r.incomingId() != null)
                .findFirst()
                .orElseThrow()
                .incomingId();
    }

    private void releaseDraft(long id) {
        outgoing.submit(drafter, id);
        outgoing.decide(committeeClerk, pending(committeeClerk, id).id(), true, "");
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        outgoing.issue(committeeClerk, id);
        outgoing.release(committeeClerk, id);
    }

    @Test
    void a_recall_freezes_the_document_destroys_the_copies_here_and_queues_the_others() throws IOException {
        long id = released(List.of(new ExternalRecipient("Bộ Tài chính", "000.00.00.G09")));
        long copy = departmentCopy(id);
        var file = incoming.find(departmentClerk, copy).orElseThrow().files().getFirst();
        assertThat(incoming.attachment(departmentClerk, copy, file.id())).isPresent();

        assertThatThrownBy(() -> outgoing.recall(drafter, id, "Sai thẩm quyền"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outgoing.recall(departmentClerk, id, "Sai thẩm quyền"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outgoing.recall(committeeClerk, id, "  "))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.reason-required"));

        outgoing.recall(committeeClerk, id, "Ban hành sai thẩm quyền");

        OutgoingView recalled = outgoing.find(drafter, id).orElseThrow();
        assertThat(recalled.state()).isEqualTo(OutgoingState.RECALLED);
        assertThat(recalled.recalledAt()).isNotNull();
        assertThat(recalled.recallReason()).isEqualTo("Ban hành sai thẩm quyền");
        assertThat(recalled.numberAndNotation())
                .as("the number stays in the register")
                .isEqualTo("01/QĐ-UBND");
        assertThat(recalled.recipients())
                .extracting(OutgoingViews.RecipientView::state)
                .containsExactlyInAnyOrder("RECALLED", "RECALL_QUEUED");
        var copyAfter = incoming.find(departmentClerk, copy).orElseThrow();
        assertThat(copyAfter.recalled()).isTrue();
        assertThat(copyAfter.closed()).isTrue();
        assertThat(copyAfter.files()).as("the copy's files are destroyed").isEmpty();
        assertThat(incoming.attachment(departmentClerk, copy, file.id())).isEmpty();
        assertThat(incoming.forIndexing(copy)).as("no longer found by search").isEmpty();
        assertThat(routing.history(copy))
                .extracting(RoutingViews.HistoryEntry::action)
                .contains("RECALLED");
        assertThat(events.stream(OutgoingDocumentRecalled.class))
                .singleElement()
                .satisfies(e -> assertThat(e.external())
                        .extracting(ExternalRecipient::code)
                        .containsExactly("000.00.00.G09"));
        assertThat(events.stream(IncomingDocumentRecalled.class)).hasSize(1);

        assertThatThrownBy(() -> outgoing.comment(drafter, id, "Sửa lại"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.recalled"));
        assertThatThrownBy(() -> outgoing.recall(committeeClerk, id, "Lần nữa"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.not-released"));
        assertThatThrownBy(() -> outgoing.draftAmendment(drafter, id, Amendment.CORRECTION, "", upload(drafter, "x")))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.not-released"));
    }

    @Test
    void a_correction_is_an_official_letter_to_the_same_recipients_and_the_original_says_so() throws IOException {
        long original = released(List.of());
        long copy = departmentCopy(original);
        long correction = outgoing.draftAmendment(drafter, original, Amendment.CORRECTION, "", upload(drafter, "đc"));

        OutgoingView draft = outgoing.find(drafter, correction).orElseThrow();
        assertThat(draft.type()).isEqualTo(DocumentType.OFFICIAL_LETTER);
        assertThat(draft.subject()).isEqualTo("V/v đính chính văn bản số 01/QĐ-UBND");
        assertThat(draft.amends()).isEqualTo(original);
        assertThat(draft.amendment()).isEqualTo(Amendment.CORRECTION);
        assertThat(draft.recipients())
                .extracting(OutgoingViews.RecipientView::unitId)
                .containsExactly(department);

        releaseDraft(correction);
        assertThat(outgoing.find(drafter, correction).orElseThrow().numberAndNotation())
                .isEqualTo("02/UBND-VP");
        assertThat(outgoing.find(drafter, original).orElseThrow().amendedBy())
                .extracting(OutgoingViews.OutgoingRow::id)
                .containsExactly(correction);
        assertThat(outgoing.history(original)).anySatisfy(h -> {
            assertThat(h.action()).isEqualTo("CORRECTED");
            assertThat(h.text()).isEqualTo("02/UBND-VP");
        });
        assertThat(routing.history(copy))
                .as("the recipient's copy of the original points at the correction")
                .anySatisfy(h -> assertThat(h.action()).isEqualTo("CORRECTED"));
        assertThat(departmentCopy(correction)).isNotEqualTo(copy);
    }

    @Test
    void a_replacement_keeps_the_type_and_takes_the_next_number_of_its_series() throws IOException {
        long original = released(List.of());
        long replacement = outgoing.draftAmendment(drafter, original, Amendment.REPLACEMENT, "", upload(drafter, "tt"));
        assertThat(outgoing.find(drafter, replacement).orElseThrow().type()).isEqualTo(DocumentType.DECISION);
        releaseDraft(replacement);
        assertThat(outgoing.find(drafter, replacement).orElseThrow().numberAndNotation())
                .isEqualTo("02/QĐ-UBND");
        assertThat(outgoing.history(original))
                .anySatisfy(h -> assertThat(h.action()).isEqualTo("REPLACED"));

        assertThatThrownBy(() ->
                        outgoing.draftAmendment(outsider, original, Amendment.CORRECTION, "", upload(outsider, "x")))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("documents.error.not-found"));
    }
}
