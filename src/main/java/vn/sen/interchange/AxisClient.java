package vn.sen.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the axis protocol (domain §5) — the national axis or a provincial hub, Sen's own included:
 * sends a message file to organisation codes, lists what waits for this system, fetches a message
 * (the Base64 inside the JSON answer decoded as it arrives, so any size fits in bounded memory) and
 * acknowledges it; reads the directory's changes. Every call carries the signed {@link AxisHeaders}.
 */
final class AxisClient implements Transport {

    /** The axis protocol, for connections whose transport is {@code axis} (the default). */
    @org.springframework.stereotype.Component
    static final class Factory implements Transport.Factory {

        @Override
        public String name() {
            return "axis";
        }

        @Override
        public Transport connect(URI url, String systemId, String secret, Clock clock) {
            return new AxisClient(url, systemId, secret, Duration.ofSeconds(10), clock);
        }
    }

    private static final byte[] DATA = "\"data\":\"".getBytes(StandardCharsets.US_ASCII);

    private final URI base;
    private final String systemId;
    private final String secret;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;

    AxisClient(URI base, String systemId, String secret, Duration timeout, Clock clock) {
        // calls are resolved against the base: it must end with a slash (…/axis/)
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.systemId = systemId;
        this.secret = secret;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Sends a message file from {@code from} to {@code to}; returns the axis's id of it. */
    @Override
    public String send(Path message, String from, List<String> to, String messageType) {
        return send(publisher(message), from, to, messageType);
    }

    /** Sends the message {@code body} opens, from {@code from} to {@code to}; returns the axis's id of it. */
    @Override
    public String send(
            java.util.function.Supplier<InputStream> body, String from, List<String> to, String messageType) {
        return send(HttpRequest.BodyPublishers.ofInputStream(body), from, to, messageType);
    }

    private String send(HttpRequest.BodyPublisher body, String from, List<String> to, String messageType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("from", from);
        headers.put("to", json.writeValueAsString(to));
        headers.put("servicetype", "eDoc");
        headers.put("messagetype", messageType);
        JsonNode answer = call("sendEdoc", headers, body);
        return answer.path("DocId").asString("");
    }

    /** The messages waiting for this system. */
    @Override
    public List<Waiting> received() {
        JsonNode answer = call("getReceivedEdocList", Map.of(), null);
        List<Waiting> waiting = new ArrayList<>();
        for (JsonNode item : answer.path("data")) {
            waiting.add(new Waiting(
                    item.path("docId").asString(),
                    item.path("from").asString(""),
                    item.path("to").asString(""),
                    item.path("messagetype").asString("edoc")));
        }
        return waiting;
    }

    /** Writes the message {@code docId} into {@code out}, decoded, as it arrives. */
    @Override
    public void fetch(String docId, OutputStream out) {
        HttpResponse<InputStream> response = exchange("getEdoc", Map.of("docId", docId), null);
        try (InputStream in = new java.io.BufferedInputStream(response.body(), 1 << 16)) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                matched = b == DATA[matched] ? matched + 1 : (b == DATA[0] ? 1 : 0);
                if (matched == DATA.length) {
                    decodeUntilQuote(in, out);
                    return;
                }
                if (head.size() > 1 << 16) {
                    break;
                }
            }
            JsonNode answer = json.readTree(head.toString(StandardCharsets.UTF_8));
            throw new TransportException(
                    "getEdoc " + docId + ": " + answer.path("ErrorCode").asString("") + " "
                            + answer.path("ErrorDesc").asString("no data"));
        } catch (IOException e) {
            throw new TransportException("getEdoc " + docId + ": " + e.getMessage(), e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new TransportException("getEdoc " + docId + ": the answer is not JSON");
        }
    }

    /** Acknowledges a fetched message: {@code done}, {@code fail} or {@code processing}. */
    @Override
    public void acknowledge(String docId, String status) {
        call("updateStatus", Map.of("docId", docId, "status", status), HttpRequest.BodyPublishers.noBody());
    }

    /**
     * What changed in the directory after {@code version} ({@code getSynchronizeUnit}), oldest change
     * first; each entry carries its own version.
     */
    @Override
    public List<AgencyDirectory.Agency> synchronize(long version) {
        return agencies(call("getSynchronizeUnit", Map.of("version", Long.toString(version)), null));
    }

    /** Reads the entries leniently: the names other hubs use for the same fields are accepted too. */
    private static List<AgencyDirectory.Agency> agencies(JsonNode answer) {
        List<AgencyDirectory.Agency> agencies = new ArrayList<>();
        for (JsonNode item : answer.path("data")) {
            String code = text(item, "code", "organId", "OrganId", "id");
            if (code.isEmpty()) {
                continue;
            }
            agencies.add(new AgencyDirectory.Agency(
                    code,
                    text(item, "name", "organName", "OrganName"),
                    text(item, "pcode", "parentCode", "pid"),
                    text(item, "address", "organAdd", "OrganAdd"),
                    text(item, "mail", "email", "Email"),
                    text(item, "phone", "mobile", "telephone", "Telephone"),
                    date(text(item, "validFrom")),
                    date(text(item, "validTo")),
                    text(item, "replacedBy", "newCode"),
                    item.path("deleted").asBoolean(false)
                            || "1".equals(item.path("deleted").asString("")),
                    item.path("version").asLong(0),
                    null));
        }
        return agencies;
    }

    private static String text(JsonNode item, String... names) {
        for (String name : names) {
            String value = item.path(name).asString("");
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    private static java.time.LocalDate date(String text) {
        return text.isEmpty()
                ? null
                : EdxmlMapping.day(text)
                        .orElseThrow(() -> new TransportException("directory: '" + text + "' is not a date"));
    }

    private static void decodeUntilQuote(InputStream in, OutputStream out) throws IOException {
        Base64Decoding decoding = new Base64Decoding(out);
        char[] chunk = new char[1 << 16];
        int filled = 0;
        int b;
        while ((b = in.read()) >= 0 && b != '"') {
            if (b == '\\') { // JSON may escape the slash of Base64
                b = in.read();
            }
            chunk[filled++] = (char) b;
            if (filled == chunk.length) {
                decoding.decode(chunk, 0, filled);
                filled = 0;
            }
        }
        decoding.decode(chunk, 0, filled);
        decoding.finish();
        out.flush();
    }

    private JsonNode call(String name, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpResponse<InputStream> response = exchange(name, headers, body);
        JsonNode answer;
        try (InputStream in = response.body()) {
            answer = json.readTree(in);
        } catch (IOException | tools.jackson.core.JacksonException e) {
            throw new TransportException(name + ": HTTP " + response.statusCode() + ", the answer is not JSON");
        }
        if (!"OK".equals(answer.path("status").asString(""))) {
            throw new TransportException(name + ": " + answer.path("ErrorCode").asString("") + " "
                    + answer.path("ErrorDesc").asString("HTTP " + response.statusCode()));
        }
        return answer;
    }

    private HttpResponse<InputStream> exchange(
            String name, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(base.resolve(name)).timeout(Duration.ofMinutes(30));
        AxisHeaders.sign(headers, systemId, secret, clock.instant()).forEach(request::header);
        if (body == null) {
            request.GET();
        } else {
            request.POST(body);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TransportException(name + ": " + base + " cannot be reached (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(name + ": interrupted", e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(Path message) {
        try {
            return HttpRequest.BodyPublishers.ofFile(message);
        } catch (java.io.FileNotFoundException e) {
            throw new TransportException("no message file " + message, e);
        }
    }
}
