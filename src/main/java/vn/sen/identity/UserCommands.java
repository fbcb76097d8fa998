package vn.sen.identity;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.sen.shared.CsvImportCommand;
import vn.sen.shared.CsvTable.RowError;
import vn.sen.shared.UserScope;

/**
 * {@code sen users import FILE.csv}: officers and accounts from CSV. Temporary passwords go to
 * {@code FILE-passwords.csv}, readable by the owner only, never to the terminal.
 */
@Component
class UserCommands extends CsvImportCommand<UserImport.Result> {

    private final UserImport userImport;

    UserCommands(UserImport userImport, MessageSource messages) {
        super(messages);
        this.userImport = userImport;
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
    protected UserImport.Result importFrom(Reader reader, String source) throws IOException {
        return userImport.run(UserScope.system(), reader, source);
    }

    @Override
    protected List<RowError> errors(UserImport.Result result) {
        return result.errors();
    }

    @Override
    protected void reportSuccess(UserImport.Result result, Path file, PrintWriter out) {
        Path passwords =
                file.resolveSibling(file.getFileName().toString().replaceFirst("(\\.csv)?$", "-passwords.csv"));
        try {
            var lines = new StringBuilder("username,temporary_password\n");
            result.imported()
                    .forEach(a -> lines.append(a.username())
                            .append(',')
                            .append(a.temporaryPassword())
                            .append('\n'));
            // created owner-only before anything is written, so the passwords are never readable by others
            Files.deleteIfExists(passwords);
            Files.createFile(
                    passwords, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwords, lines, StandardCharsets.UTF_8);
        } catch (IOException | UnsupportedOperationException e) {
            throw new CommandException("imported, but could not write " + passwords + ": " + e.getMessage());
        }
        out.printf(
                "{\"imported\":%d,\"errors\":0,\"passwords\":\"%s\"}%n",
                result.imported().size(), passwords);
    }
}
