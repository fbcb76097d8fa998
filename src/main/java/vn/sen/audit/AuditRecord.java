package vn.sen.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** One link of the audit chain (bản ghi nhật ký). */
record AuditRecord(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String resource,
        String details,
        String source,
        String outcome,
        String prevHash,
        String hash) {

    static final String GENESIS = "0".repeat(64);

    /** The record that follows {@code prevHash}, with its hash computed. */
    static AuditRecord link(
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            String resource,
            String details,
            String source,
            String outcome,
            String prevHash) {
        Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        var unlinked = new AuditRecord(seq, at, actor, action, resource, details, source, outcome, prevHash, "");
        return new AuditRecord(
                seq, at, actor, action, resource, details, source, outcome, prevHash, unlinked.computeHash());
    }

    /** SHA-256 over every field, each length-prefixed so no two different records encode alike. */
    String computeHash() {
        var canonical = new StringBuilder();
        for (String field : new String[] {
            Long.toString(seq),
            DateTimeFormatter.ISO_INSTANT.format(occurredAt.truncatedTo(ChronoUnit.MICROS)),
            actor,
            action,
            resource,
            details,
            source,
            outcome,
            prevHash
        }) {
            canonical.append(field.length()).append(':').append(field).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
