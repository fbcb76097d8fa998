package vn.sen.organization;

import vn.sen.shared.AuditableEvent;

/**
 * Something in the organisation changed (thay đổi tổ chức): a unit created, renamed, moved, recoded or
 * dissolved, an officer created or appointed, a delegation granted or revoked.
 *
 * @param action e.g. {@code organization.unit.created}
 */
public record OrganizationChanged(String actor, String action, String resource, String details)
        implements AuditableEvent {}
