package vn.sen.audit;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Audit sealer (niêm phong nhật ký): links pending audit entries into the hash chain as soon as the
 * transactions that wrote them commit, and sweeps regularly for entries left pending by a crash or by
 * a failed seal. One worker per node; nodes sharing a database take turns on the chain-state row lock.
 */
@Component
class AuditSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final int BATCH = 500;

    private final AuditTrail trail;
    private final Duration sweep;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread worker;

    AuditSealer(AuditTrail trail, @Value("${sen.audit.sweep:PT5S}") Duration sweep) {
        this.trail = trail;
        this.sweep = sweep;
    }

    /** Asks for a seal once the current transaction commits (at once outside a transaction). */
    void sealAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.release();
                }
            });
        } else {
            wake.release();
        }
    }

    /**
     * Seals everything pending now. Readers of the trail — the auditor's screens, {@code audit verify} —
     * call it first, so they see every action committed before they asked.
     */
    synchronized void flush() {
        while (trail.seal(BATCH) > 0) {
            // until nothing is left
        }
    }

    private void work() {
        while (worker == Thread.currentThread()) {
            try {
                wake.tryAcquire(sweep.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Audit sealing failed; pending entries stay safe and are retried: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        Thread thread = Thread.ofPlatform().daemon().name("audit-sealer").unstarted(this::work);
        worker = thread; // before it runs: the loop checks that it is still the worker
        thread.start();
    }

    /**
     * Stops the worker. Entries still pending are safe in the database: the next sweep of any node, or
     * the next start, seals them (no final seal here — the database may already be going away).
     */
    @Override
    public void stop() {
        Thread stopping = worker;
        worker = null;
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
