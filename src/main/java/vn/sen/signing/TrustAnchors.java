package vn.sen.signing;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.sen.shared.RuleViolation;

/**
 * Trust anchors (chứng thư số gốc tin cậy): the certificates the administrator imported — the roots of
 * Ban Cơ yếu Chính phủ for government-service certificates and of NEAC for public CAs, or a ministry's
 * own. Sen ships none: until one is imported, no signature is trusted.
 */
@Service
@Transactional
public class TrustAnchors {

    /** An imported certificate. */
    public record Anchor(long id, String sha256, String subject, String issuer, Instant notBefore, Instant notAfter) {}

    private final JdbcClient jdbc;

    TrustAnchors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Imports every certificate in {@code data} — DER, PEM (one or several), or a PKCS#7 bundle (.p7b).
     * Certificates already imported are kept as they are.
     *
     * @return the anchors added
     */
    public List<Anchor> importCertificates(byte[] data, String by) {
        List<X509Certificate> certificates = parse(data);
        List<Anchor> added = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            byte[] der = encoded(certificate);
            String sha256 = sha256(der);
            jdbc.sql("""
                    insert into signing.trust_anchor (sha256, subject, issuer, not_before, not_after, der, imported_by)
                    values (:sha256, :subject, :issuer, :from, :to, :der, :by)
                    on conflict (sha256) do nothing
                    """)
                    .param("sha256", sha256)
                    .param("subject", certificate.getSubjectX500Principal().getName())
                    .param("issuer", certificate.getIssuerX500Principal().getName())
                    .param("from", certificate.getNotBefore().toInstant().atOffset(java.time.ZoneOffset.UTC))
                    .param("to", certificate.getNotAfter().toInstant().atOffset(java.time.ZoneOffset.UTC))
                    .param("der", der)
                    .param("by", by)
                    .update();
            find(sha256).ifPresent(added::add);
        }
        changed();
        return added;
    }

    @Transactional(readOnly = true)
    public List<Anchor> list() {
        return jdbc.sql("select * from signing.trust_anchor order by subject, id")
                .query(TrustAnchors::anchor)
                .list();
    }

    /** Stops trusting an anchor; signatures that chained to it are no longer trusted. */
    public void remove(long id) {
        jdbc.sql("delete from signing.trust_anchor where id = :id")
                .param("id", id)
                .update();
        changed();
    }

    /**
     * The trusted certificates themselves, for every signing and validation: kept in memory, read again
     * after a change here and at least every {@link #FRESH} (for an import by {@code sen trust import}
     * from another process).
     */
    List<X509Certificate> certificates() {
        Cached now = cached;
        if (now == null || Instant.now().isAfter(now.readAt().plus(FRESH))) {
            now = new Cached(
                    jdbc.sql("select der from signing.trust_anchor order by id")
                            .query((rs, n) -> certificate(rs.getBytes("der")))
                            .list(),
                    Instant.now());
            cached = now;
        }
        return now.certificates();
    }

    /** How long the anchors read from the database are used before they are read again. */
    static final java.time.Duration FRESH = java.time.Duration.ofSeconds(30);

    private record Cached(List<X509Certificate> certificates, Instant readAt) {}

    private volatile Cached cached;

    /** Forgets the anchors in memory now and once the change is committed (another thread may read before). */
    private void changed() {
        cached = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cached = null;
                }
            });
        }
    }

    private java.util.Optional<Anchor> find(String sha256) {
        return jdbc.sql("select * from signing.trust_anchor where sha256 = :sha256")
                .param("sha256", sha256)
                .query(TrustAnchors::anchor)
                .optional();
    }

    private static Anchor anchor(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Anchor(
                rs.getLong("id"),
                rs.getString("sha256"),
                rs.getString("subject"),
                rs.getString("issuer"),
                rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant());
    }

    /**
     * Whether {@code certificate} chains, today, to a trusted root through the anchors the administrator
     * imported (roots and intermediates) and the {@code intermediates} that came with it — for signatures
     * DSS does not see, such as those of edXML messages. Revocation is not checked here.
     */
    public boolean trusts(X509Certificate certificate, List<X509Certificate> intermediates) {
        List<X509Certificate> anchors = certificates();
        Set<java.security.cert.TrustAnchor> roots = new HashSet<>();
        for (X509Certificate anchor : anchors) {
            if (anchor.getSubjectX500Principal().equals(anchor.getIssuerX500Principal())) {
                roots.add(new java.security.cert.TrustAnchor(anchor, null));
            }
        }
        if (roots.isEmpty()) {
            return false;
        }
        try {
            var selector = new X509CertSelector();
            selector.setCertificate(certificate);
            var parameters = new PKIXBuilderParameters(roots, selector);
            parameters.setRevocationEnabled(false);
            List<X509Certificate> known = new ArrayList<>(anchors);
            known.addAll(intermediates);
            known.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(known)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    /** The certificates in a DER, PEM or PKCS#7 file; a clear refusal for anything else. */
    static List<X509Certificate> parse(byte[] data) {
        if (data == null || data.length == 0) {
            throw new RuleViolation("signing.error.trust-empty");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : factory.generateCertificates(new ByteArrayInputStream(data))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new RuleViolation("signing.error.trust-not-certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new RuleViolation("signing.error.trust-not-certificate");
        }
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("a stored certificate no longer parses", e);
        }
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
