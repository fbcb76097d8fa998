package vn.sen.interchange;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.shared.AuditableEvent;

/**
 * The hub's side of the axis protocol (domain §5), for the member systems of the province:
 * {@code sendEdoc} (the edXML as the body; headers {@code from}, {@code to} as a JSON array,
 * {@code servicetype}, {@code messagetype}), {@code getReceivedEdocList}, {@code getEdoc} (header
 * {@code docId}; the edXML in Base64 in the answer, streamed), {@code updateStatus} (headers
 * {@code docId}, {@code status}), and the directory: {@code getAgenciesList}, {@code getSynchronizeUnit}
 * (header {@code version}). Every call is signed as on the national axis ({@link AxisHeaders});
 * answers are {@code {status: OK|FAIL, ErrorCode, ErrorDesc, …}}.
 */
@RestController
@RequestMapping("/axis")
class HubController {

    private final Hub hub;
    private final AgencyDirectory directory;
    private final FileManagement files;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    HubController(
            Hub hub,
            AgencyDirectory directory,
            FileManagement files,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.hub = hub;
        this.directory = directory;
        this.files = files;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/sendEdoc", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> send(HttpServletRequest request) throws IOException {
        String system = authenticated(request);
        List<String> to = recipients(request.getHeader("to"));
        try (InputStream body = request.getInputStream()) {
            List<UUID> ids = hub.accept(
                    system,
                    required(request, "from"),
                    to,
                    request.getHeader("messagetype") == null ? "edoc" : request.getHeader("messagetype"),
                    body);
            Map<String, Object> answer = ok();
            answer.put("DocId", ids.size() == 1 ? ids.getFirst().toString() : "");
            answer.put("DocIds", ids.stream().map(UUID::toString).toList());
            return answer;
        }
    }

    @GetMapping(path = "/getReceivedEdocList", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> received(HttpServletRequest request) {
        String system = authenticated(request);
        Map<String, Object> answer = ok();
        answer.put(
                "data",
                hub.waiting(system, request.getHeader("messagetype"), 500).stream()
                        .map(w -> Map.of(
                                "docId", w.docId().toString(),
                                "from", w.from(),
                                "to", w.to(),
                                "messagetype", w.messageType(),
                                "status", w.state().toLowerCase(java.util.Locale.ROOT),
                                "created_time", w.createdAt().toString()))
                        .toList());
        return answer;
    }

    /** The edXML in Base64 inside the JSON answer, written as it is read: any size in bounded memory. */
    @GetMapping(path = "/getEdoc", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> fetch(HttpServletRequest request) {
        String system = authenticated(request);
        StoredFile file = hub.fetch(system, docId(request));
        StreamingResponseBody body = out -> {
            out.write("{\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"\",\"data\":\""
                    .getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = files.open(file);
                    OutputStream encoded = Base64.getEncoder().wrap(new NonClosing(out))) {
                in.transferTo(encoded);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping(path = "/updateStatus", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> update(HttpServletRequest request) {
        String system = authenticated(request);
        hub.update(system, docId(request), required(request, "status"));
        return ok();
    }

    /** The agencies one can send to through the hub (danh bạ), with the directory's version. */
    @GetMapping(path = "/getAgenciesList", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> agencies(HttpServletRequest request) {
        authenticated(request);
        Map<String, Object> answer = ok();
        answer.put("version", directory.version());
        answer.put(
                "data", directory.agencies().stream().map(HubController::agency).toList());
        return answer;
    }

    /**
     * What changed in the directory after the version in header {@code version} (0 or none: everything),
     * deletions and closed codes included, at most 1,000 entries a call, oldest change first; the caller
     * asks again from the last entry's version until {@code data} is empty.
     */
    @GetMapping(path = "/getSynchronizeUnit", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> synchronize(HttpServletRequest request) {
        authenticated(request);
        String since = request.getHeader("version");
        long version;
        try {
            version = since == null || since.isBlank() ? 0 : Long.parseLong(since.strip());
        } catch (NumberFormatException e) {
            throw new Hub.Refusal("VERSION", "header version must be a number, not " + since);
        }
        Map<String, Object> answer = ok();
        answer.put("version", directory.version());
        answer.put(
                "data",
                directory.changedSince(version, 1_000).stream()
                        .map(HubController::agency)
                        .toList());
        return answer;
    }

    /** An agency as the directory calls publish it. */
    static Map<String, Object> agency(AgencyDirectory.Agency agency) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", agency.code());
        entry.put("name", agency.name());
        entry.put("pcode", agency.parentCode() == null ? "" : agency.parentCode());
        entry.put("address", agency.address());
        entry.put("mail", agency.email());
        entry.put("phone", agency.phone());
        entry.put(
                "validFrom",
                agency.validFrom() == null ? "" : agency.validFrom().toString());
        entry.put("validTo", agency.validTo() == null ? "" : agency.validTo().toString());
        entry.put("replacedBy", agency.replacedBy() == null ? "" : agency.replacedBy());
        entry.put("deleted", agency.deleted());
        entry.put("version", agency.version());
        entry.put(
                "modifyDate",
                agency.modifiedAt() == null ? "" : agency.modifiedAt().toString());
        return entry;
    }

    /** A refusal in the axis format, kept in the audit trail with the calling system and the call. */
    @ExceptionHandler(Hub.Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Hub.Refusal refusal, HttpServletRequest request) {
        boolean auth = refusal.code().equals("AUTH");
        HttpStatus status = auth ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
        String system = request.getHeader("systemid");
        events.publishEvent(new InterchangeRefusal(
                system == null || system.isBlank() ? "unknown" : system.strip(),
                "interchange.hub.refused",
                "axis:"
                        + request.getRequestURI()
                                .substring(request.getRequestURI().lastIndexOf('/') + 1),
                refusal.code() + ": " + refusal.getMessage(),
                auth ? AuditableEvent.Outcome.DENIED : AuditableEvent.Outcome.FAILURE));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "FAIL");
        answer.put("ErrorCode", refusal.code());
        answer.put("ErrorDesc", refusal.getMessage());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer);
    }

    private String authenticated(HttpServletRequest request) {
        try {
            return AxisHeaders.verify(request::getHeader, hub::secretOf, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new Hub.Refusal("AUTH", e.getMessage());
        }
    }

    private List<String> recipients(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String text = header.strip();
        if (!text.startsWith("[")) {
            return List.of(text);
        }
        try {
            return Arrays.stream(json.readValue(text, String[].class))
                    .map(String::strip)
                    .toList();
        } catch (RuntimeException e) {
            throw new Hub.Refusal("RECIPIENT", "header to is not a JSON array of organisation codes");
        }
    }

    private static UUID docId(HttpServletRequest request) {
        String id = required(request, "docId");
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new Hub.Refusal("DOC_ID", "docId " + id + " is not a message id");
        }
    }

    private static String required(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            throw new Hub.Refusal("HEADER", "header " + header + " is missing");
        }
        return value.strip();
    }

    private static Map<String, Object> ok() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "OK");
        answer.put("ErrorCode", "0");
        answer.put("ErrorDesc", "");
        return answer;
    }

    /** Lets the Base64 encoder finish without closing the response. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
