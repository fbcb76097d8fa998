package vn.sen.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.sen.documents.OutgoingViews.Amendment;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.OutgoingViews.NewDraft;
import vn.sen.documents.OutgoingViews.OutgoingView;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.files.FileManagement;
import vn.sen.files.FilePreviews;
import vn.sen.files.FileResponses;
import vn.sen.files.StoredFile;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.OfficerView;
import vn.sen.organization.Views.PositionView;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/** Screens of outgoing documents (văn bản đi): list, drafting, and each step from the document's page. */
@Controller
class OutgoingDocumentController {

    private static final int PAGE = 50;

    private final OutgoingDocuments outgoing;
    private final FileManagement files;
    private final Organization organization;
    private final IncomingDocuments incoming;
    private final Dossiers dossiers;
    private final FilePreviews previews;
    private final FileResponses responses;

    private final ElectronicCopies copies;
    private final OutgoingAttachments attachments;

    OutgoingDocumentController(
            OutgoingDocuments outgoing,
            FileManagement files,
            Organization organization,
            IncomingDocuments incoming,
            Dossiers dossiers,
            FilePreviews previews,
            FileResponses responses,
            ElectronicCopies copies,
            OutgoingAttachments attachments) {
        this.copies = copies;
        this.attachments = attachments;
        this.previews = previews;
        this.responses = responses;
        this.incoming = incoming;
        this.dossiers = dossiers;
        this.outgoing = outgoing;
        this.files = files;
        this.organization = organization;
    }

    @Bean
    static NavigationItem outgoingNavigation() {
        return new NavigationItem(
                12,
                "/documents/outgoing",
                "nav.outgoing",
                scope -> scope.has(Role.CLERK) || scope.has(Role.LEADER) || scope.has(Role.SPECIALIST));
    }

    @GetMapping("/documents/outgoing")
    String index(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        var rows = outgoing.list(me.scope(), Math.max(page, 0) * PAGE, PAGE + 1);
        model.addAttribute("documents", rows.stream().limit(PAGE).toList());
        model.addAttribute("hasMore", rows.size() > PAGE);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("canDraft", !draftingUnits(me.scope()).isEmpty());
        return "documents/outgoing/index";
    }

