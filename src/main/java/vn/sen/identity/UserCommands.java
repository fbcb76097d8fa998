package vn.sen.identity;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.sen.shared.Command;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * {@code sen users import FILE.csv}: officers and accounts from CSV. Temporary passwords go to
 * {@code FILE-passwords.csv}, readable by the owner only, never to the terminal.
 */
@Component
class UserCommands implements Command {

    private final UserImport userImport;
    private final MessageSource messages;

    UserCommands(UserImport userImport, MessageSource messages) {
        this.userImport = userImport;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "users import";
    }

    @Override
    public String usage() {
        return "FILE.csv — columns username,full_name,email,phone,unit_code,position,roles,account_class";
    }

    @Override
    public int run(List<String> args, PrintWriter out) {
        if (args.size() != 1) {
            throw new CommandException("usage: users import FILE.csv");
        }
        Path file = Path.of(args.getFirst());
        UserImport.Result result;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            result = userImport.run(
                    UserScope.system(), reader, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new CommandException("no such file: " + file);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        } catch (RuleViolation e) {
            throw new CommandException(text(e.code(), e.args()));
        }
        if (!result.errors().isEmpty()) {
            result.errors()
                    .forEach(error -> out.printf("line %d: %s%n", error.line(), text(error.code(), error.args())));
            out.printf("{\"imported\":0,\"errors\":%d}%n", result.errors().size());
            return 2;
        }
        Path passwords =
                file.resolveSibling(file.getFileName().toString().replaceFirst("(\\.csv)?$", "-passwords.csv"));
        try {
            var lines = new StringBuilder("username,temporary_password\n");
            result.imported()
                    .forEach(a -> lines.append(a.username())
                            .append(',')
                            .append(a.temporaryPassword())
                            .append('\n'));
            Files.writeString(passwords, lines, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new CommandException("imported, but could not write " + passwords + ": " + e.getMessage());
        }
        out.printf(
                "{\"imported\":%d,\"errors\":0,\"passwords\":\"%s\"}%n",
                result.imported().size(), passwords);
        return 0;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, Locale.ENGLISH);
    }
}
