package vn.sen.documents;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.documents.OutgoingViews.AttachmentView;
import vn.sen.documents.OutgoingViews.OutgoingState;
import vn.sen.documents.OutgoingViews.OutgoingView;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;
import vn.sen.signing.CertificateHolder;
import vn.sen.signing.ExternalSigning;
import vn.sen.signing.ExternalSigning.Prepared;
import vn.sen.signing.PdfPages;
import vn.sen.signing.PdfSigning.Look;
import vn.sen.signing.PdfSigning.SignatureRequest;
import vn.sen.signing.SignatureScheme;

/**
 * Separate attachment files of an outgoing document (phụ lục, văn bản kèm theo): PDFs the drafter
 * attaches to the draft, read with it along the route, sent with it at release. When the document is
 * signed digitally, a clerk of the issuer signs each one at issuance with the agency's certificate and no
 * image — number and notation with the signing time at the top right of the first page (Decree 30 annex
 * I) — and the document cannot be released before.
 */
@Service
@Transactional
class OutgoingAttachments {

    /** More would not be a document any more but a dossier. */
    static final int MAX = 50;

    private final JdbcClient jdbc;
    private final OutgoingDocuments outgoing;
    private final Registers registers;
    private final FileManagement files;
    private final PdfPages pages;
    private final ExternalSigning external;
    private final TransactionTemplate transactions;

    OutgoingAttachments(
            JdbcClient jdbc,
            OutgoingDocuments outgoing,
            Registers registers,
            FileManagement files,
            PdfPages pages,
            ExternalSigning external,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.outgoing = outgoing;
        this.registers = registers;
        this.files = files;
        this.pages = pages;
        this.external = external;
        this.transactions = transactions;
    }

    /** Attaches an uploaded PDF to the draft, by its drafter; a PDF that could not be signed is refused now. */
    long add(UserScope drafter, long id, UUID fileId) {
        OutgoingView doc = draft(drafter, id);
        StoredFile file = files.find(fileId)
                .filter(f -> f.createdBy().equals(drafter.username()))
                .orElseThrow(() -> new RuleViolation("documents.error.file"));
        if (!file.pdf()) {
            throw new RuleViolation("documents.error.attachment-not-pdf", file.name());
        }
        if (doc.attachments().size() >= MAX) {
            throw new RuleViolation("documents.error.attachments-too-many", MAX);
        }
        pages.signablePages(file);
        long attachment = jdbc.sql("""
                insert into documents.outgoing_attachment (outgoing_id, position, file_id, added_by)
                values (:d, (select coalesce(max(position), 0) + 1 from documents.outgoing_attachment
                             where outgoing_id = :d), :f, :by)
                returning id
                """)
                .param("d", id)
                .param("f", file.id())
                .param("by", drafter.username())
                .query(Long.class)
                .single();
        outgoing.history(id, drafter, "ATTACHED", file.name());
        return attachment;
    }

    /** Takes an attachment off the draft, by its drafter. */
    void remove(UserScope drafter, long id, long attachmentId) {
        AttachmentView attachment = attachment(draft(drafter, id), attachmentId);
        jdbc.sql("delete from documents.outgoing_attachment where id = :id")
                .param("id", attachmentId)
                .update();
        outgoing.history(id, drafter, "DETACHED", attachment.file().name());
    }

    /**
     * Step 1 of the agency's signature on an attachment: by a clerk of the issuer, once the document's
     * approval was signed and its number given, for the agency's own certificate.
     */
    Prepared prepare(UserScope clerk, long id, long attachmentId, List<X509Certificate> chain, SignatureScheme scheme) {
        OutgoingView doc = toSign(clerk, id);
        AttachmentView attachment = attachment(doc, attachmentId);
        if (attachment.signed() != null) {
            throw new RuleViolation("documents.error.attachment-signed");
        }
        if (chain.isEmpty()) {
            throw new RuleViolation("signing.error.no-certificate");
        }
        CertificateHolder.requireAgency(chain.getFirst(), doc.issuerName());
        Prepared prepared = external.prepare(
                attachment.file(),
                chain,
                new SignatureRequest(
                        external.defaultLevel(),
                        "Văn bản kèm theo văn bản số " + doc.numberAndNotation(),
                        doc.issuerName(),
                        new Look.AgencyText(doc.numberAndNotation())),
                scheme,
                clerk.username());
        jdbc.sql("update documents.outgoing_attachment set pending_id = :p, holder = :holder where id = :id")
                .param("p", prepared.id())
                .param("holder", CertificateHolder.name(chain.getFirst()))
                .param("id", attachmentId)
                .update();
        return prepared;
    }

