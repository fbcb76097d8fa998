package vn.sen.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.sen.shared.Command;

/**
 * Loads the demo province into an empty database on first start and prints how to sign in;
 * {@code sen demo-data [--scale N]} does the same from the command line.
 */
@Component
class DemoData implements Command {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoProvince province;
    private final vn.sen.documents.DemoDocuments documents;
    private final vn.sen.search.SearchFeeds search;
    private final boolean loadOnFirstStart;
    private final boolean commandLine;

    DemoData(
            DemoProvince province,
            vn.sen.documents.DemoDocuments documents,
            vn.sen.search.SearchFeeds search,
            @Value("${sen.demo.load-on-first-start:false}") boolean loadOnFirstStart,
            @Value("${sen.command-line:false}") boolean commandLine) {
        this.province = province;
        this.documents = documents;
        this.search = search;
        this.loadOnFirstStart = loadOnFirstStart;
        this.commandLine = commandLine;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (commandLine) {
            return;
        }
        if (loadOnFirstStart && province.databaseIsEmpty()) {
            log.info("Empty database: loading the demo province (about half a minute)…");
            var summary = province.build(0);
            log.info(
                    "Demo province loaded: {} units, {} officers, {} accounts",
                    summary.units(),
                    summary.officers(),
                    summary.accounts());
        }
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && province.present()) {
            int port = web.getWebServer().getPort();
            var banner = new StringBuilder("\n\n  Sen is running at http://localhost:" + port
                    + "/\n\n  Demo logins (password " + DemoProvince.DEMO_PASSWORD + "):\n");
            DemoProvince.DEMO_LOGINS.forEach(
                    login -> banner.append(String.format("    %-12s %s — %s%n", login[0], login[1], login[2])));
            log.info(banner.toString());
        }
    }

    @Override
    public String name() {
        return "demo-data";
    }

    @Override
    public String usage() {
        return "[--scale N] [--documents M] — build the demo province (into an empty database) with at least N"
                + " accounts and M incoming documents (with --documents, N defaults to 50000)";
    }

    @Override
    public int run(List<String> args, PrintWriter out) {
        Integer scale = null;
        long documentCount = 0;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (("--scale".equals(option) || "--documents".equals(option)) && i + 1 < args.size()) {
                long value;
                try {
                    value = Long.parseLong(args.get(++i));
                } catch (NumberFormatException e) {
                    throw new CommandException(option + " needs a whole number, not '" + args.get(i) + "'");
                }
                if ("--scale".equals(option)) {
                    if (value < 0 || value > 1_000_000) {
                        throw new CommandException("--scale must be between 0 and 1000000");
                    }
                    scale = (int) value;
                } else {
                    if (value < 0 || value > 10_000_000) {
                        throw new CommandException("--documents must be between 0 and 10000000");
                    }
                    documentCount = value;
                }
            } else {
                throw new CommandException(
                        "unknown argument '" + option + "'; usage: demo-data [--scale N] [--documents M]");
            }
        }
        if (scale == null) {
            scale = documentCount > 0 ? 50_000 : 0;
        }
        if (!province.databaseIsEmpty()) {
            throw new CommandException(
                    "the database already holds an organisation; demo data goes only into an empty one");
        }
        Instant start = Instant.now();
        var summary = province.build(scale);
        long generated = 0;
        if (documentCount > 0) {
            long total = documentCount;
            var made = documents.generate(total, done -> log.info("Documents: {} of {}", done, total));
            search.indexIncoming(
                    made.firstId(),
                    made.lastId(),
                    last -> log.info("Search index: {} of {}", last - made.firstId() + 1, total));
            generated = made.documents();
        }
        out.printf(
                "{\"units\":%d,\"officers\":%d,\"accounts\":%d,\"documents\":%d,\"seconds\":%.1f}%n",
                summary.units(),
                summary.officers(),
                summary.accounts(),
                generated,
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
        return 0;
    }
}
