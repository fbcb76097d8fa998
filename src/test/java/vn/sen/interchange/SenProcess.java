package vn.sen.interchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Sen installation in a process of its own, on {@code port}, with its data (embedded PostgreSQL,
 * files, data key) under {@code dir} — so that it can be killed with SIGKILL (kill -9) at any point and
 * started again on the same data. PostgreSQL outlives the killed JVM, as a database server does; the next
 * start connects to it.
 */
final class SenProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final List<String> settings;
    private Process process;
    private int starts;

    SenProcess(Path dir, int port, List<String> settings) {
        this.dir = dir;
        this.port = port;
        this.settings = List.copyOf(settings);
    }

    /** The settings that keep an installation's data under {@code dir}, for a process or a context. */
    static List<String> dataUnder(Path dir) {
        return List.of(
                "--sen.embedded-db.dir=" + dir.resolve("postgres"),
                "--sen.files.dir=" + dir.resolve("files"),
                "--sen.security.data-key-file=" + dir.resolve("sen.key"));
    }

    /** Starts the process and waits until it is ready to serve. */
    SenProcess start() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "vn.sen.SenApplication",
                "--spring.profiles.active=test",
                "--spring.main.banner-mode=off",
                "--server.port=" + port));
        command.addAll(dataUnder(dir));
        command.addAll(settings);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sen-" + (++starts) + ".log").toFile())
                .start();
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    /** kill -9: the JVM stops where it is, with no shutdown of any kind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A connection to the installation's database (its PostgreSQL keeps running between starts). */
    Connection database() throws SQLException {
        int postgres = postmaster().map(p -> p.port).orElseThrow(() -> new IllegalStateException("no database"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres + "/sen", "postgres", "postgres");
    }

    /** Stops the process, then its database server. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        Optional<ProcessHandle> server = postmaster().flatMap(p -> ProcessHandle.of(p.pid));
        if (server.isPresent()) {
            server.get().destroy(); // SIGTERM: PostgreSQL shuts down cleanly
            server.get().onExit().join();
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Sen on port " + port + " stopped; see " + dir);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Sen on port " + port + " not ready after " + timeout);
    }

    private record Postmaster(long pid, int port) {}

    /** The PostgreSQL server running on the installation's data, from its {@code postmaster.pid}. */
    private Optional<Postmaster> postmaster() {
        Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return Optional.of(new Postmaster(
                    Long.parseLong(lines.get(0).strip()),
                    Integer.parseInt(lines.get(3).strip())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
