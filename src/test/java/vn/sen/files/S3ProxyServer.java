package vn.sen.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real S3Proxy (filesystem backend) in its own process on a free loopback port: the jar is put in
 * {@code target/s3proxy} by the build, so its Jetty never meets Sen's classpath.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String ACCESS_KEY = "sen-test";
    static final String SECRET_KEY = "sen-test-secret";

    private final Process process;
    private final int port;
    private final Path data;

    private S3ProxyServer(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    static S3ProxyServer start() {
        try {
            Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run the tests through Maven");
            }
            Path data = Files.createTempDirectory("s3proxy-");
            Path objects = Files.createDirectories(data.resolve("objects"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path settings = data.resolve("s3proxy.properties");
            Files.writeString(settings, """
                    s3proxy.endpoint=http://127.0.0.1:%d
                    s3proxy.authorization=aws-v2-or-v4
                    s3proxy.identity=%s
                    s3proxy.credential=%s
                    jclouds.provider=filesystem
                    jclouds.filesystem.basedir=%s
                    """.formatted(port, ACCESS_KEY, SECRET_KEY, objects));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            List.of(java, "-Xmx256m", "-jar", jar.toString(), "--properties", settings.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("s3proxy.log").toFile())
                    .start();
            S3ProxyServer server = new S3ProxyServer(process, port, data);
            server.awaitListening(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the filesystem backend keeps the objects of {@code bucket}. */
    Path bucketDir(String bucket) {
        return data.resolve("objects").resolve(bucket);
    }

    private void awaitListening(Duration limit) throws IOException {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(data.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen within " + limit);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