    @GetMapping("/documents/outgoing/new")
    String form(
            @RequestParam(required = false) Long replyTo, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        List<UnitView> units = draftingUnits(me.scope());
        if (units.isEmpty()) {
            throw new AccessDeniedException("no business role");
        }
        model.addAttribute(
                "replyTo",
                replyTo == null
                        ? null
                        : incoming.find(me.scope(), replyTo).orElseThrow(OutgoingDocumentController::notFound));
        UnitView unit = units.getFirst();
        List<UnitView> issuers = organization.ancestry(unit.id()).reversed();
        model.addAttribute("units", units);
        model.addAttribute("issuers", issuers);
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("forms", SignerForm.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("confidentialities", Confidentiality.values());
        model.addAttribute("leaders", leadersOf(issuers));
        model.addAttribute("recipientUnits", recipientUnits(issuers));
        return "documents/outgoing/form";
    }

    @PostMapping("/documents/outgoing")
    String draft(
            @AuthenticationPrincipal ScopedPrincipal me,
            @RequestParam long unitId,
            @RequestParam long issuerUnitId,
            @RequestParam DocumentType type,
            @RequestParam String subject,
            @RequestParam long signerOfficerId,
            @RequestParam(defaultValue = "NONE") SignerForm signerForm,
            @RequestParam(defaultValue = "NORMAL") Urgency urgency,
            @RequestParam(defaultValue = "NORMAL") Confidentiality confidentiality,
            @RequestParam(required = false) List<Long> firstReviewers,
            @RequestParam(required = false) List<Long> secondReviewers,
            @RequestParam(required = false) List<Long> recipients,
            @RequestParam(defaultValue = "") String externalRecipients,
            @RequestParam(name = "upload", required = false) MultipartFile upload,
            @RequestParam(required = false) Long responseFor,
            RedirectAttributes redirect)
            throws IOException {
        try {
            UUID fileId = store(me.scope(), upload);
            long id = outgoing.draft(
                    me.scope(),
                    new NewDraft(
                            unitId,
                            issuerUnitId,
                            type,
                            subject,
                            signerOfficerId,
                            signerForm,
                            urgency,
                            confidentiality,
                            List.of(orEmpty(firstReviewers), orEmpty(secondReviewers)),
                            orEmpty(recipients),
                            external(externalRecipients),
                            fileId,
                            "",
                            responseFor));
            redirect.addFlashAttribute("notice", "outgoing.drafted");
            return "redirect:/documents/outgoing/" + id;
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
            redirect.addFlashAttribute("problemArgs", e.args());
            return "redirect:/documents/outgoing/new" + (responseFor == null ? "" : "?replyTo=" + responseFor);
        }
    }

    @GetMapping("/documents/outgoing/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        OutgoingView doc = outgoing.find(me.scope(), id).orElseThrow(OutgoingDocumentController::notFound);
        model.addAttribute("document", doc);
        model.addAttribute("history", outgoing.history(id));
        model.addAttribute("mySteps", outgoing.pendingSteps(me.scope(), id));
        model.addAttribute("isDrafter", doc.createdBy().equals(me.scope().username()));
        model.addAttribute("canIssue", outgoing.canIssue(me.scope(), doc));
        model.addAttribute("copyPanel", copies.panel(me.scope(), ElectronicCopies.Source.OUTGOING, id));
        model.addAttribute("mayAmend", !draftingUnits(me.scope()).isEmpty());
        model.addAttribute("openDossiers", dossiers.openFor(me.scope()));
        if (doc.state() == OutgoingViews.OutgoingState.RELEASED && outgoing.canIssue(me.scope(), doc)) {
            model.addAttribute(
                    "recipientUnits",
                    recipientUnits(organization.ancestry(doc.issuerUnitId()).reversed()));
        }
        return "documents/outgoing/show";
    }

    @GetMapping("/documents/outgoing/{id}/versions/{version}")
    ResponseEntity<Resource> version(
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(required = false) String inline,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return responses.of(version(me, id, version).file(), inline != null);
    }

    /** The version as PDF, to read in the browser: the upload itself or its LibreOffice rendition. */
    @GetMapping("/documents/outgoing/{id}/versions/{version}/pdf")
    ResponseEntity<Resource> versionPdf(
            @PathVariable long id, @PathVariable int version, @AuthenticationPrincipal ScopedPrincipal me) {
        StoredFile pdf =
                version(me, id, version).pdfId().map(files::require).orElseThrow(OutgoingDocumentController::notFound);
        return responses.of(pdf, true);
    }

    /** The version in Sen's PDF viewer (its rendition for office files, with a notice while it is made). */
    @GetMapping("/documents/outgoing/{id}/versions/{version}/preview")
    String versionPreview(
            @PathVariable long id,
            @PathVariable int version,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        String url = "/documents/outgoing/" + id + "/versions/" + version;
        model.addAttribute(
                "preview",
                previews.page(version(me, id, version).file(), url, url + "/pdf", "/documents/outgoing/" + id));
        return "files/preview";
    }

    /** The signed document (bản đã ký): the last signed stage's PDF. */
    @GetMapping("/documents/outgoing/{id}/signed")
    ResponseEntity<Resource> signed(
            @PathVariable long id,
            @RequestParam(required = false) String inline,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return responses.of(signedFile(me, id), inline != null);
    }

    @GetMapping("/documents/outgoing/{id}/signed/preview")
    String signedPreview(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        String url = "/documents/outgoing/" + id + "/signed";
        model.addAttribute(
                "preview", previews.page(signedFile(me, id), url, url + "?inline", "/documents/outgoing/" + id));
        return "files/preview";
    }

    /** An attachment (phụ lục): the signed one once the agency signed it. */
    @GetMapping("/documents/outgoing/{id}/attachments/{attachment}")
    ResponseEntity<Resource> attachment(
            @PathVariable long id,
            @PathVariable long attachment,
            @RequestParam(required = false) String inline,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return responses.of(attachmentFile(me, id, attachment), inline != null);
    }

    @GetMapping("/documents/outgoing/{id}/attachments/{attachment}/preview")
    String attachmentPreview(
            @PathVariable long id,
            @PathVariable long attachment,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        String url = "/documents/outgoing/" + id + "/attachments/" + attachment;
        model.addAttribute(
                "preview",
                previews.page(attachmentFile(me, id, attachment), url, url + "?inline", "/documents/outgoing/" + id));
        return "files/preview";
    }

    private StoredFile attachmentFile(ScopedPrincipal me, long id, long attachment) {
        return attachments.file(me.scope(), id, attachment).orElseThrow(OutgoingDocumentController::notFound);
    }

    private StoredFile signedFile(ScopedPrincipal me, long id) {
        return outgoing.find(me.scope(), id)
                .flatMap(OutgoingView::signedFile)
                .orElseThrow(OutgoingDocumentController::notFound);
    }

    private OutgoingViews.VersionView version(ScopedPrincipal me, long id, int version) {
        return outgoing.find(me.scope(), id).stream()
                .flatMap(d -> d.versions().stream())
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(OutgoingDocumentController::notFound);
    }

    @PostMapping("/documents/outgoing/{id}/versions")
    String addVersion(
            @PathVariable long id,
            @RequestParam(name = "upload", required = false) MultipartFile upload,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(id, me, redirect, "outgoing.version-added", () -> {
            UUID file = store(me.scope(), upload);
            if (file == null) {
                throw new RuleViolation("documents.error.no-version");
            }
            outgoing.addVersion(me.scope(), id, file, note);
        });
    }

    @PostMapping("/documents/outgoing/{id}/attachments")
    String attach(
            @PathVariable long id,
            @RequestParam(name = "upload", required = false) MultipartFile upload,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(id, me, redirect, "outgoing.attached", () -> {
            UUID file = store(me.scope(), upload);
            if (file == null) {
                throw new RuleViolation("documents.error.file");
            }
            attachments.add(me.scope(), id, file);
        });
    }

    @PostMapping("/documents/outgoing/{id}/attachments/{attachment}/removal")
    String detach(
            @PathVariable long id,
            @PathVariable long attachment,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(id, me, redirect, "outgoing.detached", () -> attachments.remove(me.scope(), id, attachment));
    }

    @PostMapping("/documents/outgoing/{id}/submission")
    String submit(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, RedirectAttributes redirect) {
        return step(id, me, redirect, "outgoing.submitted", () -> outgoing.submit(me.scope(), id));
    }

    @PostMapping("/documents/outgoing/{id}/steps/{step}/decision")
    String decide(
            @PathVariable long id,
            @PathVariable long step,
            @RequestParam boolean approve,
            @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(
                id,
                me,
                redirect,
                approve ? "outgoing.approved-step" : "outgoing.sent-back",
                () -> outgoing.decide(me.scope(), step, approve, comment));
    }

    @PostMapping("/documents/outgoing/{id}/comments")
    String comment(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(id, me, redirect, "outgoing.commented", () -> outgoing.comment(me.scope(), id, text));
    }

    @PostMapping("/documents/outgoing/{id}/issuance")
    String issue(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, RedirectAttributes redirect) {
        return step(id, me, redirect, "outgoing.issued", () -> outgoing.issue(me.scope(), id));
    }

    @PostMapping("/documents/outgoing/{id}/release")
    String release(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, RedirectAttributes redirect) {
        return step(id, me, redirect, "outgoing.released", () -> outgoing.release(me.scope(), id));
    }

    @PostMapping("/documents/outgoing/{id}/recall")
    String recall(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(id, me, redirect, "outgoing.recalled", () -> outgoing.recall(me.scope(), id, reason));
    }

    /** Adds and removes recipients of a released document (bổ sung, rút nơi nhận), with the reason. */
    @PostMapping("/documents/outgoing/{id}/recipients")
    String changeRecipients(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> addedUnits,
            @RequestParam(defaultValue = "") String addedExternal,
            @RequestParam(required = false) List<Long> removed,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect) {
        return step(
                id,
                me,
                redirect,
                "outgoing.recipients-changed",
                () -> outgoing.changeRecipients(
                        me.scope(), id, orEmpty(addedUnits), external(addedExternal), orEmpty(removed), reason));
    }

    /** Starts a correction or a replacement of a released document; the new draft opens on success. */
    @PostMapping("/documents/outgoing/{id}/amendments")
    String amend(
            @PathVariable long id,
            @RequestParam Amendment kind,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(name = "upload", required = false) MultipartFile upload,
            @AuthenticationPrincipal ScopedPrincipal me,
            RedirectAttributes redirect)
            throws IOException {
        long[] created = new long[1];
        String back = step(id, me, redirect, "outgoing.amendment-drafted", () -> {
            UUID file = store(me.scope(), upload);
            if (file == null) {
                throw new RuleViolation("documents.error.no-version");
            }
            created[0] = outgoing.draftAmendment(me.scope(), id, kind, subject, file);
        });
        return created[0] == 0 ? back : "redirect:/documents/outgoing/" + created[0];
    }

    /** A step that may be refused: refusals come back as a message on the page, never as an error page. */
    private interface Step {
        void run() throws IOException;
    }

    /**
     * Runs a step on a document the user may read; on one they may not, the answer is "not found", as
     * for reading it.
     */
    private String step(long id, ScopedPrincipal me, RedirectAttributes redirect, String notice, Step action) {
        if (outgoing.find(me.scope(), id).isEmpty()) {
            throw notFound();
        }
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolation e) {
            redirect.addFlashAttribute("problem", e.code());
            redirect.addFlashAttribute("problemArgs", e.args());
        } catch (IOException e) {
            redirect.addFlashAttribute("problem", "error.500");
        }
        return "redirect:/documents/outgoing/" + id;
    }

