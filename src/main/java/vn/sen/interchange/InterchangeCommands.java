package vn.sen.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.shared.Command;

/**
 * {@code sen edxml inspect FILE}: the message read as Sen reads it, printed as JSON — every header
 * field, the trace with its business type, the status, the signature's verification, and each
 * attachment's name, type, size and SHA-256; a message Sen cannot read exits 2 with the reason on one
 * line.
 */
@Component
class InterchangeCommands implements Command {

    /** What {@code sen edxml inspect} prints. */
    record Inspection(
            String file, String kind, Signature signature, Edxml.Message message, List<Attachment> attachments) {}

    /** The message's signature: valid or why not, the algorithm, the signer's certificate subject. */
    record Signature(boolean valid, String algorithm, String signer, String problem) {}

    record Attachment(String contentId, String name, String contentType, long size, String sha256, boolean unzipped) {}

    private final JsonMapper json;

    InterchangeCommands(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return "edxml inspect";
    }

    @Override
    public String usage() {
        return "FILE — read an edXML message; print it as JSON (exit 2 with the reason if it cannot be read)";
    }

    @Override
    public int run(List<String> args, PrintWriter out) {
        if (args.size() != 1) {
            throw new CommandException("usage: edxml inspect FILE");
        }
        Path file = Path.of(args.getFirst());
        if (!Files.isRegularFile(file)) {
            throw new CommandException("no such file: " + file);
        }
        EdxmlReader reader =
                new EdxmlReader(EdxmlReader.Limits.DEFAULT, Path.of(System.getProperty("java.io.tmpdir"), "sen-edxml"));
        try (InputStream in = Files.newInputStream(file);
                EdxmlReader.Read read = reader.read(in)) {
            out.println(json.writeValueAsString(new Inspection(
                    file.getFileName().toString(),
                    read.message() instanceof Edxml.StatusMessage ? "status" : "document",
                    read.signed()
                            ? new Signature(
                                    read.signature().valid(),
                                    read.signature().algorithm(),
                                    read.signature().signer(),
                                    read.signature().problem())
                            : null,
                    read.message(),
                    read.attachments().stream()
                            .map(a -> new Attachment(
                                    a.contentId(), a.name(), a.contentType(), a.size(), a.sha256(), a.unzipped()))
                            .toList())));
            return 0;
        } catch (EdxmlException e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
