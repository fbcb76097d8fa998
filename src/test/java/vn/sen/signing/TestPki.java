package vn.sen.signing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The tests' own public key infrastructure: a root, an intermediate, signers (valid, revoked, expired,
 * ECDSA, one under a root nobody trusts), a time-stamping authority, and the CRLs and the TSA served
 * over HTTP on loopback, as a real CA serves them.
 */
public final class TestPki implements AutoCloseable {

    public static final char[] PASSWORD = "sen-test-2026".toCharArray();

    /** A private key with its certificate chain (signer first). */
    public record Identity(PrivateKey key, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.getFirst();
        }

        /** The identity as a PKCS#12 file protected by {@link #PASSWORD}. */
        public Path pkcs12(Path dir, String name) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("signer", key, PASSWORD, chain.toArray(Certificate[]::new));
                Path file = dir.resolve(name + ".p12");
                try (OutputStream out = Files.newOutputStream(file)) {
                    store.store(out, PASSWORD);
                }
                return file;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code pdf} signed by this identity, invisibly, at {@code level}, with a PKCS#12 key written in {@code dir}. */
        public Path sign(PdfSigning signing, Path pdf, Path dir, PadesLevel level) {
            try (SignatureDevice device = SignatureDevices.pkcs12(pkcs12(dir, "k" + System.nanoTime()), PASSWORD)) {
                return signing.sign(pdf, device, PdfSigning.SignatureRequest.invisible(level, "Phê duyệt"));
            }
        }
    }

    /** Has Sen trust this PKI's root, as an administrator would import it. */
    public void trustRoot(TrustAnchors anchors) {
        anchors.importCertificates(TrustAnchors.encoded(root.certificate()), "test");
    }

    private final HttpServer server;
    private final String base;
    private final AtomicLong serials = new AtomicLong(1000);
    private final List<X509Certificate> revokedCertificates = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, byte[]> crls = new ConcurrentHashMap<>();
    private volatile boolean crlsReachable = true;

    public final Identity root;
    public final Identity intermediate;
    public final Identity signer;
    public final Identity ecSigner;
    public final Identity revoked;
    public final Identity expired;
    public final Identity tsa;
    public final Identity stranger;

    private static TestPki shared;

    /**
     * The PKI every signing test shares: its keys are made once per test JVM, its loopback server stops
     * with the JVM.
     */
    public static synchronized TestPki shared() {
        if (shared == null) {
            shared = new TestPki();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    TestPki() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/crl/", exchange -> {
                byte[] body = crlsReachable
                        ? crls.get(exchange.getRequestURI().getPath().substring("/crl/".length()))
                        : null;
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.createContext("/tsa", exchange -> {
                byte[] answer = timestamp(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            base = "http://127.0.0.1:" + server.getAddress().getPort();

            Instant now = Instant.now();
            Instant from = now.minus(Duration.ofDays(30));
            Instant to = now.plus(Duration.ofDays(3650));
            KeyPair rootKeys = rsa();
            root = new Identity(
                    rootKeys.getPrivate(),
                    List.of(ca("CN=Sen Test Root CA,O=Sen,C=VN", rootKeys, null, null, from, to, null)));
            KeyPair intermediateKeys = rsa();
            intermediate = new Identity(
                    intermediateKeys.getPrivate(),
                    List.of(
                            ca(
                                    "CN=Sen Test Issuing CA,O=Sen,C=VN",
                                    intermediateKeys,
                                    root.certificate(),
                                    root.key(),
                                    from,
                                    to,
                                    "root.crl"),
                            root.certificate()));
            signer = leaf("CN=Nguyễn Văn An,O=UBND tỉnh Sen,C=VN", rsa(), from, now.plus(Duration.ofDays(365)), false);
            ecSigner = leaf("CN=Trần Thị Bình,O=UBND tỉnh Sen,C=VN", ec(), from, now.plus(Duration.ofDays(365)), false);
            revoked = leaf("CN=Lê Văn Cường,O=UBND tỉnh Sen,C=VN", rsa(), from, now.plus(Duration.ofDays(365)), false);
            expired = leaf("CN=Phạm Văn Dũng,O=UBND tỉnh Sen,C=VN", rsa(), from, now.minus(Duration.ofDays(1)), false);
            tsa = leaf("CN=Sen Test TSA,O=Sen,C=VN", rsa(), from, to.minus(Duration.ofDays(1)), true);
            KeyPair strangerRootKeys = rsa();
            X509Certificate strangerRoot =
                    ca("CN=Unknown Root,O=Elsewhere,C=VN", strangerRootKeys, null, null, from, to, null);
            KeyPair strangerKeys = rsa();
            stranger = new Identity(
                    strangerKeys.getPrivate(),
                    List.of(
                            certificate(
                                    "CN=Người Lạ,O=Elsewhere,C=VN",
                                    strangerKeys,
                                    strangerRoot,
                                    strangerRootKeys.getPrivate(),
                                    from,
                                    now.plus(Duration.ofDays(365)),
                                    false,
                                    false,
                                    null),
                            strangerRoot));
            crls.put("root.crl", crl(root, List.of(), now));
            revokedCertificates.add(revoked.certificate());
            crls.put("issuing.crl", crl(intermediate, revokedCertificates, now));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new person's or agency's RSA certificate under the issuing CA, valid for a year, e.g. "CN=…,O=…,C=VN". */
    public Identity issue(String subject) {
        try {
            Instant now = Instant.now();
            return leaf(subject, rsa(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revokes a certificate: the issuing CA's CRL lists it from now on. */
    public void revoke(Identity identity) {
        try {
            revokedCertificates.add(identity.certificate());
            crls.put("issuing.crl", crl(intermediate, List.copyOf(revokedCertificates), Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Off: the CA's CRLs answer 404, as when the network to the CA is down. */
    public void crlsReachable(boolean reachable) {
        crlsReachable = reachable;
    }

    /** The time-stamping authority's address. */
    public String tsaUrl() {
        return base + "/tsa";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private Identity leaf(String subject, KeyPair keys, Instant from, Instant to, boolean timestamping)
            throws Exception {
        return new Identity(
                keys.getPrivate(),
                List.of(
                        certificate(
                                subject,
                                keys,
                                intermediate.certificate(),
                                intermediate.key(),
                                from,
                                to,
                                false,
                                timestamping,
                                "issuing.crl"),
                        intermediate.certificate(),
                        root.certificate()));
    }

    private X509Certificate ca(
            String subject,
            KeyPair keys,
            X509Certificate issuer,
            PrivateKey issuerKey,
            Instant from,
            Instant to,
            String crl)
            throws Exception {
        return certificate(
                subject, keys, issuer, issuerKey == null ? keys.getPrivate() : issuerKey, from, to, true, false, crl);
    }

    private X509Certificate certificate(
            String subject,
            KeyPair keys,
            X509Certificate issuer,
            PrivateKey issuerKey,
            Instant from,
            Instant to,
            boolean ca,
            boolean timestamping,
            String crl)
            throws Exception {
        X500Name subjectName = new X500Name(subject);
        X500Name issuerName = issuer == null ? subjectName : new JcaX509CertificateHolder(issuer).getSubject();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuerName,
                BigInteger.valueOf(serials.incrementAndGet()),
                Date.from(from),
                Date.from(to),
                subjectName,
                keys.getPublic());
        var extensions = new JcaX509ExtensionUtils();
        builder.addExtension(
                Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        if (issuer != null) {
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
        }
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else if (timestamping) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        } else {
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        }
        if (crl != null) {
            var point = new DistributionPoint(
                    new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, base + "/crl/" + crl))),
                    null,
                    null);
            builder.addExtension(
                    Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
        }
        ContentSigner signer = new JcaContentSignerBuilder(algorithm(issuerKey)).build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static byte[] crl(Identity issuer, List<X509Certificate> revokedCertificates, Instant now)
            throws Exception {
        var builder = new X509v2CRLBuilder(
                new JcaX509CertificateHolder(issuer.certificate()).getSubject(), Date.from(now.minusSeconds(60)));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        for (X509Certificate certificate : revokedCertificates) {
            builder.addCRLEntry(
                    certificate.getSerialNumber(), Date.from(now.minus(Duration.ofDays(2))), CRLReason.keyCompromise);
        }
        builder.addExtension(
                Extension.authorityKeyIdentifier,
                false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
        builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.ONE));
        X509CRLHolder crl = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.key()));
        return crl.getEncoded();
    }

    private byte[] timestamp(byte[] request) {
        try {
            TimeStampRequest asked = new TimeStampRequest(request);
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder()
                    .build()
                    .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                            org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256));
            var signerInfo =
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsa.key(), tsa.certificate());
            var generator = new TimeStampTokenGenerator(signerInfo, sha256, new ASN1ObjectIdentifier("1.2.3.4.5.6"));
            generator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(tsa.chain()));
            var responses = new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED);
            TimeStampResponse response =
                    responses.generate(asked, BigInteger.valueOf(serials.incrementAndGet()), new Date());
            return response.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String algorithm(PrivateKey key) {
        return key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        return generator.generateKeyPair();
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** PEM text of a certificate, as an administrator would import it. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
