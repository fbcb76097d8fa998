package vn.sen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Sen on an external PostgreSQL (Debian's 15 in CI, started by {@code .ci/run}), selected the way an
 * operator does: {@code spring.datasource.url}. Runs the migrations, the demo province and the audit
 * verification against it through the command line.
 */
@EnabledIfEnvironmentVariable(named = "SEN_TEST_EXTERNAL_DB_URL", matches = ".+")
class ExternalPostgresTest {

    @Test
    void migrations_demo_data_and_audit_verification_work_on_an_external_server() throws Exception {
        String url = System.getenv("SEN_TEST_EXTERNAL_DB_URL");
        String[] connection = {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--sen.security.data-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE="
        };
        try (var db = DriverManager.getConnection(url, "postgres", "postgres")) {
            db.createStatement().execute("drop schema if exists organization, identity, audit, calendar cascade");
            db.createStatement()
                    .execute(
                            "drop table if exists public.flyway_schema_history, public.event_publication, public.event_publication_archive cascade");
            var version = db.createStatement().executeQuery("show server_version_num");
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(150000);
        }
        assertThat(run("demo-data", connection)).contains("\"accounts\":");
        assertThat(run("audit verify", connection)).contains("\"intact\":true");
    }

    private static String run(String command, String[] options) {
        var args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
        args.addAll(java.util.List.of(options));
        PrintStream original = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exit = CommandLineMode.run(args.toArray(String[]::new));
            assertThat(exit).as("exit code of %s", command).isZero();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
