package vn.sen.files;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import vn.sen.shared.RuleViolation;

/**
 * What a file is, judged by its first bytes rather than its name, and a name safe to store and send
 * back: no directories, no control characters, no hidden or relative names.
 */
final class FileTypes {

    /** Bytes read before deciding the type. */
    static final int HEAD = 1024;

    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("doc", "application/msword"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("zip", "application/zip"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain"));

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = HexFormat.of().parseHex("d0cf11e0a1b11ae1");
    private static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a");
    private static final byte[] JPEG = HexFormat.of().parseHex("ffd8ff");
    private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, 42};

    private FileTypes() {}

    /** The stored form of a user-supplied name; refuses names with nothing usable left. */
    static String safeName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}<>:\"|?*]", "")
                .strip();
        name = name.replaceFirst("^[.\\s]+", "");
        if (name.isEmpty() || !name.contains(".") || name.endsWith(".")) {
            throw new RuleViolation("files.error.name", original == null ? "" : original);
        }
        if (name.length() > 255) {
            String extension = name.substring(name.lastIndexOf('.'));
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name;
    }

    static String extension(String safeName) {
        return safeName.substring(safeName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** The media type of a file named {@code safeName} starting with {@code head}, or a refusal. */
    static String mediaType(String safeName, byte[] head, int length) {
        String extension = extension(safeName);
        byte[] start = Arrays.copyOf(head, length);
        boolean fits = switch (extension) {
            case "pdf" -> indexOf(start, PDF) >= 0;
            case "docx", "xlsx", "pptx", "odt", "ods", "zip" -> startsWith(start, ZIP);
            case "doc", "xls" -> startsWith(start, OLE);
            case "png" -> startsWith(start, PNG);
            case "jpg", "jpeg" -> startsWith(start, JPEG);
            case "tif", "tiff" -> startsWith(start, TIFF_LE) || startsWith(start, TIFF_BE);
            case "xml", "txt" -> indexOf(start, new byte[] {0}) < 0;
            default -> false;
        };
        if (!fits) {
            throw new RuleViolation("files.error.content", safeName, extension.toUpperCase(Locale.ROOT));
        }
        return MEDIA_TYPES.get(extension);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        for (int i = 0; i + needle.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
