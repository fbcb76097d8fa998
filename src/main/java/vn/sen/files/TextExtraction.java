package vn.sen.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text of a stored file for search (trích xuất nội dung): the text layer of PDFs (scans without one
 * give nothing until OCR exists), plain text and XML as they are. Capped, so one huge file cannot
 * swell the search index.
 */
final class TextExtraction {

    private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);

    private TextExtraction() {}

    /** {@code scratch}: a temporary file the caller deletes afterwards. */
    static String extract(StoredFile file, InputStream content, Path scratch, int maxChars) throws IOException {
        if (file.pdf()) {
            // PDFBox reads a file with bounded memory; from a stream it would hold it all.
            Files.copy(content, scratch, StandardCopyOption.REPLACE_EXISTING);
            try (PDDocument pdf = Loader.loadPDF(scratch.toFile())) {
                var stripper = new PDFTextStripper();
                stripper.setEndPage(200);
                return cap(stripper.getText(pdf), maxChars);
            } catch (IOException e) {
                log.info("No text from {} ({}): {}", file.id(), file.name(), e.getMessage());
                return "";
            }
        }
        if (file.mediaType().startsWith("text/") || file.mediaType().equals("application/xml")) {
            byte[] head = content.readNBytes(maxChars * 2);
            return cap(new String(head, StandardCharsets.UTF_8), maxChars);
        }
        return "";
    }

    private static String cap(String text, int maxChars) {
        String clean = text.replace('\u0000', ' ');
        return clean.length() <= maxChars ? clean : clean.substring(0, maxChars);
    }
}
