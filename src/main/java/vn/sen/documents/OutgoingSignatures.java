package vn.sen.documents;

import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;
import vn.sen.signing.CertificateHolder;
import vn.sen.signing.ExternalSigning;
import vn.sen.signing.ExternalSigning.Prepared;
import vn.sen.signing.PdfNumbering;
import vn.sen.signing.PdfSigning.SignatureRequest;
import vn.sen.signing.SignatureScheme;

/**
 * The signed PDFs of an outgoing document, stage by stage (các bước ký số văn bản đi): the approval
 * signature, the number and date written in, the issuance signature. Each stage is a new file made from
 * the one before by an incremental update. {@link OutgoingDocuments} decides who may do what and when;
 * this keeps the files and does the PDF work.
 */
@Component
class OutgoingSignatures {

    /** A stage of the signed document. */
    enum Stage {
        /** Ký duyệt: the competent person's signature with their image. */
        APPROVAL,
        /** Số và ngày ban hành ghi vào văn bản. */
        NUMBERED,
        /** Ký phát hành: the agency's signature with its seal. */
        ISSUANCE
    }

    private final JdbcClient jdbc;
    private final ExternalSigning external;
    private final PdfNumbering numbering;
    private final FileManagement files;

    OutgoingSignatures(JdbcClient jdbc, ExternalSigning external, PdfNumbering numbering, FileManagement files) {
        this.jdbc = jdbc;
        this.external = external;
        this.numbering = numbering;
        this.files = files;
    }

    /** Prepares the signature of {@code stage} on {@code pdf}; the pending signature is kept for the document. */
    Prepared prepare(
            long outgoingId,
            Stage stage,
            StoredFile pdf,
            List<X509Certificate> chain,
            SignatureRequest request,
            SignatureScheme scheme,
            String actor) {
        Prepared prepared = external.prepare(pdf, chain, request, scheme, actor);
        jdbc.sql("""
                insert into documents.outgoing_signature (outgoing_id, stage, pending_id, holder, actor)
                values (:d, :stage, :pending, :holder, :actor)
                """)
                .param("d", outgoingId)
                .param("stage", stage.name())
                .param("pending", prepared.id())
                .param("holder", CertificateHolder.name(chain.getFirst()))
                .param("actor", actor)
                .update();
        return prepared;
    }

    /**
     * Completes a signature prepared for this document and stage by {@code actor}: the value embedded
     * and checked, the signed PDF validated (a certificate proven revoked or a broken signature is
     * refused). Outside any transaction; {@link #record} keeps the result.
     */
    StoredFile sign(long outgoingId, Stage stage, UUID pendingId, byte[] value, String actor) {
        pendingRow(outgoingId, stage, pendingId, actor, false);
        return external.completeChecked(pendingId, value, actor);
    }

    /** Keeps the signed PDF of a completed signature as the file of its stage, once. */
    void record(long outgoingId, Stage stage, UUID pendingId, StoredFile signed, String actor) {
        long row = pendingRow(outgoingId, stage, pendingId, actor, true);
        if (done(outgoingId, stage).isPresent()) {
            throw new RuleViolation("documents.error.state");
        }
        jdbc.sql("update documents.outgoing_signature set file_id = :f, at = now() where id = :id")
                .param("f", signed.id())
                .param("id", row)
                .update();
    }

    private long pendingRow(long outgoingId, Stage stage, UUID pendingId, String actor, boolean lock) {
        return jdbc.sql("""
                select id from documents.outgoing_signature
                where outgoing_id = :d and stage = :stage and pending_id = :pending and actor = :actor
                  and file_id is null
                """ + (lock ? " for update" : ""))
                .param("d", outgoingId)
                .param("stage", stage.name())
                .param("pending", pendingId)
                .param("actor", actor)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new RuleViolation("signing.error.prepared-unknown"));
    }

    /** Writes the number and date into the approved PDF (when the approval was signed). */
    Optional<StoredFile> number(long outgoingId, PdfNumbering.Written written, String actor) {
        Optional<StoredFile> approved = done(outgoingId, Stage.APPROVAL);
        if (approved.isEmpty()) {
            return Optional.empty();
        }
        StoredFile numbered = numbering.write(approved.get(), written, actor);
        jdbc.sql("""
                insert into documents.outgoing_signature (outgoing_id, stage, file_id, actor)
                values (:d, 'NUMBERED', :f, :actor)
                """)
                .param("d", outgoingId)
                .param("f", numbered.id())
                .param("actor", actor)
                .update();
        return Optional.of(numbered);
    }

    /** The file of a completed stage. */
    Optional<StoredFile> done(long outgoingId, Stage stage) {
        return jdbc.sql("""
                select file_id from documents.outgoing_signature
                where outgoing_id = :d and stage = :stage and file_id is not null
                """)
                .param("d", outgoingId)
                .param("stage", stage.name())
                .query(UUID.class)
                .optional()
                .map(files::require);
    }

    /** The completed stages, in order. */
    List<OutgoingViews.SignedStage> stages(long outgoingId) {
        return jdbc.sql("""
                select * from documents.outgoing_signature
                where outgoing_id = :d and file_id is not null order by at, id
                """)
                .param("d", outgoingId)
                .query((rs, n) -> new OutgoingViews.SignedStage(
                        rs.getString("stage"),
                        files.require(rs.getObject("file_id", UUID.class)),
                        rs.getString("holder"),
                        rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