    private UUID store(UserScope user, MultipartFile upload) throws IOException {
        StoredFile file = files.store(upload, user.username());
        return file == null ? null : file.id();
    }

    private List<UnitView> draftingUnits(UserScope user) {
        return user.grants().stream()
                .filter(g -> (g.role() == Role.SPECIALIST || g.role() == Role.LEADER || g.role() == Role.CLERK)
                        && g.unitId() != null)
                .map(g -> g.unitId())
                .distinct()
                .map(organization::requireUnit)
                .filter(UnitView::active)
                .toList();
    }

    /** Leaders of the drafting unit and the units above it: signers and reviewers. */
    private Map<Long, String> leadersOf(List<UnitView> units) {
        Set<String> leaderPositions = organization.positions().stream()
                .filter(PositionView::leader)
                .map(PositionView::code)
                .collect(Collectors.toSet());
        Map<Long, String> leaders = new LinkedHashMap<>();
        for (UnitView unit : units) {
            for (OfficerView officer : organization.officersIn(unit.id())) {
                officer.appointments().stream()
                        .filter(a -> a.unitId() == unit.id() && leaderPositions.contains(a.positionCode()))
                        .findFirst()
                        .ifPresent(a -> leaders.putIfAbsent(
                                officer.id(), officer.fullName() + " — " + a.positionName() + ", " + unit.name()));
            }
        }
        return leaders;
    }

    /** Units a document usually goes to: those under the top issuer, one level down, and their children. */
    private Map<Long, String> recipientUnits(List<UnitView> issuers) {
        Map<Long, String> units = new LinkedHashMap<>();
        UnitView top = issuers.getLast();
        for (UnitView child : organization.children(top.id())) {
            if (child.active()) {
                units.put(child.id(), child.name());
            }
        }
        return units;
    }

    private static List<Long> orEmpty(List<Long> values) {
        return values == null ? List.of() : values;
    }

    /** One recipient per line: "name" or "name; organisation code". */
    private static List<ExternalRecipient> external(String text) {
        List<ExternalRecipient> recipients = new ArrayList<>();
        for (String line :
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int semicolon = line.lastIndexOf(';');
            recipients.add(
                    semicolon < 0
                            ? new ExternalRecipient(line, "")
                            : new ExternalRecipient(
                                    line.substring(0, semicolon).strip(),
                                    line.substring(semicolon + 1).strip()));
        }
        return recipients;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
