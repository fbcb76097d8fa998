package vn.sen.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese text folding (bỏ dấu): "Quyết định" and "quyet dinh" fold alike, as users type with or
 * without diacritics. Same rule as the database's {@code organization.fold()}.
 */
public final class VietnameseText {

    private VietnameseText() {}

    /**
     * Lower case without diacritics, đ → d. One character in, one character out for text in NFC (as
     * Vietnamese input is), so positions found in the folded text are positions in the original.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'đ' || c == 'Đ') {
                folded.append('d');
            } else if (c < 128) {
                folded.append(Character.toLowerCase(c));
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT);
                folded.append(base.length() == 1 ? base.charAt(0) : c);
            }
        }
        return folded.toString();
    }
}
