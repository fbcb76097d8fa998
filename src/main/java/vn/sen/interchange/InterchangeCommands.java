package vn.sen.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.shared.Command;
import vn.sen.shared.RuleViolation;
import vn.sen.signing.SignatureDevice;

/**
 * {@code sen edxml inspect FILE}: the message read as Sen reads it, printed as JSON — every header
 * field, the trace with its business type, the status, the signature's verification, and each
 * attachment's name, type, size and SHA-256; a message Sen cannot read exits 2 with the reason on one
 * line. {@code sen edxml build ID FILE}: the message of a released outgoing document, for debugging.
 */
@Configuration
@EnableConfigurationProperties(InterchangeProperties.class)
class InterchangeCommands {

    /** What {@code sen edxml inspect} prints. */
    record Inspection(
            String file, String kind, Signature signature, Edxml.Message message, List<Attachment> attachments) {}

    /** The message's signature: valid or why not, the algorithm, the signer's certificate subject. */
    record Signature(boolean valid, String algorithm, String signer, String problem) {}

    record Attachment(String contentId, String name, String contentType, long size, String sha256, boolean unzipped) {}

    /** What {@code sen edxml build} prints. */
    record Built(
            String file,
            String documentId,
            List<String> recipients,
            List<String> attachments,
            long size,
            boolean signed) {}

    @Bean
    Command edxmlInspectCommand(JsonMapper json, InterchangeProperties properties) {
        return new Command() {
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
                Path file = Command.existingFile(args, "edxml inspect FILE");
                EdxmlReader reader = new EdxmlReader(EdxmlReader.Limits.DEFAULT, properties.temporary());
                try (InputStream in = Files.newInputStream(file);
                        EdxmlReader.Read read = reader.read(in)) {
                    out.println(json.writeValueAsString(inspection(file, read)));
                    return 0;
                } catch (EdxmlException e) {
                    throw new CommandException(e.getMessage());
                } catch (IOException e) {
                    throw new CommandException("cannot read " + file + ": " + e.getMessage());
                }
            }
        };
    }

    @Bean
    Command edxmlBuildCommand(
            JsonMapper json,
            OutgoingMessages messages,
            InterchangeProperties properties,
            MessageSource text,
            Clock clock) {
        return new Command() {
            @Override
            public String name() {
                return "edxml build";
            }

            @Override
            public String usage() {
                return "ID FILE — write the edXML message of released outgoing document ID to its outside recipients";
            }

            @Override
            public int run(List<String> args, PrintWriter out) {
                if (args.size() != 2 || !args.getFirst().matches("\\d{1,18}")) {
                    throw new CommandException("usage: edxml build ID FILE");
                }
                Path file = Path.of(args.get(1));
                OutgoingMessages.Built built;
                try {
                    built = messages.build(
                            Long.parseLong(args.getFirst()),
                            List.of(),
                            Edxml.Staff.NONE,
                            LocalDateTime.now(clock)); // the clock runs in Vietnam time, as edXML writes it
                } catch (RuleViolation e) {
                    throw new CommandException(text.getMessage(e.code(), e.args(), e.code(), Locale.ENGLISH));
                }
                try (OutputStream stream = Files.newOutputStream(file);
                        SignatureDevice device = properties.openKey()) {
                    new EdxmlWriter()
                            .write(
                                    built.message(),
                                    built.attachments(),
                                    stream,
                                    device == null ? null : XmlSignatures.Signer.of(device));
                } catch (IOException e) {
                    throw new CommandException("cannot write " + file + ": " + e.getMessage());
                }
                try {
                    out.println(json.writeValueAsString(new Built(
                            file.toString(),
                            built.message().header().documentId(),
                            built.message().header().to().stream()
                                    .map(Edxml.Organ::organId)
                                    .toList(),
                            built.attachments().stream()
                                    .map(EdxmlWriter.Outgoing::name)
                                    .toList(),
                            Files.size(file),
                            properties.signs())));
                } catch (IOException e) {
                    throw new CommandException("cannot read " + file + ": " + e.getMessage());
                }
                return 0;
            }
        };
    }

    /** What {@code sen hub member} prints: the secret is shown once, to give to the member's operators. */
    record Member(String systemId, String name, String secret, List<String> organs) {}

    @Bean
    Command hubMemberCommand(JsonMapper json, Hub hub) {
        return new Command() {
            @Override
            public String name() {
                return "hub member";
            }

            @Override
            public String usage() {
                return "SYSTEM_ID NAME ORGAN_CODE... — let a system exchange through this hub for those codes;"
                        + " prints its new secret";
            }

            @Override
            public int run(List<String> args, PrintWriter out) {
                if (args.size() < 3) {
                    throw new CommandException("usage: hub member SYSTEM_ID NAME ORGAN_CODE...");
                }
                List<String> organs = args.subList(2, args.size());
                String secret;
                try {
                    secret = hub.admit(args.getFirst(), args.get(1), organs);
                } catch (IllegalArgumentException e) {
                    throw new CommandException(e.getMessage());
                }
                out.println(json.writeValueAsString(new Member(args.getFirst(), args.get(1), secret, organs)));
                return 0;
            }
        };
    }

    static Inspection inspection(Path file, EdxmlReader.Read read) {
        return new Inspection(
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
                        .toList());
    }
}
