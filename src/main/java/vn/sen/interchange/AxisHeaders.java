package vn.sen.interchange;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed headers of the national interchange axis (domain §5): every call carries {@code systemid}
 * and {@code timestamp} (milliseconds since the epoch) besides its own headers; each is repeated as
 * {@code XroadVnpt-<name>}; {@code XroadVnpt-sign-header-key} lists the names joined by {@code ;},
 * {@code XroadVnpt-sign-header} is the JSON object of those headers in that order, and
 * {@code XroadVnpt-hash-header} the hex HMAC-SHA256 of that JSON with the system's secret. Sen's hub
 * checks them the same way, rebuilding the JSON from the headers it received, and refuses a timestamp
 * further than {@link #SKEW} from its clock.
 */
final class AxisHeaders {

    private AxisHeaders() {}

    static final String PREFIX = "XroadVnpt-";
    static final String KEYS = PREFIX + "sign-header-key";
    static final String SIGNED = PREFIX + "sign-header";
    static final String HASH = PREFIX + "hash-header";
    static final Duration SKEW = Duration.ofMinutes(5);

    /** The headers to send for a call: its own, {@code systemid}, {@code timestamp}, and their signature. */
    static Map<String, String> sign(Map<String, String> call, String systemId, String secret, Instant now) {
        Map<String, String> signed = new LinkedHashMap<>(call);
        signed.put("systemid", systemId);
        signed.put("timestamp", Long.toString(now.toEpochMilli()));
        Map<String, String> headers = new LinkedHashMap<>(signed);
        signed.forEach((name, value) -> headers.put(PREFIX + name, value));
        String json = json(signed);
        headers.put(KEYS, String.join(";", signed.keySet()));
        headers.put(SIGNED, json);
        headers.put(HASH, hmac(secret, json));
        return headers;
    }

    /**
     * Checks a call's headers (read through {@code header}, case-insensitively as HTTP does) and returns
     * the system that made it; {@code secrets} gives a system's secret, or null for one it does not know.
     *
     * @throws IllegalArgumentException with the reason, when they do not hold
     */
    static String verify(Function<String, String> header, Function<String, String> secrets, Instant now) {
        String keys = header.apply(KEYS);
        String hash = header.apply(HASH);
        if (keys == null || keys.isBlank() || hash == null) {
            throw new IllegalArgumentException("the call is not signed (" + KEYS + ", " + HASH + ")");
        }
        List<String> names = List.of(keys.split(";"));
        if (!names.contains("systemid") || !names.contains("timestamp")) {
            throw new IllegalArgumentException("systemid and timestamp must be signed");
        }
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : names) {
            String value = header.apply(name);
            String repeated = header.apply(PREFIX + name);
            if (value == null && repeated == null) {
                throw new IllegalArgumentException("signed header " + name + " is missing");
            }
            if (value != null && repeated != null && !value.equals(repeated)) {
                throw new IllegalArgumentException("header " + name + " differs from " + PREFIX + name);
            }
            signed.put(name, value != null ? value : repeated);
        }
        String systemId = signed.get("systemid");
        String secret = secrets.apply(systemId);
        if (secret == null) {
            throw new IllegalArgumentException("unknown system " + systemId);
        }
        String expected = hmac(secret, json(signed));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                hash.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("the signature of the headers does not match");
        }
        long millis;
        try {
            millis = Long.parseLong(signed.get("timestamp"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp is not a number of milliseconds");
        }
        if (Duration.between(Instant.ofEpochMilli(millis), now).abs().compareTo(SKEW) > 0) {
            throw new IllegalArgumentException("timestamp is more than 5 minutes from the hub's clock");
        }
        return systemId;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The headers as a JSON object, in order. */
    static String json(Map<String, String> headers) {
        return JSON.writeValueAsString(headers);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
