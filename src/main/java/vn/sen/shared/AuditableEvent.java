package vn.sen.shared;

/**
 * Event that belongs in the audit trail (nhật ký kiểm toán): who did what to which resource, with
 * what outcome. Modules publish these; only the {@code audit} module listens.
 *
 * <p>Where the request came from and when are added by the audit module itself.
 */
public interface AuditableEvent {

    /** Account name of the actor, or {@code "system"}. */
    String actor();

    /** Dotted action name, e.g. {@code identity.login}, {@code organization.unit.created}. */
    String action();

    /** The resource acted on, e.g. {@code unit:UBND-AG}; empty when none. */
    String resource();

    /** Free text or compact JSON with the relevant facts; never a secret. */
    default String details() {
        return "";
    }

    default Outcome outcome() {
        return Outcome.SUCCESS;
    }

    /** Result of the audited action. */
    enum Outcome {
        SUCCESS,
        FAILURE,
        DENIED
    }
}
