/**
 * Signing (ký số): PAdES signatures on PDFs the Vietnamese way (Decree 30 annex I) and their validation.
 * Signs with a PKCS#12 file or a PKCS#11 token on the server, or in two phases with an external signer
 * (the officer's USB token through the browser, a remote signing service); validates every signature
 * with EU DSS against the trust anchors the administrator imported, never trusting anything by default.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "files", "organization"})
package vn.sen.signing;
