package vn.sen;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;

/**
 * Embedded PostgreSQL 17 for the default run and the tests, used unless {@code spring.datasource.url}
 * (e.g. {@code SPRING_DATASOURCE_URL}) names an external server.
 *
 * <p>With {@code sen.embedded-db.dir} set, data lives there and survives restarts; when a Sen process
 * already runs a server on that directory, this one connects to it instead of starting a second one,
 * so operational commands work next to the running application. Without the directory (tests), a
 * throw-away server is started.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "sen";

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(
            @Value("${sen.embedded-db.dir:}") String dir,
            @Value("${sen.embedded-db.memory-share:0.25}") double memoryShare)
            throws IOException {
        // The server is stopped when the context closes, after everything that still uses it; the
        // library's own JVM shutdown hook would stop it meanwhile and leave closing beans (the event
        // publication registry) waiting for a connection until the pool's 30-s timeout.
        if (dir.isBlank()) {
            return new EmbeddedServer(
                    EmbeddedPostgres.builder().setRegisterShutdownHook(false).start(), null);
        }
        Path dataDir = Path.of(dir).toAbsolutePath();
        Optional<Integer> running = runningServerPort(dataDir);
        if (running.isPresent()) {
            log.info("Using the PostgreSQL already running on {} (port {})", dataDir, running.get());
            return new EmbeddedServer(null, running.get());
        }
        Files.createDirectories(dataDir.getParent());
        // The library's defaults trade durability for test speed (fsync off); data meant to survive
        // restarts — and power cuts — needs it back on.
        var server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // PostgreSQL's own defaults (128 MB of buffers) suit a laptop demo, not a province's
                // millions of documents: the usual quarter of the machine's memory, at most 8 GB.
                .setServerConfig("shared_buffers", megabytes(memoryShare, 128, 8192) + "MB")
                .setServerConfig("effective_cache_size", megabytes(2 * memoryShare, 512, 32768) + "MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .start();
        log.info("Embedded PostgreSQL 17 started on port {} with data in {}", server.getPort(), dataDir);
        return new EmbeddedServer(server, null);
    }

    @Bean
    DataSource dataSource(EmbeddedServer server, @Value("${sen.embedded-db.pool-size:20}") int poolSize)
            throws SQLException {
        String base = "jdbc:postgresql://localhost:" + server.port() + "/";
        try (var connection = DriverManager.getConnection(base + "postgres", "postgres", "postgres");
                var statement = connection.createStatement();
                var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        }
        var config = new HikariConfig();
        config.setJdbcUrl(base + DATABASE);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("sen-embedded");
        return new HikariDataSource(config);
    }

    /** {@code share} of the machine's memory in megabytes, within [{@code min}, {@code max}]. */
    static long megabytes(double share, long min, long max) {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Math.clamp((long) (total * share) / (1024 * 1024), min, max);
    }

    /** Port of a live postmaster on {@code dataDir}, read from its {@code postmaster.pid}. */
    static Optional<Integer> runningServerPort(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }

    /** The server this process started (closed with the context), or one started by another process. */
    record EmbeddedServer(EmbeddedPostgres owned, Integer foreignPort) implements AutoCloseable {

        int port() {
            return owned != null ? owned.getPort() : foreignPort;
        }

        @Override
        public void close() throws IOException {
            if (owned != null) {
                owned.close();
            }
        }
    }
}
