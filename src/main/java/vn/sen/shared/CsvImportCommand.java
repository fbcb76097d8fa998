package vn.sen.shared;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import vn.sen.shared.CsvTable.RowError;

/**
 * A {@code <what> import FILE.csv} command: reads the file, runs the all-or-nothing import as the
 * installation, prints every rejected row as {@code line N: reason} and exits 2 when any was rejected.
 */
public abstract class CsvImportCommand<R> implements Command {

    private final MessageSource messages;

    protected CsvImportCommand(MessageSource messages) {
        this.messages = messages;
    }

    /** Runs the import; throws {@link RuleViolation} for a file that cannot be read as a table. */
    protected abstract R importFrom(Reader reader, String source) throws IOException;

    protected abstract List<RowError> errors(R result);

    /** Prints the outcome of a successful import (one JSON line). */
    protected abstract void reportSuccess(R result, Path file, PrintWriter out);

    @Override
    public final int run(List<String> args, PrintWriter out) {
        if (args.size() != 1) {
            throw new CommandException("usage: " + name() + " FILE.csv");
        }
        Path file = Path.of(args.getFirst());
        R result;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            result = importFrom(reader, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new CommandException("no such file: " + file);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        } catch (RuleViolation e) {
            throw new CommandException(text(e.code(), e.args()));
        }
        List<RowError> errors = errors(result);
        if (!errors.isEmpty()) {
            errors.forEach(error -> out.printf("line %d: %s%n", error.line(), text(error.code(), error.args())));
            out.printf("{\"imported\":0,\"errors\":%d}%n", errors.size());
            return 2;
        }
        reportSuccess(result, file, out);
        return 0;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, Locale.ENGLISH);
    }
}
