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
 * {@code sen hub member}: admits a system to this hub. {@code sen directory sync|replace|show}: the agency
 * directory.
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

    /** What {@code sen directory sync} prints. */
    record Synced(String source, long version, int added, int changed, int deleted) {}

    @Bean
    Command directorySyncCommand(JsonMapper json, DirectorySync sync, AgencyDirectory directory) {
        return new Command() {
            @Override
            public String name() {
                return "directory sync";
            }

            @Override
            public String usage() {
                return "— bring the agency directory up to date from the hub (what changed since the last time)";
            }

            @Override
            public int run(List<String> args, PrintWriter out) {
                if (!sync.connected()) {
                    throw new CommandException(
                            "not connected to a hub: set sen.interchange.hub-url, system-id, secret");
                }
                AgencyDirectory.Changes changes;
                try {
                    changes = sync.sync();
                } catch (Transport.TransportException e) {
                    throw new CommandException(e.getMessage());
                }
                out.println(json.writeValueAsString(new Synced(
                        sync.source(),
                        directory.syncedVersion(sync.source()),
                        changes.added(),
                        changes.changed(),
                        changes.deleted())));
                return 0;
            }
        };
    }

    @Bean
    Command directoryReplaceCommand(JsonMapper json, AgencyDirectory directory) {
        return new Command() {
            @Override
            public String name() {
                return "directory replace";
            }

            @Override
            public String usage() {
                return "OLD_CODE NEW_CODE YYYY-MM-DD [NEW_NAME] — a merger: OLD_CODE closes the day before and"
                        + " resolves to NEW_CODE";
            }

            @Override
            public int run(List<String> args, PrintWriter out) {
                if (args.size() < 3 || args.size() > 4) {
                    throw new CommandException("usage: directory replace OLD_CODE NEW_CODE YYYY-MM-DD [NEW_NAME]");
                }
                java.time.LocalDate from = EdxmlMapping.day(args.get(2))
                        .orElseThrow(() -> new CommandException("'" + args.get(2) + "' is not a date (YYYY-MM-DD)"));
                try {
                    directory.replace(args.get(0), args.get(1), args.size() == 4 ? args.get(3) : null, from);
                } catch (IllegalArgumentException e) {
                    throw new CommandException(e.getMessage());
                }
                out.println(json.writeValueAsString(directory.find(args.get(0)).orElseThrow()));
                return 0;
            }
        };
    }

    /** What {@code sen directory show} prints: the entry, today's agency for it, the codes it replaced. */
    record Shown(AgencyDirectory.Agency agency, AgencyDirectory.Agency current, List<String> formerCodes) {}

    @Bean
    Command directoryShowCommand(JsonMapper json, AgencyDirectory directory) {
        return new Command() {
            @Override
            public String name() {
                return "directory show";
            }

            @Override
            public String usage() {
                return "CODE — an agency of the directory, today's agency for its code, the codes it replaced";
            }

            @Override
            public int run(List<String> args, PrintWriter out) {
                if (args.size() != 1) {
                    throw new CommandException("usage: directory show CODE");
                }
                AgencyDirectory.Agency agency = directory
                        .find(args.getFirst())
                        .orElseThrow(() -> new CommandException("no agency " + args.getFirst() + " in the directory"));
                out.println(json.writeValueAsString(new Shown(
                        agency, directory.current(agency.code()).orElse(null), directory.formerCodes(agency.code()))));
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
