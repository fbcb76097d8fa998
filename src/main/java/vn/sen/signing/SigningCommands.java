package vn.sen.signing;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.shared.Command;
import vn.sen.shared.RuleViolation;

/**
 * {@code sen verify FILE.pdf} (the validation report as JSON; exit 0 when every signature is valid, 1
 * otherwise) and {@code sen trust import FILE} / {@code sen trust list} (the trust anchors).
 */
@Configuration
class SigningCommands {

    @Bean
    Command verifyCommand(PdfValidation validation, JsonMapper json, MessageSource messages) {
        return new Command() {
            @Override
            public String name() {
                return "verify";
            }

            @Override
            public String usage() {
                return "FILE.pdf — validate the PDF's signatures; the report as JSON (exit 0: all valid, 1: not)";
            }

            @Override
            public int run(List<String> args, PrintWriter out) {
                Path file = Command.existingFile(args, "verify FILE.pdf");
                SignatureReport report = refusedAsOneLine(() -> validation.validate(file), messages);
                out.println(json.writeValueAsString(new VerifyOutput(
                        file.getFileName().toString(),
                        report.signed(),
                        report.valid(),
                        report.signatures().stream()
                                .map(c -> new VerifyOutput.Signature(c, text(messages, c.reason())))
                                .toList())));
                return report.valid() ? 0 : 1;
            }
        };
    }

    @Bean
    Command trustImportCommand(TrustAnchors anchors, JsonMapper json, MessageSource messages) {
        return new Command() {
            @Override
            public String name() {
                return "trust import";
            }

            @Override
            public String usage() {
                return "FILE — trust the certificates in FILE (DER, PEM or .p7b): roots of Ban Cơ yếu, NEAC…";
            }

            @Override
            public int run(List<String> args, PrintWriter out) {
                Path file = Command.existingFile(args, "trust import FILE");
                byte[] data;
                try {
                    data = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new CommandException("cannot read " + file + ": " + e.getMessage());
                }
                out.println(json.writeValueAsString(
                        refusedAsOneLine(() -> anchors.importCertificates(data, "command line"), messages)));
                return 0;
            }
        };
    }

    @Bean
    Command trustListCommand(TrustAnchors anchors, JsonMapper json) {
        return new Command() {
            @Override
            public String name() {
                return "trust list";
            }

            @Override
            public String usage() {
                return "— the trust anchors, as JSON";
            }

            @Override
            public int run(List<String> args, PrintWriter out) {
                if (!args.isEmpty()) {
                    throw new CommandException("trust list takes no arguments");
                }
                out.println(json.writeValueAsString(anchors.list()));
                return 0;
            }
        };
    }

    /** What {@code sen verify} prints. */
    record VerifyOutput(String file, boolean signed, boolean valid, List<Signature> signatures) {
        record Signature(
                @com.fasterxml.jackson.annotation.JsonUnwrapped
                SignatureReport.Check check,

                String explanation) {}
    }

    private static <T> T refusedAsOneLine(java.util.function.Supplier<T> action, MessageSource messages) {
        try {
            return action.get();
        } catch (RuleViolation e) {
            throw new Command.CommandException(
                    messages.getMessage(e.code(), e.args(), e.code(), java.util.Locale.ENGLISH));
        }
    }

    private static String text(MessageSource messages, String key) {
        return messages.getMessage(key, null, key, java.util.Locale.forLanguageTag("vi"));
    }
}
