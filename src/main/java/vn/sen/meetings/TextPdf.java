package vn.sen.meetings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Plain text as a PDF (minutes, demo documents): A4, Liberation Serif 13 pt (the free face with the
 * metrics of Times New Roman and every Vietnamese letter), lines wrapped at the margins; a form feed
 * starts a new page.
 */
final class TextPdf {

    static final String SERIF = "liberation/LiberationSerif-Regular.ttf";
    private static final float SIZE = 13;
    private static final float LEADING = 18;
    private static final float MARGIN = 60;

    private TextPdf() {}

    /** A Liberation font from the class path, embedded as a subset. */
    static PDType0Font font(PDDocument document, String resource) throws IOException {
        try (InputStream in = TextPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is missing from the class path");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    /** The text as a PDF, kept as a stored file of {@code owner} named {@code name}. */
    static vn.sen.files.StoredFile store(vn.sen.files.FileManagement files, String text, String name, String owner) {
        try {
            return files.store(new java.io.ByteArrayInputStream(write(text)), name, owner);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] write(String text) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            PDType0Font serif = font(document, SERIF);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (String pageText : text.split("\f", -1)) {
                List<String> lines = new ArrayList<>();
                for (String paragraph : pageText.split("\n", -1)) {
                    wrap(paragraph, serif, width, lines);
                }
                for (int start = 0; start < lines.size(); start += perPage) {
                    var page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    try (var content = new PDPageContentStream(document, page)) {
                        content.beginText();
                        content.setFont(serif, SIZE);
                        content.setLeading(LEADING);
                        content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                        for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                            content.showText(line);
                            content.newLine();
                        }
                        content.endText();
                    }
                }
            }
            document.save(bytes);
        }
        return bytes.toByteArray();
    }

    private static void wrap(String paragraph, PDType0Font font, float width, List<String> lines) throws IOException {
        var line = new StringBuilder();
        for (String word : paragraph.replace('\t', ' ').split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * SIZE > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
    }
}
