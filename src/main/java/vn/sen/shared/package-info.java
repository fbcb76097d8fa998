/**
 * Shared kernel: the few types every module may use — the {@link vn.sen.shared.AuditableEvent}
 * contract, the operational {@link vn.sen.shared.Command} SPI, Vietnamese text folding and the web
 * layout (locale, error page, htmx session handling).
 *
 * <p>Kept deliberately tiny: anything with business meaning belongs to a module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.sen.shared;
