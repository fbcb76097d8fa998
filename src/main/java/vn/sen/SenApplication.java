package vn.sen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Sen: electronic office, paperless meetings and task tracking for a Vietnamese province.
 *
 * <p>The same jar serves the web application and operational subcommands ({@code java -jar sen.jar
 * audit verify}); {@link CommandLineMode} decides which.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class SenApplication {

    public static void main(String[] args) {
        if (CommandLineMode.isCommand(args)) {
            System.exit(CommandLineMode.run(args));
        }
        SpringApplication.run(SenApplication.class, args);
    }
}
