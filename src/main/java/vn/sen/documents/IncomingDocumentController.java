package vn.sen.documents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.files.FileManagement;
import vn.sen.files.FilePreviews;
import vn.sen.files.FileResponses;
import vn.sen.files.StoredFile;
import vn.sen.shared.NavigationItem;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/** Screens of incoming documents (văn bản đến): the list, registration and the document page. */
@Controller
class IncomingDocumentController {

    private static final int PAGE = 50;

    private final IncomingDocuments incoming;
    private final FileManagement files;
    private final RoutingPanel routingScreens;
    private final OutgoingDocuments outgoing;
    private final Dossiers dossiers;
    private final FilePreviews previews;
    private final FileResponses responses;
    private final DateTimeFormatter dateTime;

    private final ElectronicCopies copies;

    IncomingDocumentController(
            IncomingDocuments incoming,
            FileManagement files,
            RoutingPanel routingScreens,
            Clock clock,
            OutgoingDocuments outgoing,
            Dossiers dossiers,
            FilePreviews previews,
            FileResponses responses,
            ElectronicCopies copies) {
        this.copies = copies;
        this.previews = previews;
        this.responses = responses;
        this.outgoing = outgoing;
        this.dossiers = dossiers;
        this.incoming = incoming;
        this.files = files;
        this.routingScreens = routingScreens;
        this.dateTime = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(clock.getZone());
    }

    @ModelAttribute("dateTime")
    DateTimeFormatter dateTime() {
        return dateTime;
    }

    @Bean
    static NavigationItem incomingNavigation() {
        return new NavigationItem(
                10, "/documents/incoming", "nav.incoming", scope -> scope.has(Role.CLERK) || scope.has(Role.LEADER));
    }

    @GetMapping("/documents/incoming")
    String index(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        var rows = incoming.list(me.scope(), Math.max(page, 0) * PAGE, PAGE + 1);
        model.addAttribute("documents", rows.stream().limit(PAGE).toList());
        model.addAttribute("hasMore", rows.size() > PAGE);
        model.addAttribute("page", Math.max(page, 0));
        var units = incoming.registeringUnits(me.scope());
        model.addAttribute("canRegister", !units.isEmpty());
        model.addAttribute("bulkLeaders", units.isEmpty() ? List.of() : routingScreens.leadersFor(units));
        return "documents/incoming/index";
    }

