package vn.sen.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.sen.shared.RuleViolation;

/** What a file must be before Sen signs or validates it: a PDF, readable, not encrypted. */
final class PdfChecks {

    private PdfChecks() {}

    /** Refuses anything that does not start like a PDF. */
    static void requirePdf(Path file) {
        byte[] head = new byte[1024];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new RuleViolation("signing.error.not-pdf");
        }
        if (!new String(head, 0, Math.max(read, 0), StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw new RuleViolation("signing.error.not-pdf");
        }
    }

    /**
     * Whether the PDF carries a certification signature that allows no change at all (DocMDP, P = 1):
     * any signature added after it would break it.
     */
    static boolean certifiedWithoutChanges(PDDocument document) {
        var perms = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        var docMdp = perms == null ? null : perms.getCOSDictionary(COSName.DOCMDP);
        var references = docMdp == null ? null : docMdp.getCOSArray(COSName.REFERENCE);
        if (references == null) {
            return false;
        }
        for (var reference : references) {
            if (reference.getCOSObject() instanceof COSDictionary dictionary) {
                var params = dictionary.getCOSDictionary(COSName.TRANSFORM_PARAMS);
                if (params != null && params.getInt(COSName.P, 2) == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Refuses a PDF that is encrypted, does not parse or is certified against changes; returns its pages. */
    static int requireSignable(Path file) {
        return open(file, true);
    }

    /** Refuses a PDF that is encrypted or does not parse; returns its number of pages. */
    static int requireReadable(Path file) {
        return open(file, false);
    }

    private static int open(Path file, boolean toChange) {
        requirePdf(file);
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            if (document.isEncrypted()) {
                throw new RuleViolation("signing.error.pdf-encrypted");
            }
            if (document.getNumberOfPages() == 0) {
                throw new RuleViolation("signing.error.pdf-broken");
            }
            if (toChange && certifiedWithoutChanges(document)) {
                throw new RuleViolation("signing.error.pdf-certified");
            }
            return document.getNumberOfPages();
        } catch (InvalidPasswordException e) {
            throw new RuleViolation("signing.error.pdf-encrypted");
        } catch (IOException e) {
            throw new RuleViolation("signing.error.pdf-broken");
        }
    }
}
