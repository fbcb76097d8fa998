package vn.sen.interchange;

import vn.sen.shared.AuditableEvent;

/**
 * Something interchange refused, for the audit trail: a call to the hub that was not allowed or not
 * valid, a message that could not be read or whose signature does not verify, a status about a document
 * never sent. {@code actor} is the calling system, or {@code system} for what the worker fetched.
 */
record InterchangeRefusal(String actor, String action, String resource, String details, Outcome outcome)
        implements AuditableEvent {

    private static final int RESOURCE_LENGTH = 200;

    InterchangeRefusal {
        resource = resource.length() > RESOURCE_LENGTH ? resource.substring(0, RESOURCE_LENGTH) : resource;
    }

    /** What the worker refused of what it fetched. */
    static InterchangeRefusal received(String action, String resource, String details) {
        return new InterchangeRefusal("system", action, resource, details, Outcome.FAILURE);
    }
}