    @GetMapping("/documents/incoming/new")
    String form(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        var units = incoming.registeringUnits(me.scope());
        if (units.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("not a clerk");
        }
        model.addAttribute(
                "form",
                new IncomingDocumentForm(
                        units.getFirst().id(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        DocumentType.OFFICIAL_LETTER,
                        null,
                        null,
                        null,
                        null,
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        null,
                        null,
                        null,
                        List.of(),
                        false));
        return formPage(me.scope(), model, List.of());
    }

    /**
     * Registers the document. Files are stored first (no transaction open while bytes flow) and kept
     * across a re-displayed form, so a duplicate warning or a typo never asks for the upload again.
     */
    @PostMapping("/documents/incoming")
    String register(
            @AuthenticationPrincipal ScopedPrincipal me,
            @Valid @ModelAttribute("form") IncomingDocumentForm form,
            BindingResult errors,
            @RequestParam(name = "upload", required = false) MultipartFile[] uploads,
            Model model)
            throws IOException {
        if (incoming.registeringUnits(me.scope()).isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("not a clerk");
        }
        List<UUID> fileIds = new ArrayList<>(form.fileIds() == null ? List.of() : form.fileIds());
        for (MultipartFile upload : uploads == null ? new MultipartFile[0] : uploads) {
            try {
                StoredFile stored = files.store(upload, me.scope().username());
                if (stored != null) { // null: the file input left empty
                    fileIds.add(stored.id());
                }
            } catch (RuleViolation e) {
                errors.reject(e.code(), e.args(), e.code());
            }
        }
        // The page lists the stored uploads itself; the form object stays as bound, with its errors.
        IncomingDocumentForm kept = form.withFileIds(fileIds);
        if (errors.hasErrors()) {
            return formPage(me.scope(), model, fileIds);
        }
        try {
            var registered = incoming.register(me.scope(), kept.toNew());
            return "redirect:/documents/incoming/" + registered.id() + "?registered";
        } catch (RuleViolation e) {
            if (e.code().equals("documents.error.duplicate")) {
                model.addAttribute("duplicates", incoming.duplicatesOf(me.scope(), kept.toNew()));
            } else {
                errors.reject(e.code(), e.args(), e.code());
            }
            return formPage(me.scope(), model, fileIds);
        }
    }

    private String formPage(UserScope user, Model model, List<UUID> fileIds) {
        model.addAttribute("units", incoming.registeringUnits(user));
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("confidentialities", Confidentiality.values());
        model.addAttribute(
                "uploaded",
                fileIds.stream()
                        .map(files::find)
                        .flatMap(java.util.Optional::stream)
                        .filter(f -> f.createdBy().equals(user.username()))
                        .toList());
        return "documents/incoming/form";
    }

    @GetMapping("/documents/incoming/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        var document = incoming.find(me.scope(), id).orElseThrow(IncomingDocumentController::notFound);
        model.addAttribute("document", document);
        routingScreens.describe(me.scope(), document, model);
        model.addAttribute("replies", outgoing.repliesTo(id));
        model.addAttribute("openDossiers", dossiers.openFor(me.scope()));
        model.addAttribute("copyPanel", copies.panel(me.scope(), ElectronicCopies.Source.INCOMING, id));
        return "documents/incoming/show";
    }

    /** An attachment, to download or (with {@code inline}) to view in the browser; ranges supported. */
    @GetMapping("/documents/incoming/{id}/files/{fileId}")
    ResponseEntity<Resource> file(
            @PathVariable long id,
            @PathVariable UUID fileId,
            @RequestParam(required = false) String inline,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return responses.of(attachment(me, id, fileId), inline != null);
    }

    /** The attachment in Sen's viewer: PDF.js for PDFs and office files (their rendition), images as they are. */
    @GetMapping("/documents/incoming/{id}/files/{fileId}/preview")
    String preview(
            @PathVariable long id,
            @PathVariable UUID fileId,
            @AuthenticationPrincipal ScopedPrincipal me,
            Model model) {
        String url = "/documents/incoming/" + id + "/files/" + fileId;
        model.addAttribute(
                "preview", previews.page(attachment(me, id, fileId), url, url + "/pdf", "/documents/incoming/" + id));
        return "files/preview";
    }

    /** The PDF rendition of an office attachment, for the viewer. */
    @GetMapping("/documents/incoming/{id}/files/{fileId}/pdf")
    ResponseEntity<Resource> rendition(
            @PathVariable long id, @PathVariable UUID fileId, @AuthenticationPrincipal ScopedPrincipal me) {
        var preview = previews.of(attachment(me, id, fileId));
        if (preview.kind() != FilePreviews.Kind.RENDITION) {
            throw notFound();
        }
        return responses.of(files.require(preview.pdfId()), true);
    }

    private StoredFile attachment(ScopedPrincipal me, long id, UUID fileId) {
        return incoming.attachment(me.scope(), id, fileId).orElseThrow(IncomingDocumentController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }

    /** The registration form (annex VI fields). */
    record IncomingDocumentForm(
            @NotNull Long unitId,
            @Size(max = 100) String documentId,
            @Size(max = 32) String issuerCode,
            @NotBlank @Size(max = 200) String issuerName,
            @Size(max = 11) String codeNumber,
            @Size(max = 30) String codeNotation,
            @NotNull DocumentType type,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate issuedOn,

            @NotBlank @Size(max = 500) String subject,
            @Size(max = 100) String signerPosition,
            @Size(max = 100) String signerName,
            @NotNull Urgency urgency,
            @NotNull Confidentiality confidentiality,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,

            @Positive Integer pageCount,
            @Size(max = 4000) String description,
            List<UUID> fileIds,
            Boolean confirmDuplicate) {

        IncomingDocumentForm withFileIds(List<UUID> ids) {
            return new IncomingDocumentForm(
                    unitId,
                    documentId,
                    issuerCode,
                    issuerName,
                    codeNumber,
                    codeNotation,
                    type,
                    issuedOn,
                    subject,
                    signerPosition,
                    signerName,
                    urgency,
                    confidentiality,
                    dueOn,
                    pageCount,
                    description,
                    List.copyOf(ids),
                    confirmDuplicate);
        }

        NewIncoming toNew() {
            return new NewIncoming(
                    unitId,
                    documentId,
                    issuerCode,
                    issuerName,
                    codeNumber,
                    codeNotation,
                    type,
                    issuedOn,
                    subject,
                    signerPosition,
                    signerName,
                    urgency,
                    confidentiality,
                    dueOn,
                    pageCount,
                    description,
                    fileIds,
                    Boolean.TRUE.equals(confirmDuplicate));
        }
    }
}