    /**
     * Step 2: the agency's signature embedded and the attachment validated (outside any transaction),
     * then the signed attachment kept.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void complete(UserScope clerk, long id, long attachmentId, UUID pendingId, byte[] value) {
        pending(clerk, id, attachmentId, pendingId);
        StoredFile signed = external.completeChecked(pendingId, value, clerk.username());
        transactions.executeWithoutResult(status -> {
            AttachmentView attachment = attachment(toSign(clerk, id), attachmentId);
            int kept = jdbc.sql("""
                    update documents.outgoing_attachment set signed_file_id = :f, signed_by = :by, signed_at = now()
                    where id = :id and pending_id = :p and signed_file_id is null
                    """)
                    .param("f", signed.id())
                    .param("by", clerk.username())
                    .param("id", attachmentId)
                    .param("p", pendingId)
                    .update();
            if (kept == 0) {
                throw new RuleViolation("signing.error.prepared-unknown");
            }
            outgoing.history(id, clerk, "ATTACHMENT_SIGNED", attachment.file().name());
        });
    }

    /** Refuses unless the clerk may still complete this prepared signature of the attachment. */
    private void pending(UserScope clerk, long id, long attachmentId, UUID pendingId) {
        attachment(toSign(clerk, id), attachmentId);
        boolean prepared = jdbc.sql("""
                select exists (select 1 from documents.outgoing_attachment
                               where id = :id and pending_id = :p and signed_file_id is null)
                """)
                .param("id", attachmentId)
                .param("p", pendingId)
                .query(Boolean.class)
                .single();
        if (!prepared) {
            throw new RuleViolation("signing.error.prepared-unknown");
        }
    }

    /** An attachment's file to read — the signed one once there is one —, for whoever reads the document. */
    @Transactional(readOnly = true)
    Optional<StoredFile> file(UserScope user, long id, long attachmentId) {
        return outgoing.find(user, id).stream()
                .flatMap(d -> d.attachments().stream())
                .filter(a -> a.id() == attachmentId)
                .map(AttachmentView::sent)
                .findFirst();
    }

    private OutgoingView draft(UserScope drafter, long id) {
        OutgoingView doc = outgoing.find(drafter, id).orElseThrow(() -> new RuleViolation("documents.error.not-found"));
        if (!doc.createdBy().equals(drafter.username())) {
            throw new AccessDeniedException("only the drafter attaches files");
        }
        if (doc.state() != OutgoingState.DRAFT) {
            throw new RuleViolation("documents.error.not-draft");
        }
        return doc;
    }

    private OutgoingView toSign(UserScope clerk, long id) {
        OutgoingView doc = outgoing.find(clerk, id).orElseThrow(() -> new RuleViolation("documents.error.not-found"));
        if (!registers.keeps(clerk, doc.issuerUnitId())) {
            throw new AccessDeniedException("not a clerk of the issuer");
        }
        if (!doc.signedApproval()) {
            throw new RuleViolation("documents.error.not-signed");
        }
        if (doc.state() != OutgoingState.ISSUED) {
            throw new RuleViolation("documents.error.not-issued");
        }
        return doc;
    }

    private static AttachmentView attachment(OutgoingView doc, long attachmentId) {
        return doc.attachments().stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow(() -> new RuleViolation("documents.error.not-found"));
    }
}
