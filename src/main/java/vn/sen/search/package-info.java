/**
 * Search (tìm kiếm): one accent-insensitive search over documents — "quyet dinh 125" finds "Quyết
 * định 125" — with exact number and notation matches first. A read model in its own schema, kept
 * current by the owning modules' events (through the event publication registry, so nothing is lost
 * across a restart) and rebuilt by {@code sen search rebuild}. Results are filtered by the owning
 * module's reader rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "documents", "files", "organization"})
package vn.sen.search;
