package vn.sen.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import vn.sen.documents.IncomingViews.IncomingRow;
import vn.sen.documents.IncomingViews.IncomingView;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.documents.OutgoingViews.OutgoingRow;
import vn.sen.documents.OutgoingViews.OutgoingView;
import vn.sen.documents.RoutingViews.InboxRow;
import vn.sen.documents.RoutingViews.InboxView;
import vn.sen.files.FileManagement;
import vn.sen.files.FileResponses;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/**
 * The documents part of the REST API ({@code /api/v1}), for other programs holding an API token: the
 * same operations and the same permission checks as the screens — a document one may not read is 404.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentsApi {

    private static final int MAX_PAGE = 200;

    private final IncomingDocuments incoming;
    private final OutgoingDocuments outgoing;
    private final Routing routing;
    private final FileManagement files;
    private final Registers registers;
    private final RegisterPrints prints;
    private final java.time.Clock clock;
    private final FileResponses responses;

    DocumentsApi(
            IncomingDocuments incoming,
            OutgoingDocuments outgoing,
            Routing routing,
            FileManagement files,
            Registers registers,
            RegisterPrints prints,
            java.time.Clock clock,
            FileResponses responses) {
        this.responses = responses;
        this.registers = registers;
        this.prints = prints;
        this.clock = clock;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.routing = routing;
        this.files = files;
    }

    /** Incoming documents the caller may read, newest first. */
    @GetMapping("/incoming")
    List<IncomingRow> incoming(
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return incoming.list(me.scope(), Math.max(offset, 0), clamp(limit));
    }

    @GetMapping("/incoming/{id}")
    IncomingView incomingDocument(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me) {
        return incoming.find(me.scope(), id).orElseThrow(DocumentsApi::notFound);
    }

    @GetMapping("/incoming/{id}/files/{fileId}")
    ResponseEntity<Resource> incomingFile(
            @PathVariable long id, @PathVariable UUID fileId, @AuthenticationPrincipal ScopedPrincipal me) {
        StoredFile file = incoming.attachment(me.scope(), id, fileId).orElseThrow(DocumentsApi::notFound);
        return responses.of(file, false);
    }

    /**
     * Uploads an attachment (multipart field {@code file}) for a registration or a draft that follows;
     * only the uploader can attach it.
     */
    @PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StoredFile> upload(
            @RequestPart("file") MultipartFile file, @AuthenticationPrincipal ScopedPrincipal me) throws IOException {
        StoredFile stored = files.store(file, me.scope().username());
        if (stored == null) {
            throw new RuleViolation("files.error.empty", "file");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    /**
     * Uploads an attachment sent as the request body itself ({@code application/octet-stream}, its name
     * in {@code ?name=}): stored as it streams in, hashed on the way, without the multipart parsing — the
     * fastest single request for large files. For files that must survive a dropped connection, use
     * {@code /api/v1/uploads} (tus).
     */
    @PostMapping(path = "/attachments", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<StoredFile> uploadBody(
            @RequestParam String name, HttpServletRequest request, @AuthenticationPrincipal ScopedPrincipal me)
            throws IOException {
        StoredFile stored =
                files.store(request.getInputStream(), name, me.scope().username());
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    /**
     * Registers an incoming document (clerks). A likely duplicate is refused with
     * {@code documents.error.duplicate} unless {@code confirmDuplicate} is set.
     */
    @PostMapping(path = "/incoming", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncomingView> register(
            @RequestBody NewIncoming document, @AuthenticationPrincipal ScopedPrincipal me) {
        IncomingView registered = incoming.register(me.scope(), document);
        return ResponseEntity.created(URI.create("/api/v1/documents/incoming/" + registered.id()))
                .body(registered);
    }

    /** The caller's inbox: one view and the counters of all views. */
    @GetMapping("/inbox")
    Map<String, Object> inbox(
            @RequestParam(defaultValue = "PENDING") InboxView view,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal ScopedPrincipal me) {
        List<InboxRow> rows = routing.inbox(me.scope(), view, Math.max(offset, 0), clamp(limit));
        return Map.of("view", view, "counts", routing.counts(me.scope()), "documents", rows);
    }

    @GetMapping("/outgoing")
    List<OutgoingRow> outgoing(
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return outgoing.list(me.scope(), Math.max(offset, 0), clamp(limit));
    }

    @GetMapping("/outgoing/{id}")
    OutgoingView outgoingDocument(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me) {
        return outgoing.find(me.scope(), id).orElseThrow(DocumentsApi::notFound);
    }

    /** The year's registers the caller keeps or reads. */
    @GetMapping("/registers")
    List<Registers.RegisterView> registers(
            @RequestParam(required = false) Integer year, @AuthenticationPrincipal ScopedPrincipal me) {
        return registers.visible(
                me.scope(), year == null ? java.time.LocalDate.now(clock).getYear() : year);
    }

    /** A register printed as PDF or XLSX, as on the registers screen. */
    @GetMapping("/registers/{id}.{format:pdf|xlsx}")
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> register(
            @PathVariable long id, @PathVariable String format, @AuthenticationPrincipal ScopedPrincipal me) {
        return prints.download(me.scope(), id, false, format);
    }

    private static int clamp(int limit) {
        return Math.min(Math.max(limit, 1), MAX_PAGE);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
