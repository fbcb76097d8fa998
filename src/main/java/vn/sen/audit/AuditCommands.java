package vn.sen.audit;

import java.io.PrintWriter;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.sen.shared.Command;

/** {@code sen audit verify}: checks the whole hash chain and names the first bad record. */
@Component
class AuditCommands implements Command {

    private final AuditTrail trail;
    private final AuditSealer sealer;

    AuditCommands(AuditTrail trail, AuditSealer sealer) {
        this.trail = trail;
        this.sealer = sealer;
    }

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public String usage() {
        return "— check that no audit record was modified, deleted or reordered";
    }

    @Override
    public int run(List<String> args, PrintWriter out) {
        if (!args.isEmpty()) {
            throw new CommandException("audit verify takes no arguments");
        }
        sealer.flush();
        var result = trail.verify();
        if (result.intact()) {
            out.printf("{\"intact\":true,\"checked\":%d}%n", result.checked());
            return 0;
        }
        out.printf(
                "{\"intact\":false,\"checked\":%d,\"firstBadRecord\":%s,\"problem\":\"%s\"}%n",
                result.checked(), result.firstBadSeq(), result.problem());
        return 1;
    }
}
