package vn.sen.documents;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.documents.OutgoingViews.Amendment;
import vn.sen.documents.OutgoingViews.AttachmentView;
import vn.sen.documents.OutgoingViews.CommentView;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.OutgoingViews.NewDraft;
import vn.sen.documents.OutgoingViews.OutgoingRow;
import vn.sen.documents.OutgoingViews.OutgoingState;
import vn.sen.documents.OutgoingViews.OutgoingView;
import vn.sen.documents.OutgoingViews.RecipientView;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.documents.OutgoingViews.StepKind;
import vn.sen.documents.OutgoingViews.StepState;
import vn.sen.documents.OutgoingViews.StepView;
import vn.sen.documents.OutgoingViews.VersionView;
import vn.sen.files.FileManagement;
import vn.sen.files.PdfConversion;
import vn.sen.files.StoredFile;
import vn.sen.organization.DelegatedRight;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.OfficerView;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;
import vn.sen.signing.CertificateHolder;
import vn.sen.signing.ExternalSigning;
import vn.sen.signing.PdfNumbering;
import vn.sen.signing.PdfSigning.Look;
import vn.sen.signing.PdfSigning.SignatureRequest;
import vn.sen.signing.SignatureImages;
import vn.sen.signing.SignatureScheme;

/**
 * Outgoing documents (văn bản đi): draft with versions → review route (ordered, or parallel on one
 * step) → format check by the issuer's clerks → approval by the signer → number and date at issuance
 * → release: units of this installation receive an incoming document at once, other agencies are
 * handed to interchange through {@link OutgoingDocumentReleased}.
 *
 * <p>Digital signatures follow the order of Decree 30 annex I: the signer approves by signing the PDF of
 * the last version with their certificate and signature image ({@link #prepareApproval}, {@link
 * #approveSigned}); issuance writes the number and date into that signed PDF; the issuer's clerk then
 * signs it with the agency's certificate and seal ({@link #prepareIssuance}, {@link #sealSigned}), and only
 * then may a signed document be released — the signed file is what recipients receive. A document
 * approved without a digital signature (a paper original signed by hand) is numbered and released as
 * before and shown as approved, never as signed.
 */
@Service
@Transactional(readOnly = true)
public class OutgoingDocuments {

    private final JdbcClient jdbc;
    private final Registers registers;
    private final Organization organization;
    private final FileManagement files;
    private final PdfConversion conversion;
    private final IncomingDocuments incoming;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OutgoingSignatures signatures;
    private final SignatureImages images;
    private final ExternalSigning external;
    private final TransactionTemplate transactions;

    OutgoingDocuments(
            JdbcClient jdbc,
            Registers registers,
            Organization organization,
            FileManagement files,
            PdfConversion conversion,
            IncomingDocuments incoming,
            ApplicationEventPublisher events,
            Clock clock,
            OutgoingSignatures signatures,
            SignatureImages images,
            ExternalSigning external,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.signatures = signatures;
        this.images = images;
        this.external = external;
        this.conversion = conversion;
        this.jdbc = jdbc;
        this.registers = registers;
        this.organization = organization;
        this.files = files;
        this.incoming = incoming;
        this.events = events;
        this.clock = clock;
    }

    // ---- drafting ----------------------------------------------------------------------------

    @Transactional
    public long draft(UserScope drafter, NewDraft draft) {
        UnitView unit = activeUnit(draft.unitId());
        UnitView issuer = activeUnit(draft.issuerUnitId());
        if (!drafter.hasIn(unit.path(), Role.SPECIALIST, Role.LEADER, Role.CLERK)) {
            throw new AccessDeniedException("no business role in the drafting unit");
        }
        if (!unit.path().startsWith(issuer.path())) {
            throw new RuleViolation("documents.error.issuer-not-above");
        }
        if (draft.subject() == null || draft.subject().isBlank()) {
            throw new RuleViolation("documents.error.subject-required");
        }
        officer(draft.signerOfficerId());
        if (draft.recipientUnits().isEmpty() && draft.externalRecipients().isEmpty()) {
            throw new RuleViolation("documents.error.recipients-required");
        }
        if (draft.confidentiality().stateSecret() && !draft.externalRecipients().isEmpty()) {
            throw new RuleViolation("documents.error.secret-external");
        }
        draft.recipientUnits().forEach(this::activeUnit);
        if (draft.responseFor() != null
                && incoming.find(drafter, draft.responseFor()).isEmpty()) {
            throw new RuleViolation("documents.error.response-for");
        }
        long id = jdbc.sql("""
                insert into documents.outgoing (unit_id, issuer_unit_id, doc_type, subject, signer_officer_id,
                    signer_form, urgency, confidentiality, created_by, created_at, response_for, created_by_officer)
                values (:unit, :issuer, :type, :subject, :signer, :form, :urgency, :confidentiality, :by, now(),
                    :responseFor, :byOfficer)
                returning id
                """)
                .param("unit", unit.id())
                .param("issuer", issuer.id())
                .param("type", draft.type().name())
                .param("subject", draft.subject().strip())
                .param("signer", draft.signerOfficerId())
                .param("form", draft.signerForm().name())
                .param("urgency", draft.urgency().name())
                .param("confidentiality", draft.confidentiality().name())
                .param("by", drafter.username())
                .param("responseFor", draft.responseFor())
                .param("byOfficer", drafter.officerId())
                .query(Long.class)
                .single();
        int position = 0;
        for (List<Long> step : draft.reviewers()) {
            if (step.isEmpty()) {
                continue;
            }
            position++;
            for (long reviewer : step) {
                officer(reviewer);
                step(id, position, StepKind.REVIEW, reviewer, null);
            }
        }
        step(id, ++position, StepKind.FORMAT_CHECK, null, issuer.id());
        step(id, ++position, StepKind.APPROVAL, draft.signerOfficerId(), null);
        for (long recipient : draft.recipientUnits()) {
            jdbc.sql("insert into documents.outgoing_recipient (outgoing_id, unit_id) values (:d, :u)")
                    .param("d", id)
                    .param("u", recipient)
                    .update();
        }
        for (ExternalRecipient recipient : draft.externalRecipients()) {
            jdbc.sql("""
                    insert into documents.outgoing_recipient (outgoing_id, external_name, external_code)
                    values (:d, :name, :code)
                    """)
                    .param("d", id)
                    .param("name", recipient.name().strip())
                    .param(
                            "code",
                            recipient.code() == null ? "" : recipient.code().strip())
                    .update();
        }
        history(id, drafter, "DRAFTED", draft.subject());
        if (draft.fileId() != null) {
            addVersion(drafter, id, draft.fileId(), draft.note());
        }
        return id;
    }

