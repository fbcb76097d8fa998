package vn.sen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code java -jar sen.jar <command>}: results on standard output, bad input as one line and exit 2. */
class CommandLineTest {

    record Outcome(int exit, String out, String err) {}

    private static Outcome run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            var all = new java.util.ArrayList<>(java.util.List.of(args));
            all.add("--sen.embedded-db.dir=");
            all.add("--sen.security.data-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=");
            int exit = CommandLineMode.run(all.toArray(String[]::new));
            return new Outcome(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void an_unknown_command_lists_the_commands_and_exits_2() {
        var outcome = run("frobnicate");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err())
                .contains("Unknown command: frobnicate")
                .contains("audit verify")
                .contains("users import");
    }

    @Test
    void help_lists_every_command() {
        var outcome = run("help");
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out()).contains("demo-data", "audit verify", "users import", "units import");
    }

    @Test
    void bad_arguments_get_one_line_and_no_stack_trace() {
        var outcome = run("demo-data", "--scale", "many");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err().strip()).isEqualTo("sen: --scale needs a whole number, not 'many'");
    }

    @Test
    void audit_verify_on_a_fresh_database_is_intact() {
        var outcome = run("audit", "verify");
        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("{\"intact\":true");
    }
}
