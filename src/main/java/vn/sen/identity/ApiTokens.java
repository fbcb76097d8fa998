package vn.sen.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.shared.RuleViolation;

/**
 * API tokens (khóa truy cập API): secrets that let a program act as an account through {@code /api/v1}
 * with exactly the account's roles. The secret is shown once; only its SHA-256 is stored. Every token
 * ends (at most {@code MAX_DAYS} days), can be revoked at once, and stops working with its account.
 */
@Component
class ApiTokens {

    static final String PREFIX = "sen_";
    static final int MAX_DAYS = 90;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    record TokenView(
            long id,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt) {

        boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A token just made: the secret, to show once. */
    record NewToken(long id, String secret) {}

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    NewToken create(String username, String name, int days) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new RuleViolation("tokens.error.name");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new RuleViolation("tokens.error.days", MAX_DAYS);
        }
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < 40; i++) {
            secret.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        long id = jdbc.sql("""
                insert into identity.api_token (account_id, name, prefix, token_hash, expires_at)
                select a.id, :name, :prefix, :hash, :expires from identity.account a where a.username = :username
                returning id
                """)
                .param("name", label)
                .param("prefix", secret.substring(0, PREFIX.length() + 6))
                .param("hash", sha256(secret.toString()))
                .param(
                        "expires",
                        OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(days)), clock.getZone()))
                .param("username", username)
                .query(Long.class)
                .single();
        events.publishEvent(SecurityEventOccurred.success(
                username, "identity.api-token.created", "api-token:" + id, label + ", " + days + " days"));
        return new NewToken(id, secret.toString());
    }

    List<TokenView> of(String username) {
        return jdbc.sql("""
                select t.* from identity.api_token t join identity.account a on a.id = t.account_id
                where a.username = :username order by t.id desc
                """)
                .param("username", username)
                .query((rs, n) -> new TokenView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .list();
    }

    /** Revokes one of the account's own tokens; another account's token is not found. */
    @Transactional
    void revoke(String username, long id) {
        int changed = jdbc.sql("""
                update identity.api_token t set revoked_at = now()
                from identity.account a
                where t.id = :id and a.id = t.account_id and a.username = :username and t.revoked_at is null
                """).param("id", id).param("username", username).update();
        if (changed == 0) {
            throw new RuleViolation("tokens.error.not-found");
        }
        events.publishEvent(
                SecurityEventOccurred.success(username, "identity.api-token.revoked", "api-token:" + id, ""));
    }

    /**
     * The account a presented secret belongs to, if the token is known, not revoked and not expired.
     * Reading only, on every API request; the last use is written at most once a minute per token.
     */
    Optional<String> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        record Found(long id, String username, boolean stale) {}
        Optional<Found> found = jdbc.sql("""
                select t.id, a.username, t.last_used_at is null or t.last_used_at < now() - interval '1 minute'
                from identity.api_token t join identity.account a on a.id = t.account_id
                where t.token_hash = :hash and t.revoked_at is null and t.expires_at > now()
                """)
                .param("hash", sha256(secret))
                .query((rs, n) -> new Found(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
        found.filter(Found::stale)
                .ifPresent(f -> jdbc.sql("update identity.api_token set last_used_at = now() where id = :id")
                        .param("id", f.id())
                        .update());
        return found.map(Found::username);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