    /** A new version of the draft (phiên bản mới), while it is a draft. */
    @Transactional
    public int addVersion(UserScope drafter, long id, UUID fileId, String note) {
        Doc doc = doc(id);
        if (!doc.createdBy().equals(drafter.username())) {
            throw new AccessDeniedException("only the drafter adds versions");
        }
        if (doc.state() != OutgoingState.DRAFT) {
            throw new RuleViolation("documents.error.not-draft");
        }
        StoredFile file = files.find(fileId)
                .filter(f -> f.createdBy().equals(drafter.username()))
                .orElseThrow(() -> new RuleViolation("documents.error.file"));
        int version = jdbc.sql(
                        "select coalesce(max(version), 0) + 1 from documents.outgoing_version where outgoing_id = :d")
                .param("d", id)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                insert into documents.outgoing_version (outgoing_id, version, file_id, note, created_by, created_at)
                values (:d, :v, :f, :note, :by, now())
                """)
                .param("d", id)
                .param("v", version)
                .param("f", file.id())
                .param("note", note == null ? "" : note.strip())
                .param("by", drafter.username())
                .update();
        history(id, drafter, "VERSION", "v" + version + " " + file.name());
        conversion.request(file);
        return version;
    }

    /** Sends the draft along its route (trình duyệt). */
    @Transactional
    public void submit(UserScope drafter, long id) {
        Doc doc = doc(id);
        if (!doc.createdBy().equals(drafter.username())) {
            throw new AccessDeniedException("only the drafter submits");
        }
        if (doc.state() != OutgoingState.DRAFT) {
            throw new RuleViolation("documents.error.not-draft");
        }
        if (latestVersion(id) == 0) {
            throw new RuleViolation("documents.error.no-version");
        }
        jdbc.sql(
                        "update documents.outgoing_step set state = 'WAITING', comment = '', decided_by = null, decided_at = null"
                                + " where outgoing_id = :d")
                .param("d", id)
                .update();
        history(id, drafter, "SUBMITTED", "v" + latestVersion(id));
        activateNext(id);
    }

    /** A reviewer, the issuer's clerk (format check) or the signer approves or sends back their step. */
    @Transactional
    public void decide(UserScope user, long stepId, boolean approve, String comment) {
        var step = jdbc.sql("select * from documents.outgoing_step where id = :id for update")
                .param("id", stepId)
                .query((rs, n) -> new Object[] {
                    rs.getLong("outgoing_id"),
                    rs.getString("kind"),
                    rs.getObject("officer_id"),
                    rs.getObject("unit_id"),
                    rs.getString("state")
                })
                .optional()
                .orElseThrow(() -> new RuleViolation("documents.error.not-found"));
        long id = (long) step[0];
        boolean mine =
                step[2] != null ? Objects.equals(step[2], user.officerId()) : registers.keeps(user, (Long) step[3]);
        if (!mine) {
            throw new AccessDeniedException("step " + stepId + " is not the user's");
        }
        if (!StepState.PENDING.name().equals(step[4])) {
            throw new RuleViolation("documents.error.state");
        }
        String text = comment == null ? "" : comment.strip();
        if (!approve && text.isEmpty()) {
            throw new RuleViolation("documents.error.reason-required");
        }
        if (approve && step[1].equals("APPROVAL")) {
            requireSigningRight(doc(id));
        }
        jdbc.sql("""
                update documents.outgoing_step set state = :s, comment = :c, decided_by = :by, decided_at = now()
                where id = :id
                """)
                .param("s", approve ? "APPROVED" : "REJECTED")
                .param("c", text)
                .param("by", user.username())
                .param("id", stepId)
                .update();
        if (!text.isEmpty()) {
            comment(user, id, text);
        }
        String kind = (String) step[1];
        if (!approve) {
            setState(id, OutgoingState.DRAFT);
            history(id, user, "SENT_BACK", text);
            return;
        }
        history(
                id,
                user,
                kind.equals("APPROVAL") ? "APPROVED" : kind.equals("FORMAT_CHECK") ? "FORMAT_CHECKED" : "REVIEWED",
                text);
        activateNext(id);
    }

    /** A comment on the current version (góp ý), by anyone who reads the draft. */
    @Transactional
    public void comment(UserScope user, long id, String text) {
        requireReadable(user, id);
        if (doc(id).state() == OutgoingState.RECALLED) {
            throw new RuleViolation("documents.error.recalled");
        }
        if (text == null || text.isBlank()) {
            throw new RuleViolation("documents.error.comment-required");
        }
        jdbc.sql("""
                insert into documents.outgoing_comment (outgoing_id, version, author, text, at)
                values (:d, :v, :a, :t, now())
                """)
                .param("d", id)
                .param("v", latestVersion(id))
                .param("a", user.username())
                .param("t", text.strip())
                .update();
    }

    /**
     * Numbering at issuance (cấp số): the next number of the issuer's outgoing register for the year —
     * the secret series for state-secret documents — and today's date, by a clerk of the issuer.
     */
    @Transactional
    public String issue(UserScope clerk, long id) {
        Doc doc = doc(id);
        if (!registers.keeps(clerk, doc.issuerUnitId())) {
            throw new AccessDeniedException("not a clerk of the issuer");
        }
        if (doc.state() != OutgoingState.APPROVED) {
            throw new RuleViolation("documents.error.not-approved");
        }
        LocalDate today = LocalDate.now(clock);
        var number = registers.next(
                doc.issuerUnitId(),
                Registers.Direction.OUTGOING,
                today.getYear(),
                doc.confidentiality().stateSecret(),
                doc.type());
        UnitView issuer = organization.requireUnit(doc.issuerUnitId());
        String notation = Printed.notation(
                doc.type(), issuer.shortName(), draftingUnit(doc).shortName());
        jdbc.sql("""
                update documents.outgoing set state = 'ISSUED', register_id = :r, code_number = :n,
                    code_notation = :notation, issued_on = :on, issued_by = :by where id = :id
                """)
                .param("r", number.registerId())
                .param("n", number.number())
                .param("notation", notation)
                .param("on", today)
                .param("by", clerk.username())
                .param("id", id)
                .update();
        String printed = Printed.numberLine(number.number(), notation);
        signatures.number(
                id,
                new PdfNumbering.Written(
                        Printed.number(number.number()),
                        Printed.number(number.number()) + "/" + notation,
                        Printed.day(today),
                        Printed.month(today),
                        Integer.toString(today.getYear())),
                clerk.username());
        history(id, clerk, "ISSUED", printed);
        return printed;
    }

    // ---- digital signatures -------------------------------------------------------------------

    /**
     * Step 1 of the signer's approval signature (ký duyệt): the PDF of the last version prepared for the
     * certificate {@code chain}, which must be the signer's own, with the signer's signature image between
     * position line and name.
     *
     * @param scheme the scheme the signer's tool signs with, or null for Sen's default for the key
     */
    @Transactional
    public ExternalSigning.Prepared prepareApproval(
            UserScope user, long stepId, List<X509Certificate> chain, SignatureScheme scheme) {
        long id = approvalStep(user, stepId);
        Doc doc = doc(id);
        requireSigningRight(doc);
        OfficerView signer = officer(user.officerId());
        if (chain.isEmpty()) {
            throw new RuleViolation("signing.error.no-certificate");
        }
        CertificateHolder.requirePerson(chain.getFirst(), signer.fullName());
        var image = images.signatureOf(signer.id())
                .orElseThrow(() -> new RuleViolation("documents.error.no-signature-image"));
        OutgoingView view = load(id).orElseThrow();
        StoredFile pdf = view.latest() == null
                ? null
                : view.latest().pdfId().map(files::require).orElse(null);
        if (pdf == null) {
            throw new RuleViolation("documents.error.no-pdf");
        }
        var request = new SignatureRequest(
                external.defaultLevel(),
                "Phê duyệt: " + view.subject(),
                view.issuerName(),
                new Look.Approval(signer.fullName(), image));
        return signatures.prepare(id, OutgoingSignatures.Stage.APPROVAL, pdf, chain, request, scheme, user.username());
    }

    /**
     * Step 2 of the approval signature: the value embedded and the signed PDF validated (outside any
     * transaction), then the signed PDF kept and the step approved, if it still waits for the signer.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void approveSigned(UserScope user, long stepId, UUID pendingId, byte[] value, String comment) {
        long id = approvalStep(user, stepId);
        requireSigningRight(doc(id));
        var stage = OutgoingSignatures.Stage.APPROVAL;
        StoredFile signed = signatures.sign(id, stage, pendingId, value, user.username());
        transactions.executeWithoutResult(status -> {
            approvalStep(user, stepId);
            requireSigningRight(doc(id));
            signatures.record(id, stage, pendingId, signed, user.username());
            history(id, user, "SIGNED", "v" + latestVersion(id));
            decide(user, stepId, true, comment);
        });
    }

    /**
     * Step 1 of the agency's issuance signature (ký phát hành): the numbered PDF prepared for the agency's
     * certificate, with the agency's seal over the left third of the approval signature; by a clerk of
     * the issuer, once the number and date are written in.
     */
    @Transactional
    public ExternalSigning.Prepared prepareIssuance(
            UserScope clerk, long id, List<X509Certificate> chain, SignatureScheme scheme) {
        OutgoingView view = awaitingSeal(clerk, id);
        if (chain.isEmpty()) {
            throw new RuleViolation("signing.error.no-certificate");
        }
        CertificateHolder.requireAgency(chain.getFirst(), view.issuerName());
        var seal = images.sealOf(view.issuerUnitId())
                .orElseThrow(() -> new RuleViolation("documents.error.no-seal-image"));
        var request = new SignatureRequest(
                external.defaultLevel(),
                "Ban hành văn bản số " + view.numberAndNotation(),
                view.issuerName(),
                new Look.Issuance(seal));
        return signatures.prepare(
                id,
                OutgoingSignatures.Stage.ISSUANCE,
                view.signedFile().orElseThrow(),
                chain,
                request,
                scheme,
                clerk.username());
    }

    /**
     * Step 2 of the issuance signature: the value embedded and the sealed PDF validated (outside any
     * transaction), then kept; the document may be released.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void sealSigned(UserScope clerk, long id, UUID pendingId, byte[] value) {
        awaitingSeal(clerk, id);
        var stage = OutgoingSignatures.Stage.ISSUANCE;
        StoredFile signed = signatures.sign(id, stage, pendingId, value, clerk.username());
        transactions.executeWithoutResult(status -> {
            OutgoingView view = awaitingSeal(clerk, id);
            signatures.record(id, stage, pendingId, signed, clerk.username());
            history(id, clerk, "SEALED", view.numberAndNotation());
        });
    }

    /** The pending approval step of the user, by its id; returns the document's id. */
    private long approvalStep(UserScope user, long stepId) {
        var step = jdbc.sql("select outgoing_id, kind, officer_id, state from documents.outgoing_step where id = :id")
                .param("id", stepId)
                .query((rs, n) -> new Object[] {
                    rs.getLong("outgoing_id"), rs.getString("kind"), rs.getObject("officer_id"), rs.getString("state")
                })
                .optional()
                .orElseThrow(() -> new RuleViolation("documents.error.not-found"));
        if (!step[1].equals("APPROVAL") || !Objects.equals(step[2], user.officerId())) {
            throw new AccessDeniedException("step " + stepId + " is not the user's approval");
        }
        if (!StepState.PENDING.name().equals(step[3])) {
            throw new RuleViolation("documents.error.state");
        }
        return (long) step[0];
    }

    private OutgoingView awaitingSeal(UserScope clerk, long id) {
        Doc doc = doc(id);
        if (!registers.keeps(clerk, doc.issuerUnitId())) {
            throw new AccessDeniedException("not a clerk of the issuer");
        }
        OutgoingView view = load(id).orElseThrow();
        if (!view.awaitedSignature().equals("ISSUANCE")) {
            throw new RuleViolation(
                    view.signedApproval() ? "documents.error.not-issued" : "documents.error.not-signed");
        }
        return view;
    }

    /**
     * Who signs "thừa lệnh" (TL.) or "thừa ủy quyền" (TUQ.) does so by a delegation of the signing right
     * in the issuer's name, valid today; other forms sign by their own position.
     */
    private void requireSigningRight(Doc doc) {
        if (doc.signerForm() == SignerForm.BY_ORDER || doc.signerForm() == SignerForm.AUTHORISED) {
            organization.requireDelegationIn(
                    doc.issuerUnitId(), doc.signerOfficerId(), DelegatedRight.SIGNING, LocalDate.now(clock));
        }
    }

    /**
     * The drafting unit named in a công văn's notation: the issuer's own office or department that
     * holds the drafter's unit ({@code UBND-VP} for a division of the Office), or the drafter's unit
     * itself when it is not under the issuer.
     */
    private UnitView draftingUnit(Doc doc) {
        List<UnitView> chain = organization.ancestry(doc.unitId());
        for (int i = 0; i < chain.size() - 1; i++) {
            if (chain.get(i).id() == doc.issuerUnitId()) {
                return chain.get(i + 1);
            }
        }
        return chain.getLast();
    }

    /**
     * Release (phát hành): every recipient unit on this installation gets an incoming document now, in
     * its own register, with the latest version attached; other agencies are handed to interchange.
     */
    @Transactional
    public void release(UserScope clerk, long id) {
        Doc doc = doc(id);
        if (!registers.keeps(clerk, doc.issuerUnitId())) {
            throw new AccessDeniedException("not a clerk of the issuer");
        }
        if (doc.state() != OutgoingState.ISSUED) {
            throw new RuleViolation("documents.error.not-issued");
        }
        OutgoingView view = load(id).orElseThrow();
        if (view.confidentiality().stateSecret() && view.recipients().stream().anyMatch(r -> r.unitId() == null)) {
            throw new RuleViolation("documents.error.secret-external");
        }
        if (view.awaitedSignature().equals("ISSUANCE")) {
            throw new RuleViolation("documents.error.not-sealed");
        }
        if (!view.unsignedAttachments().isEmpty()) {
            throw new RuleViolation(
                    "documents.error.attachments-not-signed",
                    view.unsignedAttachments().size());
        }
        List<UUID> sent = sentFiles(view);
        UnitView issuer = organization.requireUnit(doc.issuerUnitId());
        String signer = view.signerName();
        List<ExternalRecipient> external = new ArrayList<>();
        for (RecipientView recipient : view.recipients()) {
            if (recipient.unitId() != null) {
                long incomingId = incoming.receive(clerk, recipient.unitId(), id, issuer, view, signer, sent);
                jdbc.sql("update documents.outgoing_recipient set incoming_id = :i, state = 'DELIVERED' where id = :id")
                        .param("i", incomingId)
                        .param("id", recipient.id())
                        .update();
            } else {
                external.add(new ExternalRecipient(recipient.name(), recipient.code()));
                jdbc.sql("update documents.outgoing_recipient set state = 'QUEUED' where id = :id")
                        .param("id", recipient.id())
                        .update();
            }
        }
        jdbc.sql("update documents.outgoing set state = 'RELEASED', released_at = now() where id = :id")
                .param("id", id)
                .update();
        history(id, clerk, "RELEASED", view.recipients().size() + "");
        noteAmendment(clerk, id, view.numberAndNotation());
        events.publishEvent(new OutgoingDocumentReleased(clerk.username(), id, view.confidentiality(), external));
    }

    /** The files recipients get: the signed (or latest) document and each attachment as sent. */
    private static List<UUID> sentFiles(OutgoingView view) {
        List<UUID> sent = new ArrayList<>();
        view.signedFile()
                .map(StoredFile::id)
                .or(() -> Optional.ofNullable(view.latest())
                        .map(v -> v.pdfId().orElse(v.file().id())))
                .ifPresent(sent::add);
        view.attachments().forEach(a -> sent.add(a.sent().id()));
        return sent;
    }

    /**
     * Recall (thu hồi) of a released document, by a clerk of the issuer with the reason: the document and
     * its metadata are frozen, every copy delivered on this installation is destroyed (its record kept),
     * and the other agencies are handed to interchange.
     */
    @Transactional
    public void recall(UserScope clerk, long id, String reason) {
        Doc doc = doc(id);
        if (!registers.keeps(clerk, doc.issuerUnitId())) {
            throw new AccessDeniedException("not a clerk of the issuer");
        }
        if (doc.state() != OutgoingState.RELEASED) {
            throw new RuleViolation("documents.error.not-released");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("documents.error.reason-required");
        }
        String why = reason.strip();
        List<ExternalRecipient> external = new ArrayList<>();
        for (RecipientView recipient : load(id).orElseThrow().recipients()) {
            if (recipient.incomingId() != null) {
                incoming.recall(clerk, recipient.incomingId(), why);
            } else if (recipient.unitId() == null) {
                external.add(new ExternalRecipient(recipient.name(), recipient.code()));
            }
            jdbc.sql("update documents.outgoing_recipient set state = :s where id = :id")
                    .param("s", recipient.unitId() != null ? "RECALLED" : "RECALL_QUEUED")
                    .param("id", recipient.id())
                    .update();
        }
        jdbc.sql(
                        "update documents.outgoing set state = 'RECALLED', recalled_at = now(), recall_reason = :r where id = :id")
                .param("r", why)
                .param("id", id)
                .update();
        history(id, clerk, "RECALLED", why);
        events.publishEvent(new OutgoingDocumentRecalled(clerk.username(), id, why, external));
    }

    /**
     * Changes the recipients of a released document (bổ sung, rút nơi nhận), by a clerk of the issuer with
     * the reason: an added unit on this installation gets its copy now, a removed one has its copy
     * recalled; added and removed agencies outside are handed to interchange (edXML business type 2).
     * Returns the change's number, which the messages carry.
     */
    @Transactional
    public long changeRecipients(
            UserScope clerk,
            long id,
            List<Long> addedUnits,
            List<ExternalRecipient> addedExternal,
            List<Long> removedRecipients,
            String reason) {
        Doc doc = doc(id);
        if (!registers.keeps(clerk, doc.issuerUnitId())) {
            throw new AccessDeniedException("not a clerk of the issuer");
        }
        if (doc.state() != OutgoingState.RELEASED) {
            throw new RuleViolation("documents.error.not-released");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("documents.error.reason-required");
        }
        if (addedUnits.isEmpty() && addedExternal.isEmpty() && removedRecipients.isEmpty()) {
            throw new RuleViolation("documents.error.no-recipient-change");
        }
        OutgoingView view = load(id).orElseThrow();
        if (view.confidentiality().stateSecret() && !addedExternal.isEmpty()) {
            throw new RuleViolation("documents.error.secret-external");
        }
        String why = reason.strip();
        List<ExternalRecipient> removed = new ArrayList<>();
        for (long recipientId : removedRecipients) {
            RecipientView recipient = view.recipients().stream()
                    .filter(r -> r.id() == recipientId
                            && !r.state().equals("REMOVED")
                            && !r.state().equals("RECALLED"))
                    .findFirst()
                    .orElseThrow(() -> new RuleViolation("documents.error.no-such-recipient"));
            if (recipient.incomingId() != null) {
                incoming.recall(clerk, recipient.incomingId(), why);
            } else if (recipient.unitId() == null) {
                removed.add(new ExternalRecipient(recipient.name(), recipient.code()));
            }
            jdbc.sql("update documents.outgoing_recipient set state = :s where id = :id")
                    .param("s", recipient.unitId() != null ? "RECALLED" : "REMOVED")
                    .param("id", recipient.id())
                    .update();
        }
        List<UUID> sent = sentFiles(view);
        UnitView issuer = organization.requireUnit(doc.issuerUnitId());
        for (long unitId : addedUnits) {
            boolean already = view.recipients().stream()
                    .anyMatch(r ->
                            Long.valueOf(unitId).equals(r.unitId()) && r.state().equals("DELIVERED"));
            if (already) {
                throw new RuleViolation(
                        "documents.error.already-recipient",
                        organization.requireUnit(unitId).name());
            }
            long incomingId = incoming.receive(clerk, unitId, id, issuer, view, view.signerName(), sent);
            jdbc.sql("""
                    insert into documents.outgoing_recipient (outgoing_id, unit_id, incoming_id, state)
                    values (:d, :u, :i, 'DELIVERED')
                    """)
                    .param("d", id)
                    .param("u", unitId)
                    .param("i", incomingId)
                    .update();
        }
        List<ExternalRecipient> added = new ArrayList<>();
        for (ExternalRecipient recipient : addedExternal) {
            if (recipient.name() == null || recipient.name().isBlank()) {
                throw new RuleViolation("documents.error.external-name-required");
            }
            ExternalRecipient clean = new ExternalRecipient(
                    recipient.name().strip(),
                    recipient.code() == null ? "" : recipient.code().strip());
            jdbc.sql("""
                    insert into documents.outgoing_recipient (outgoing_id, external_name, external_code, state)
                    values (:d, :name, :code, 'QUEUED')
                    """)
                    .param("d", id)
                    .param("name", clean.name())
                    .param("code", clean.code())
                    .update();
            added.add(clean);
        }
        long change = history(
                id,
                clerk,
                "RECIPIENTS",
                "+" + (addedUnits.size() + added.size()) + " −" + removedRecipients.size() + ": " + why);
        if (!added.isEmpty() || !removed.isEmpty()) {
            events.publishEvent(new OutgoingRecipientsChanged(clerk.username(), id, change, why, added, removed));
        }
        return change;
    }

    /**
     * A draft that puts a released document right: a correction (đính chính — a công văn) or a
     * replacement (same type), from the same unit and issuer to the same recipients, for the same signer.
     */
    @Transactional
    public long draftAmendment(UserScope drafter, long originalId, Amendment kind, String subject, UUID fileId) {
        OutgoingView original =
                find(drafter, originalId).orElseThrow(() -> new RuleViolation("documents.error.not-found"));
        if (original.state() != OutgoingState.RELEASED) {
            throw new RuleViolation("documents.error.not-released");
        }
        String title = subject == null || subject.isBlank()
                ? (kind == Amendment.CORRECTION
                        ? "V/v đính chính văn bản số " + original.numberAndNotation()
                        : original.subject())
                : subject;
        long id = draft(
                drafter,
                new NewDraft(
                        original.unitId(),
                        original.issuerUnitId(),
                        kind == Amendment.CORRECTION ? DocumentType.OFFICIAL_LETTER : original.type(),
                        title,
                        original.signerOfficerId(),
                        original.signerForm(),
                        original.urgency(),
                        original.confidentiality(),
                        List.of(),
                        original.recipients().stream()
                                .filter(r -> r.unitId() != null)
                                .map(RecipientView::unitId)
                                .toList(),
                        original.recipients().stream()
                                .filter(r -> r.unitId() == null)
                                .map(r -> new ExternalRecipient(r.name(), r.code()))
                                .toList(),
                        fileId,
                        "",
                        null));
        jdbc.sql("update documents.outgoing set amends = :o, amendment = :k where id = :id")
                .param("o", originalId)
                .param("k", kind.name())
                .param("id", id)
                .update();
        history(
                originalId,
                drafter,
                kind == Amendment.CORRECTION ? "CORRECTION_DRAFTED" : "REPLACEMENT_DRAFTED",
                "#" + id);
        return id;
    }

    /** When an amendment is released, the original and its copies here say so in their history. */
    private void noteAmendment(UserScope clerk, long id, String printed) {
        record Amends(long original, Amendment kind) {}
        var amends = jdbc.sql("select amends, amendment from documents.outgoing where id = :id and amends is not null")
                .param("id", id)
                .query((rs, n) -> new Amends(rs.getLong(1), Amendment.valueOf(rs.getString(2))))
                .optional();
        if (amends.isEmpty()) {
            return;
        }
        long original = amends.get().original();
        String action = amends.get().kind() == Amendment.CORRECTION ? "CORRECTED" : "REPLACED";
        history(original, clerk, action, printed);
        jdbc.sql(
                        "select incoming_id from documents.outgoing_recipient where outgoing_id = :o and incoming_id is not null")
                .param("o", original)
                .query(Long.class)
                .list()
                .forEach(copy -> incoming.note(copy, clerk, action, printed));
    }

    // ---- reading -----------------------------------------------------------------------------

    /** The document whoever asks, for this module's own checked views (dossiers). */
    Optional<OutgoingView> view(long id) {
        return load(id);
    }

    /** For read models that apply the same rules themselves (search). */
    public Optional<OutgoingView> forIndexing(long id) {
        return load(id);
    }

    /** Officers who read the document by taking part in it: its drafter, reviewers and signer. */
    public List<Long> readerOfficers(long id) {
        return jdbc.sql("""
                select created_by_officer from documents.outgoing where id = :id and created_by_officer is not null
                union select signer_officer_id from documents.outgoing where id = :id
                union select officer_id from documents.outgoing_step where outgoing_id = :id and officer_id is not null
                """).param("id", id).query(Long.class).list();
    }

    /** Ids of outgoing documents after {@code afterId}, in order, for rebuilding read models. */
    public List<Long> ids(long afterId, int limit) {
        return jdbc.sql("select id from documents.outgoing where id > :after order by id limit :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    public Optional<OutgoingView> find(UserScope user, long id) {
        return load(id).filter(d -> readable(user, d));
    }

    /** Drafts and documents the user takes part in, or of units they lead or keep the registers of. */
    public List<OutgoingRow> list(UserScope user, int offset, int limit) {
        List<Long> units = organization.unitIdsUnder(user.subtrees(Role.LEADER, Role.CLERK));
        return jdbc.sql("""
                select o.* from documents.outgoing o
                where o.created_by = :me or o.unit_id = any(:units) or o.issuer_unit_id = any(:units)
                   or o.signer_officer_id = :officer
                   or exists (select 1 from documents.outgoing_step s where s.outgoing_id = o.id and s.officer_id = :officer)
                order by o.created_at desc, o.id desc offset :offset limit :limit
                """)
                .param("me", user.username())
                .param("units", units.toArray(Long[]::new))
                .param("officer", user.officerId() == null ? -1L : user.officerId())
                .param("offset", offset)
                .param("limit", limit)
                .query(OutgoingDocuments::row)
                .list();
    }

    /** Steps waiting for the user: reviews and approvals by name, format checks of units they are clerk of. */
    public List<StepView> pendingSteps(UserScope user, long id) {
        return load(id).map(OutgoingView::steps).orElse(List.of()).stream()
                .filter(s -> s.state() == StepState.PENDING)
                .filter(s -> s.officerId() != null
                        ? s.officerId().equals(user.officerId())
                        : registers.keeps(user, s.unitId()))
                .toList();
    }

    public boolean canIssue(UserScope user, OutgoingView doc) {
        return registers.keeps(user, doc.issuerUnitId());
    }

    // ---- internals ---------------------------------------------------------------------------

    private record Doc(
            long id,
            long unitId,
            long issuerUnitId,
            DocumentType type,
            Confidentiality confidentiality,
            OutgoingState state,
            String createdBy,
            long signerOfficerId,
            SignerForm signerForm) {}

    private Doc doc(long id) {
        return jdbc.sql("select * from documents.outgoing where id = :id for update")
                .param("id", id)
                .query((rs, n) -> new Doc(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        rs.getLong("issuer_unit_id"),
                        DocumentType.valueOf(rs.getString("doc_type")),
                        Confidentiality.valueOf(rs.getString("confidentiality")),
                        OutgoingState.valueOf(rs.getString("state")),
                        rs.getString("created_by"),
                        rs.getLong("signer_officer_id"),
                        SignerForm.valueOf(rs.getString("signer_form"))))
                .optional()
                .orElseThrow(() -> new RuleViolation("documents.error.not-found"));
    }

    private void requireReadable(UserScope user, long id) {
        if (find(user, id).isEmpty()) {
            throw new RuleViolation("documents.error.not-found");
        }
    }

    /** Issued or drafted replies to an incoming document (văn bản trả lời), oldest first. */
    public List<OutgoingRow> repliesTo(long incomingId) {
        return jdbc.sql("select o.* from documents.outgoing o where o.response_for = :i order by o.created_at, o.id")
                .param("i", incomingId)
                .query(OutgoingDocuments::row)
                .list();
    }

    private static OutgoingRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OutgoingRow(
                rs.getLong("id"),
                DocumentType.valueOf(rs.getString("doc_type")),
                rs.getString("subject"),
                OutgoingState.valueOf(rs.getString("state")),
                rs.getObject("code_number") == null
                        ? ""
                        : IncomingViews.numberAndNotation(rs.getString("code_number"), rs.getString("code_notation")),
                rs.getObject("issued_on", LocalDate.class),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private boolean readable(UserScope user, OutgoingView doc) {
        if (doc.createdBy().equals(user.username()) || Objects.equals(doc.signerOfficerId(), user.officerId())) {
            return true;
        }
        String unitPath = organization.requireUnit(doc.unitId()).path();
        String issuerPath = organization.requireUnit(doc.issuerUnitId()).path();
        if (user.hasIn(unitPath, Role.LEADER, Role.CLERK)
                || user.hasIn(issuerPath, Role.LEADER, Role.CLERK)
                || registers.keeps(user, doc.issuerUnitId())) {
            return true;
        }
        return doc.steps().stream()
                .anyMatch(s -> s.officerId() != null && s.officerId().equals(user.officerId()));
    }

    /** Opens the next waiting position of the route, or marks the document approved after the last. */
    private void activateNext(long id) {
        int open = jdbc.sql("""
                select coalesce(min(position), 0) from documents.outgoing_step
                where outgoing_id = :d and state <> 'APPROVED'
                """).param("d", id).query(Integer.class).single();
        if (open == 0) {
            setState(id, OutgoingState.APPROVED);
            return;
        }
        jdbc.sql("update documents.outgoing_step set state = 'PENDING' where outgoing_id = :d and position = :p"
                        + " and state = 'WAITING'")
                .param("d", id)
                .param("p", open)
                .update();
        String kind = jdbc.sql(
                        "select kind from documents.outgoing_step where outgoing_id = :d and position = :p limit 1")
                .param("d", id)
                .param("p", open)
                .query(String.class)
                .single();
        setState(
                id,
                switch (StepKind.valueOf(kind)) {
                    case REVIEW -> OutgoingState.IN_REVIEW;
                    case FORMAT_CHECK -> OutgoingState.FORMAT_CHECK;
                    case APPROVAL -> OutgoingState.APPROVAL;
                });
    }

    private void setState(long id, OutgoingState state) {
        jdbc.sql("update documents.outgoing set state = :s where id = :id")
                .param("s", state.name())
                .param("id", id)
                .update();
    }

    private void step(long id, int position, StepKind kind, Long officerId, Long unitId) {
        jdbc.sql("""
                insert into documents.outgoing_step (outgoing_id, position, kind, officer_id, unit_id)
                values (:d, :p, :k, :o, :u)
                """)
                .param("d", id)
                .param("p", position)
                .param("k", kind.name())
                .param("o", officerId)
                .param("u", unitId)
                .update();
    }

    private int latestVersion(long id) {
        return jdbc.sql("select coalesce(max(version), 0) from documents.outgoing_version where outgoing_id = :d")
                .param("d", id)
                .query(Integer.class)
                .single();
    }

    /** Records a step in the document's history and tells the other modules. */
    long history(long id, UserScope actor, String action, String text) {
        long entry = jdbc.sql("""
                        insert into documents.outgoing_history (outgoing_id, at, actor, action, text)
                        values (:d, now(), :a, :action, :t) returning id
                        """)
                .param("d", id)
                .param("a", actor.username())
                .param("action", action)
                .param("t", text == null ? "" : text)
                .query(Long.class)
                .single();
        events.publishEvent(new OutgoingDocumentChanged(actor.username(), id, action, text));
        return entry;
    }

    public List<RoutingViews.HistoryEntry> history(long id) {
        return jdbc.sql("select * from documents.outgoing_history where outgoing_id = :d order by id")
                .param("d", id)
                .query((rs, n) -> new RoutingViews.HistoryEntry(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        "",
                        rs.getString("text")))
                .list();
    }

    private UnitView activeUnit(long id) {
        return organization
                .unit(id)
                .filter(UnitView::active)
                .orElseThrow(() -> new RuleViolation("documents.error.unit"));
    }

    private OfficerView officer(long id) {
        return organization
                .officer(id)
                .filter(OfficerView::active)
                .orElseThrow(() -> new RuleViolation("documents.error.assignee"));
    }

    private Optional<OutgoingView> load(long id) {
        var versions = jdbc.sql("select * from documents.outgoing_version where outgoing_id = :d order by version")
                .param("d", id)
                .query((rs, n) -> new VersionView(
                        rs.getInt("version"),
                        files.require(rs.getObject("file_id", UUID.class)),
                        rs.getString("note"),
                        rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        conversion
                                .rendition(rs.getObject("file_id", UUID.class))
                                .orElse(null)))
                .list();
        var rawSteps = jdbc.sql("select * from documents.outgoing_step where outgoing_id = :d order by position, id")
                .param("d", id)
                .query((rs, n) -> new StepView(
                        rs.getLong("id"),
                        rs.getInt("position"),
                        StepKind.valueOf(rs.getString("kind")),
                        (Long) rs.getObject("officer_id"),
                        (Long) rs.getObject("unit_id"),
                        "",
                        StepState.valueOf(rs.getString("state")),
                        rs.getString("comment"),
                        rs.getString("decided_by"),
                        rs.getObject("decided_at") == null
                                ? null
                                : rs.getObject("decided_at", OffsetDateTime.class)
                                        .toInstant()))
                .list();
        var steps = rawSteps.stream()
                .map(s -> new StepView(
                        s.id(),
                        s.position(),
                        s.kind(),
                        s.officerId(),
                        s.unitId(),
                        holder(s.officerId(), s.unitId()),
                        s.state(),
                        s.comment(),
                        s.decidedBy(),
                        s.decidedAt()))
                .toList();
        Map<Long, String> unitNames = organization.unitNames(jdbc.sql(
                        "select unit_id from documents.outgoing_recipient where outgoing_id = :d and unit_id is not null")
                .param("d", id)
                .query(Long.class)
                .list());
        var recipients = jdbc.sql("select * from documents.outgoing_recipient where outgoing_id = :d order by id")
                .param("d", id)
                .query((rs, n) -> {
                    Long unit = (Long) rs.getObject("unit_id");
                    return new RecipientView(
                            rs.getLong("id"),
                            unit,
                            unit != null ? unitNames.getOrDefault(unit, "") : rs.getString("external_name"),
                            unit != null ? "" : rs.getString("external_code"),
                            (Long) rs.getObject("incoming_id"),
                            rs.getString("state"));
                })
                .list();
        var attachments = jdbc.sql(
                        "select * from documents.outgoing_attachment where outgoing_id = :d order by position")
                .param("d", id)
                .query((rs, n) -> {
                    UUID signed = rs.getObject("signed_file_id", UUID.class);
                    return new AttachmentView(
                            rs.getLong("id"),
                            rs.getInt("position"),
                            files.require(rs.getObject("file_id", UUID.class)),
                            signed == null ? null : files.require(signed),
                            rs.getString("holder"),
                            rs.getString("signed_by"),
                            signed == null
                                    ? null
                                    : rs.getObject("signed_at", OffsetDateTime.class)
                                            .toInstant());
                })
                .list();
        var comments = jdbc.sql("select * from documents.outgoing_comment where outgoing_id = :d order by id")
                .param("d", id)
                .query((rs, n) -> new CommentView(
                        rs.getInt("version"),
                        rs.getString("author"),
                        rs.getString("text"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
        return jdbc.sql("select * from documents.outgoing where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    long unitId = rs.getLong("unit_id");
                    long issuerId = rs.getLong("issuer_unit_id");
                    long signer = rs.getLong("signer_officer_id");
                    return new OutgoingView(
                            rs.getLong("id"),
                            unitId,
                            organization.unit(unitId).map(UnitView::name).orElse(""),
                            issuerId,
                            organization.unit(issuerId).map(UnitView::name).orElse(""),
                            DocumentType.valueOf(rs.getString("doc_type")),
                            rs.getString("subject"),
                            signer,
                            organization
                                    .officer(signer)
                                    .map(OfficerView::fullName)
                                    .orElse(""),
                            SignerForm.valueOf(rs.getString("signer_form")),
                            Urgency.valueOf(rs.getString("urgency")),
                            Confidentiality.valueOf(rs.getString("confidentiality")),
                            OutgoingState.valueOf(rs.getString("state")),
                            rs.getString("created_by"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("register_id", Long.class),
                            (Integer) rs.getObject("code_number"),
                            rs.getString("code_notation"),
                            rs.getObject("issued_on", LocalDate.class),
                            rs.getObject("released_at") == null
                                    ? null
                                    : rs.getObject("released_at", OffsetDateTime.class)
                                            .toInstant(),
                            versions,
                            steps,
                            recipients,
                            comments,
                            (Long) rs.getObject("response_for"),
                            rs.getObject("recalled_at") == null
                                    ? null
                                    : rs.getObject("recalled_at", OffsetDateTime.class)
                                            .toInstant(),
                            rs.getString("recall_reason"),
                            (Long) rs.getObject("amends"),
                            rs.getString("amendment") == null ? null : Amendment.valueOf(rs.getString("amendment")),
                            jdbc.sql("select o.* from documents.outgoing o where o.amends = :d order by o.id")
                                    .param("d", id)
                                    .query(OutgoingDocuments::row)
                                    .list(),
                            signatures.stages(id),
                            attachments);
                })
                .optional();
    }

    private String holder(Long officerId, Long unitId) {
        return officerId != null
                ? organization.officer(officerId).map(OfficerView::fullName).orElse("")
                : organization.unit(unitId).map(u -> u.name()).orElse("");
    }
}
