package vn.sen.identity;

import vn.sen.shared.AuditableEvent;

/**
 * A security event (sự kiện an ninh): login, failed login, lockout, password or second-factor change,
 * account administration.
 */
public record SecurityEventOccurred(String actor, String action, String resource, String details, Outcome outcome)
        implements AuditableEvent {

    static SecurityEventOccurred success(String actor, String action, String resource, String details) {
        return new SecurityEventOccurred(actor, action, resource, details, Outcome.SUCCESS);
    }

    static SecurityEventOccurred failure(String actor, String action, String resource, String details) {
        return new SecurityEventOccurred(actor, action, resource, details, Outcome.FAILURE);
    }
}
