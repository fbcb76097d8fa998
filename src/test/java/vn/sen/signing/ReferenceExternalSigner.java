package vn.sen.signing;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;

/**
 * The reference external signer (công cụ ký số tham chiếu): what the signing tool on an officer's
 * computer does with the USB token, here with a PKCS#12 key — hand over the certificate chain, sign
 * the data Sen prepared with the scheme Sen named. Plain JCA, no DSS.
 */
public final class ReferenceExternalSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    public ReferenceExternalSigner(Path pkcs12, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(pkcs12)) {
            store.load(in, password);
        }
        String alias = store.aliases().nextElement();
        key = (PrivateKey) store.getKey(alias, password);
        chain = java.util.Arrays.stream(store.getCertificateChain(alias))
                .map(c -> (X509Certificate) c)
                .toList();
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The chain as the contract carries it: base64 DER, signer first. */
    public List<String> chainBase64() throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (X509Certificate c : chain) {
            out.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        return out;
    }

    /** The signature value of {@code dataToSign} with {@code scheme} ("RSA_SHA256", "RSA_PSS_SHA256", "ECDSA_SHA256"). */
    public byte[] sign(byte[] dataToSign, String scheme) throws Exception {
        Signature signature;
        switch (scheme) {
            case "RSA_SHA256" -> signature = Signature.getInstance("SHA256withRSA");
            case "RSA_PSS_SHA256" -> {
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            case "ECDSA_SHA256" -> signature = Signature.getInstance("SHA256withECDSA");
            default -> throw new IllegalArgumentException("unknown scheme " + scheme);
        }
        signature.initSign(key);
        signature.update(dataToSign);
        return signature.sign();
    }

    /**
     * The signing tool on an officer's computer as the browser reaches it (docs/external-signing.md),
     * served on loopback: {@code GET /certificates} → {@code {"certificates": [base64 DER, signer first]}},
     * {@code POST /sign} with {@code {"dataToSign", "scheme"}} → {@code {"signatureValue"}}, with the CORS
     * answers a page of another origin needs (Private Network Access included). It signs with the signer
     * it is given; with none it drops every connection, as when no tool runs.
     */
    public static final class Tool implements AutoCloseable {

        private final com.sun.net.httpserver.HttpServer server;
        private final java.util.concurrent.atomic.AtomicReference<ReferenceExternalSigner> signer =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();

        public Tool() throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::answer);
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** The key the tool signs with from now on; null for no tool at all. */
        public void use(ReferenceExternalSigner key) {
            signer.set(key);
        }

        @Override
        public void close() {
            server.stop(0);
        }

        private void answer(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
            try (exchange) {
                ReferenceExternalSigner key = signer.get();
                if (key == null) {
                    return; // closed without an answer: the browser sees a network error
                }
                var headers = exchange.getResponseHeaders();
                String origin = exchange.getRequestHeaders().getFirst("Origin");
                headers.add("Access-Control-Allow-Origin", origin == null ? "*" : origin);
                headers.add("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
                headers.add("Access-Control-Allow-Headers", "Content-Type");
                headers.add("Access-Control-Allow-Private-Network", "true");
                headers.add("Vary", "Origin");
                String path = exchange.getRequestURI().getPath();
                String method = exchange.getRequestMethod();
                if (method.equals("OPTIONS")) {
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                Object body;
                int status = 200;
                try {
                    if (method.equals("GET") && path.equals("/certificates")) {
                        body = java.util.Map.of("certificates", key.chainBase64());
                    } else if (method.equals("POST") && path.equals("/sign")) {
                        var request = json.readTree(exchange.getRequestBody());
                        byte[] data = Base64.getDecoder()
                                .decode(request.get("dataToSign").asString());
                        body = java.util.Map.of(
                                "signatureValue",
                                Base64.getEncoder()
                                        .encodeToString(key.sign(
                                                data, request.get("scheme").asString())));
                    } else {
                        status = 404;
                        body = java.util.Map.of("message", "no such call");
                    }
                } catch (Exception e) {
                    status = 400;
                    body = java.util.Map.of("message", "the tool could not sign: " + e.getMessage());
                }
                byte[] bytes = json.writeValueAsBytes(body);
                headers.add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}
