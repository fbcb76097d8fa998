package vn.sen.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void without_a_second_factor_fourteen_characters_of_four_classes_are_needed() {
        assertThat(PasswordPolicy.violations("Abcdefgh1234!", "someone", false))
                .containsExactly("password.error.length");
        assertThat(PasswordPolicy.violations("abcdefgh1234!x", "someone", false))
                .containsExactly("password.error.classes");
        assertThat(PasswordPolicy.violations("Abcdefgh1234!x", "someone", false))
                .isEmpty();
        assertThat(PasswordPolicy.violations("Mật-khẩu-Tốt-2026!", "someone", false))
                .isEmpty();
    }

    @Test
    void with_a_second_factor_eight_characters_are_enough() {
        assertThat(PasswordPolicy.violations("abcdefgh", "someone", true)).isEmpty();
        assertThat(PasswordPolicy.violations("abcdefg", "someone", true)).containsExactly("password.error.length-mfa");
    }

    @Test
    void the_password_may_not_contain_the_user_name() {
        assertThat(PasswordPolicy.violations("Xx-chutich-2026!", "chutich", false))
                .containsExactly("password.error.username");
    }

    @Test
    void temporary_passwords_meet_the_policy() {
        for (int i = 0; i < 2_000; i++) { // a two-letter user name turns up in random passwords now and then
            assertThat(PasswordPolicy.violations(Accounts.temporaryPassword("ab"), "ab", false))
                    .isEmpty();
        }
    }

    @Test
    void totp_matches_the_rfc_6238_test_vector() {
        // RFC 6238 appendix B, SHA-1 seed "12345678901234567890": 94287082 at T=59 s, 6 digits → 287082.
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.verify(secret, "287082", Instant.ofEpochSecond(59), null))
                .hasValue(1);
        assertThat(Totp.verify(secret, "287082", Instant.ofEpochSecond(59), 1L)).isEmpty();
        assertThat(Totp.verify(secret, "28708", Instant.ofEpochSecond(59), null))
                .isEmpty();
    }
}
