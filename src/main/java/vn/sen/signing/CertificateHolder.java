package vn.sen.signing;

import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import vn.sen.shared.RuleViolation;

/**
 * Who holds a certificate (chủ thể chứng thư số): a person's certificate names the person in its common
 * name, an agency's certificate names the agency in its common name. Sen signs only
 * with the certificate of the person or agency the document names.
 */
public final class CertificateHolder {

    private CertificateHolder() {}

    /** A chain sent by a signer as base64 DER, signer first; refused when a part is not a certificate. */
    public static List<X509Certificate> chain(List<String> base64) {
        if (base64 == null || base64.isEmpty()) {
            throw new RuleViolation("signing.error.no-certificate");
        }
        try {
            return base64.stream()
                    .map(b -> TrustAnchors.parse(Base64.getDecoder().decode(b)).getFirst())
                    .toList();
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new RuleViolation("signing.error.trust-not-certificate");
        }
    }

    /** The certificate's common name (CN), or "" when it has none. */
    public static String name(X509Certificate certificate) {
        return attribute(certificate, "CN");
    }

    /**
     * The certificate is a person's named {@code fullName}; refused otherwise with the name it carries.
     */
    public static void requirePerson(X509Certificate certificate, String fullName) {
        if (!same(name(certificate), fullName)) {
            throw new RuleViolation("signing.error.holder-not-signer", name(certificate), fullName);
        }
    }

    /**
     * The certificate is the agency's named {@code agencyName}: an agency's certificate names it in its
     * common name (a person's certificate names the agency only as its organisation); refused otherwise.
     */
    public static void requireAgency(X509Certificate certificate, String agencyName) {
        if (!same(name(certificate), agencyName)) {
            throw new RuleViolation("signing.error.holder-not-agency", name(certificate), agencyName);
        }
    }

    private static boolean same(String a, String b) {
        return !normal(a).isEmpty() && normal(a).equals(normal(b));
    }

    private static String normal(String text) {
        return text == null
                ? ""
                : Normalizer.normalize(text, Normalizer.Form.NFC)
                        .strip()
                        .replaceAll("\\s+", " ")
                        .toLowerCase(Locale.ROOT);
    }

    private static String attribute(X509Certificate certificate, String type) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName())
                    .getRdns()
                    .reversed()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return String.valueOf(rdn.getValue());
                }
            }
            return "";
        } catch (InvalidNameException e) {
            return "";
        }
    }
}
