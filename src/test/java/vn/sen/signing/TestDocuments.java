package vn.sen.signing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Drafts laid out as Decree 30 annex I draws them, for the tests: the agency and "Số: /QĐ-UBND" on the
 * left, the place and "ngày tháng năm" blank on the right of the same line, the title, and the
 * signature block (form, position, name) at the bottom right.
 */
public final class TestDocuments {

    private TestDocuments() {}

    /** A decision to be signed by {@code signerName}, with the number and date left blank. */
    public static Path decision(Path dir, String signerName) {
        return decision(dir, signerName, "Số:", "Sen, ngày      tháng      năm 2026");
    }

    /** The same with the number line and date line as given ("" leaves a line out). */
    public static Path decision(Path dir, String signerName, String numberLine, String dateLine) {
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font;
            try (InputStream in = TestDocuments.class
                    .getClassLoader()
                    .getResourceAsStream("liberation/LiberationSerif-Regular.ttf")) {
                font = PDType0Font.load(document, in, true);
            }
            try (var content = new PDPageContentStream(document, page)) {
                text(content, font, 13, 72, 780, "ỦY BAN NHÂN DÂN TỈNH SEN");
                text(content, font, 13, 330, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                if (!numberLine.isEmpty()) {
                    text(content, font, 13, 80, 750, numberLine);
                    if (numberLine.equals("Số:")) { // the notation after a blank, as templates print it
                        text(content, font, 13, 135, 750, "/QĐ-UBND");
                    }
                }
                if (!dateLine.isEmpty()) {
                    text(content, font, 13, 340, 750, dateLine);
                }
                text(content, font, 13, 72, 700, "QUYẾT ĐỊNH Về việc phê duyệt kế hoạch chuyển đổi số");
                text(content, font, 13, 360, 420, "TM. ỦY BAN NHÂN DÂN");
                text(content, font, 13, 385, 402, "CHỦ TỊCH");
                text(content, font, 13, 370, 300, signerName);
            }
            Path file = dir.resolve("quyet-dinh-" + System.nanoTime() + ".pdf");
            document.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decision as bytes, for uploads. */
    public static byte[] decisionBytes(Path dir, String signerName) {
        try {
            return Files.readAllBytes(decision(dir, signerName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A handwritten-like stroke in {@code ink} on a transparent background, 400 × 160 pixels. */
    public static byte[] signatureImage(Color ink) throws IOException {
        var image = new BufferedImage(400, 160, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(ink);
        g.setStroke(new BasicStroke(6));
        g.drawArc(40, 30, 200, 100, 20, 300);
        g.drawLine(150, 120, 360, 40);
        g.dispose();
        return png(image);
    }

    /** A round seal ring in {@code ink} on a transparent background, 400 × 400 pixels. */
    public static byte[] sealImage(Color ink) throws IOException {
        var image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(ink);
        g.setStroke(new BasicStroke(14));
        g.drawOval(20, 20, 360, 360);
        g.drawOval(90, 90, 220, 220);
        g.fillOval(170, 170, 60, 60);
        g.dispose();
        return png(image);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** poppler's pdfsig on a file: its whole output. */
    public static String pdfsig(Path pdf) {
        try {
            Process process = new ProcessBuilder("pdfsig", pdf.toString())
                    .redirectErrorStream(true)
                    .start();
            var out = new java.io.ByteArrayOutputStream();
            try (var in = process.getInputStream()) {
                in.transferTo(out);
            }
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("pdfsig did not finish in 60 s");
            }
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("pdfsig (poppler-utils) must be installed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The text drawn by the visible signatures of a PDF (their widgets' appearances), one after the other. */
    public static String signatureText(Path pdf) throws IOException {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            StringBuilder text = new StringBuilder();
            for (var field : document.getSignatureFields()) {
                for (var widget : field.getWidgets()) {
                    var appearance = widget.getNormalAppearanceStream();
                    if (appearance == null) {
                        continue;
                    }
                    var page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    try (var content = new PDPageContentStream(document, page)) {
                        content.transform(org.apache.pdfbox.util.Matrix.getTranslateInstance(10, 400));
                        content.drawForm(
                                new org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject(appearance.getCOSObject()));
                    }
                    var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                    int number = document.getNumberOfPages();
                    stripper.setStartPage(number);
                    stripper.setEndPage(number);
                    text.append(stripper.getText(document));
                }
            }
            return text.toString();
        }
    }

    private static void text(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
