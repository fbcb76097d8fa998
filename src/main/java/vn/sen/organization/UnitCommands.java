package vn.sen.organization;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.sen.shared.Command;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/** {@code sen units import FILE.csv}. */
@Component
class UnitCommands implements Command {

    private final UnitImport unitImport;
    private final MessageSource messages;

    UnitCommands(UnitImport unitImport, MessageSource messages) {
        this.unitImport = unitImport;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "units import";
    }

    @Override
    public String usage() {
        return "FILE.csv — columns code,name,short_name,kind,parent_code,axis_code";
    }

    @Override
    public int run(List<String> args, PrintWriter out) {
        if (args.size() != 1) {
            throw new CommandException("usage: units import FILE.csv");
        }
        Path file = Path.of(args.getFirst());
        UnitImport.Result result;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            result = unitImport.run(
                    UserScope.system(), reader, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new CommandException("no such file: " + file);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        } catch (RuleViolation e) {
            throw new CommandException(messages.getMessage(e.code(), e.args(), e.code(), Locale.ENGLISH));
        }
        result.errors()
                .forEach(error -> out.printf(
                        "line %d: %s%n",
                        error.line(), messages.getMessage(error.code(), error.args(), error.code(), Locale.ENGLISH)));
        out.printf(
                "{\"imported\":%d,\"errors\":%d}%n",
                result.imported(), result.errors().size());
        return result.errors().isEmpty() ? 0 : 2;
    }
}
