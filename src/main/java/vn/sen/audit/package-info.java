/**
 * Audit trail (nhật ký kiểm toán): every {@link vn.sen.shared.AuditableEvent} becomes an append-only
 * record whose SHA-256 hash covers its content and the previous record's hash, so that a modified,
 * deleted or reordered record is detected by {@code sen audit verify}. Security auditors read it here;
 * no other module depends on this one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.sen.audit;
