package vn.sen.meetings;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * The viewer's watermark on a restricted meeting document: his name and the time across every page
 * (light, diagonal) and once more in the bottom margin, drawn as text in the page content so that a
 * printed or photographed page still names who opened it.
 */
final class Watermark {

    private static final String FONT = "liberation/LiberationSans-Bold.ttf";

    private Watermark() {}

    /** Writes {@code pdf} with {@code line} stamped on every page; the file is read from disk, not memory. */
    static void stamp(File pdf, String line, OutputStream out) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf, null, null, null, IOUtils.createTempFileOnlyStreamCache())) {
            PDType0Font font = TextPdf.font(document, FONT);
            var faint = new PDExtendedGraphicsState();
            faint.setNonStrokingAlphaConstant(0.22f);
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getCropBox();
                try (var content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                    content.saveGraphicsState();
                    content.setGraphicsStateParameters(faint);
                    content.setNonStrokingColor(0.75f, 0.1f, 0.1f);
                    float size = Math.min(box.getWidth(), box.getHeight()) / 22;
                    float width = font.getStringWidth(line) / 1000 * size;
                    double angle = Math.atan2(box.getHeight(), box.getWidth());
                    content.beginText();
                    content.setFont(font, size);
                    var matrix = Matrix.getRotateInstance(
                            angle, box.getLowerLeftX() + box.getWidth() / 2, box.getLowerLeftY() + box.getHeight() / 2);
                    matrix.translate(-width / 2, -size / 3);
                    content.setTextMatrix(matrix);
                    content.showText(line);
                    content.endText();
                    content.restoreGraphicsState();
                    content.beginText();
                    content.setFont(font, 7);
                    content.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                    content.newLineAtOffset(box.getLowerLeftX() + 18, box.getLowerLeftY() + 10);
                    content.showText("Tài liệu hạn chế — " + line);
                    content.endText();
                }
            }
            document.save(out);
        }
    }
}
