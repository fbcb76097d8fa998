package vn.sen.interchange;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.sen.documents.OutgoingDocumentRecalled;
import vn.sen.documents.OutgoingDocumentReleased;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingRecipientsChanged;
import vn.sen.documents.OutgoingViews.Amendment;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.interchange.Edxml.BusinessType;

/**
 * The interchange outbox (hộp thư đi liên thông): a released document becomes one message per agency
 * outside this installation (a replacement of a released document goes as its replacement), a recall one
 * recall message per agency, a change of recipients one update message per agency added or removed, each queued with its transport
 * state. Written after the document's transaction commits, from the event publication registry, so a
 * stop at any point loses nothing; written once however often the event is handled.
 */
@Component
class Outbox {

    /** Transport states of a message. */
    enum State {
        QUEUED,
        SENT,
        DELIVERED,
        FAILED
    }

    /** A message to an agency: its transport state and the business status the agency sent back. */
    record Delivery(
            long id,
            long outgoingId,
            BusinessType type,
            String recipient,
            String recipientName,
            State state,
            int attempts,
            String lastError,
            Instant createdAt,
            String statusCode,
            String statusText,
            LocalDateTime statusAt) {}

    private final JdbcClient jdbc;
    private final OutgoingDocuments outgoing;
    private final AgencyDirectory directory;

    Outbox(JdbcClient jdbc, OutgoingDocuments outgoing, AgencyDirectory directory) {
        this.jdbc = jdbc;
        this.outgoing = outgoing;
        this.directory = directory;
    }

    /** A released document goes out new, or — when it replaces a released one — as its replacement. */
    @ApplicationModuleListener
    void on(OutgoingDocumentReleased released) {
        boolean replaces = outgoing.forIndexing(released.documentId())
                .map(d -> d.amendment() == Amendment.REPLACEMENT && d.amends() != null)
                .orElse(false);
        queue(released.documentId(), replaces ? BusinessType.REPLACEMENT : BusinessType.NEW, released.external());
    }

    @ApplicationModuleListener
    void on(OutgoingDocumentRecalled recalled) {
        queue(recalled.documentId(), BusinessType.REVOCATION, recalled.external());
    }

    /**
     * A change of recipients (business type 2): one message to each agency added or removed, each naming
     * the whole change.
     */
    @ApplicationModuleListener
    void on(OutgoingRecipientsChanged changed) {
        List<String> receivers = new java.util.ArrayList<>();
        changed.added().stream().map(r -> "+" + today(r).code()).forEach(receivers::add);
        changed.removed().stream().map(r -> "-" + today(r).code()).forEach(receivers::add);
        List<ExternalRecipient> told = new java.util.ArrayList<>(changed.added());
        told.addAll(changed.removed());
        queue(changed.documentId(), BusinessType.UPDATE, told, changed.changeId(), String.join(";", receivers));
    }

    /** The receiver changes an update message names: {@code +code} added, {@code -code} removed. */
    static List<Edxml.Receiver> receivers(String changes) {
        return java.util.Arrays.stream(changes.split(";"))
                .filter(change -> change.length() > 1)
                .map(change -> new Edxml.Receiver(change.substring(1), change.charAt(0) == '+'))
                .toList();
    }

    void queue(long outgoingId, BusinessType type, List<ExternalRecipient> recipients) {
        queue(outgoingId, type, recipients, 0, "");
    }

    /**
     * One message per recipient, to the agency's code of today (a code a merger closed goes to the code
     * that replaced it); one without an organisation code cannot go and is marked failed.
     */
    void queue(long outgoingId, BusinessType type, List<ExternalRecipient> recipients, long change, String receivers) {
        for (ExternalRecipient typed : recipients) {
            boolean addressable = typed.code() != null && !typed.code().isBlank();
            ExternalRecipient recipient = addressable ? today(typed) : typed;
            jdbc.sql("""
                    insert into interchange.outbox (outgoing_id, business_type, recipient, recipient_name, state,
                        last_error, change_id, receiver_changes)
                    values (:outgoing, :type, :recipient, :name, :state, :error, :change, :receivers)
                    on conflict (outgoing_id, recipient, recipient_name, business_type, change_id) do nothing
                    """)
                    .param("change", change)
                    .param("receivers", receivers)
                    .param("outgoing", outgoingId)
                    .param("type", type.code())
                    .param("recipient", addressable ? recipient.code().strip() : "")
                    .param("name", recipient.name() == null ? "" : recipient.name())
                    .param("state", addressable ? State.QUEUED.name() : State.FAILED.name())
                    .param("error", addressable ? "" : "no organisation code: send it on paper")
                    .update();
        }
    }

    /** The agency as it is called today: a code a merger closed becomes the code that replaced it. */
    private ExternalRecipient today(ExternalRecipient typed) {
        String code = typed.code() == null ? "" : typed.code().strip();
        return directory
                .current(code)
                .filter(agency -> !agency.code().equals(code))
                .map(agency -> new ExternalRecipient(agency.name(), agency.code()))
                .orElse(typed);
    }

    /** The messages of a document, in the order they were queued. */
    List<Delivery> deliveries(long outgoingId) {
        return jdbc.sql("select * from interchange.outbox where outgoing_id = :d order by id")
                .param("d", outgoingId)
                .query((rs, n) -> new Delivery(
                        rs.getLong("id"),
                        rs.getLong("outgoing_id"),
                        BusinessType.of(rs.getInt("business_type")),
                        rs.getString("recipient"),
                        rs.getString("recipient_name"),
                        State.valueOf(rs.getString("state")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getString("status_code"),
                        rs.getString("status_text"),
                        rs.getObject("status_at", LocalDateTime.class)))
                .list();
    }
}
