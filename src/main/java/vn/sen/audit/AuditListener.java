package vn.sen.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.moments.DayHasPassed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.sen.shared.AuditableEvent;

/**
 * Writes every auditable event into the trail, in the transaction that caused it (as a pending entry the
 * sealer links into the chain right after the commit).
 */
@Component
class AuditListener {

    private static final Logger log = LoggerFactory.getLogger(AuditListener.class);

    private final AuditTrail trail;
    private final AuditSealer sealer;
    private final Duration retention;
    private final boolean commandLine;

    AuditListener(
            AuditTrail trail,
            AuditSealer sealer,
            @Value("${sen.audit.retention:P365D}") Duration retention,
            @Value("${sen.command-line:false}") boolean commandLine) {
        this.trail = trail;
        this.sealer = sealer;
        this.retention = retention;
        this.commandLine = commandLine;
        if (retention.toDays() < 90) {
            throw new IllegalStateException("sen.audit.retention must keep at least 90 days online (level 3)");
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AuditableEvent event) {
        trail.record(event, source());
        sealer.sealAfterCommit();
    }

    @EventListener
    void on(DayHasPassed day) {
        int removed = trail.purgeBefore(Instant.now().minus(retention));
        if (removed > 0) {
            log.info("Audit retention removed {} records older than {}", removed, retention);
        }
    }

    private String source() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return commandLine ? "cli" : "system";
    }
}
