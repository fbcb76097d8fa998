package vn.sen;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.sen.shared.Command;

/** Runs {@code java -jar sen.jar <command>}: the application context without the web server. */
final class CommandLineMode {

    private CommandLineMode() {}

    static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    static int run(String[] args) {
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SenApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.main.banner-mode=off",
                        "sen.command-line=true",
                        "logging.level.root=WARN",
                        "logging.level.vn.sen=WARN")
                .run(optionsOnly(args))) {
            List<Command> commands =
                    List.copyOf(context.getBeansOfType(Command.class).values());
            var words = Arrays.stream(args).filter(a -> !isSpringOption(a)).toList();
            if (words.equals(List.of("help"))) {
                printHelp(commands, out);
                return 0;
            }
            Optional<Command> command = select(commands, words);
            if (command.isEmpty()) {
                err.println("Unknown command: " + String.join(" ", words));
                printHelp(commands, err);
                return 2;
            }
            var rest = words.subList(command.get().name().split(" ").length, words.size());
            return command.get().run(rest, out);
        } catch (Command.CommandException e) {
            err.println("sen: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("sen: " + rootMessage(e));
            return 1;
        }
    }

    static Optional<Command> select(List<Command> commands, List<String> words) {
        return commands.stream()
                .filter(c -> startsWith(words, List.of(c.name().split(" "))))
                .max(Comparator.comparingInt(c -> c.name().length()));
    }

    private static boolean startsWith(List<String> words, List<String> prefix) {
        return words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix);
    }

    /** {@code --spring.x=y} and {@code --sen.x=y} configure the application; everything else is the command's. */
    private static boolean isSpringOption(String arg) {
        return (arg.startsWith("--spring.") || arg.startsWith("--sen.") || arg.startsWith("--logging."))
                && arg.contains("=");
    }

    private static String[] optionsOnly(String[] args) {
        return Arrays.stream(args).filter(CommandLineMode::isSpringOption).toArray(String[]::new);
    }

    private static void printHelp(List<Command> commands, PrintWriter err) {
        err.println("Commands:");
        commands.stream()
                .sorted(Comparator.comparing(Command::name))
                .forEach(c -> err.println("  " + c.name() + " " + c.usage()));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
