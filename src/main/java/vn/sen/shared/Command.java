package vn.sen.shared;

import java.io.PrintWriter;
import java.util.List;

/**
 * Operational subcommand (lệnh vận hành) run as {@code java -jar sen.jar <name> [args]}.
 *
 * <p>Modules contribute commands as beans. A command prints its result (JSON where a machine will read
 * it) and returns the process exit code; bad input is reported by throwing {@link CommandException},
 * which the launcher prints as one line.
 */
public interface Command {

    /** Words that select the command, e.g. {@code "audit verify"}. */
    String name();

    /** One line describing arguments, shown by {@code help}. */
    String usage();

    int run(List<String> args, PrintWriter out);

    /** The one argument, a file that exists; else the usage or the missing file, on one line. */
    static java.nio.file.Path existingFile(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage);
        }
        java.nio.file.Path file = java.nio.file.Path.of(args.getFirst());
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new CommandException("no such file: " + file);
        }
        return file;
    }

    /** Bad input or a failed precondition: one line, no stack trace, exit code 2. */
    final class CommandException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CommandException(String message) {
            super(message);
        }
    }
}
