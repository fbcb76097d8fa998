package vn.sen.shared;

import java.io.Serial;

/**
 * A business rule refused the request. Carries a message key (with arguments) so the web layer can
 * show it in the user's language and the command line in one line.
 */
public class RuleViolation extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Object[] args;

    public RuleViolation(String code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + java.util.Arrays.toString(args)));
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
