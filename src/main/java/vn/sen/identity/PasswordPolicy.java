package vn.sen.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Password policy (chính sách mật khẩu) of a level-3 system: at least 14 characters of all four
 * classes without a second factor, at least 8 with one; not the user name; none of the last 10.
 */
final class PasswordPolicy {

    static final int HISTORY = 10;
    static final int MIN_WITHOUT_MFA = 14;
    static final int MIN_WITH_MFA = 8;

    private PasswordPolicy() {}

    /** Message keys of the rules {@code password} breaks; empty when it is acceptable. */
    static List<String> violations(String password, String username, boolean secondFactor) {
        var problems = new ArrayList<String>();
        int min = secondFactor ? MIN_WITH_MFA : MIN_WITHOUT_MFA;
        if (password.codePointCount(0, password.length()) < min) {
            problems.add(secondFactor ? "password.error.length-mfa" : "password.error.length");
        }
        if (!secondFactor && classes(password) < 4) {
            problems.add("password.error.classes");
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("password.error.username");
        }
        return problems;
    }

    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
            i += Character.charCount(c);
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
