package vn.sen.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings (defaults from TCVN 14423:2026 for a level-3 system; each is an administrator's
 * choice within the standard's bounds).
 *
 * @param lockAfterFailures failed logins before the account locks (≤ 5)
 * @param lockDuration how long a lock lasts (12 hours to 30 days), unless an administrator unlocks
 * @param idleTimeout session idle timeout for users (≤ 15 minutes)
 * @param adminIdleTimeout idle timeout for administrative sessions (≤ 5 minutes)
 * @param idleWarning how long before the idle logout the page warns
 * @param inactiveAfter accounts unused this long are disabled (45 days)
 * @param addressFailures failed logins from one address within {@code addressWindow} before it is slowed down
 * @param passkeyRpId the WebAuthn relying party id: the host name users reach Sen by
 * @param passkeyOrigins the exact origins (scheme, host, port) pages that use passkeys are served from
 * @param dataKey base64 AES-256 key for secrets at rest (TOTP seeds); empty: read or create {@code dataKeyFile}
 */
@ConfigurationProperties("sen.security")
record SecurityProperties(
        @DefaultValue("5") int lockAfterFailures,
        @DefaultValue("12h") Duration lockDuration,
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("5m") Duration adminIdleTimeout,
        @DefaultValue("60s") Duration idleWarning,
        @DefaultValue("45d") Duration inactiveAfter,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("5m") Duration addressWindow,
        @DefaultValue("localhost") String passkeyRpId,
        @DefaultValue("http://localhost:8080") java.util.List<String> passkeyOrigins,
        @DefaultValue("") String dataKey,
        @DefaultValue("./data/sen.key") String dataKeyFile) {

    SecurityProperties {
        if (lockAfterFailures < 1 || lockAfterFailures > 5) {
            throw new IllegalArgumentException("sen.security.lock-after-failures must be 1..5");
        }
        if (idleTimeout.compareTo(Duration.ofMinutes(15)) > 0
                || adminIdleTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(
                    "idle timeouts may not exceed 15 min (users) and 5 min (administrators)");
        }
    }
}
