/**
 * Identity (định danh): accounts (tài khoản) of four classes, login with password policy, lockout
 * and per-address throttling, second factors (TOTP; passkeys), sessions with idle timeouts, and roles
 * (vai trò) granted in unit subtrees — the security of a level-3 system (cấp độ 3).
 *
 * <p>Other modules see the signed-in user as a {@link vn.sen.shared.UserScope}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization"})
package vn.sen.identity;
