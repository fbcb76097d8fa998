package vn.sen.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.VietnameseText;
import vn.sen.signing.PdfSigning.Appearance;
import vn.sen.signing.SignatureImages.Image;

/**
 * Where signatures go on the page, as Decree 30 annex I draws them: the signer's image between the
 * position line and the printed name; the agency's seal overlapping the left third of the signer's
 * image; the agency's text-only signature on copies and separate attachments at the top right of the
 * first page. Boxes are in PDF points from the page's top-left corner.
 */
final class SignaturePlacement {

    /** Space kept from the page's edges when nothing on the page says where to sign. */
    private static final float MARGIN = 56;

    private SignaturePlacement() {}

    /** A line of text on a page, top-left origin. */
    record Line(String text, float left, float right, float top, float bottom) {}

    /**
     * The signer's image centred over the printed name on the last page that carries it, scaled into
     * the gap above the name (never larger than its real size); at the bottom right of the last page
     * when the name is not found.
     */
    static Appearance approval(Path pdf, String signerName, Image image) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            int pages = document.getNumberOfPages();
            String name = VietnameseText.fold(signerName).strip();
            for (int page = pages; page >= 1 && !name.isEmpty(); page--) {
                List<Line> lines = lines(document, page);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    Line line = lines.get(i);
                    if (!VietnameseText.fold(line.text()).strip().equals(name)) {
                        continue;
                    }
                    float above = i > 0 ? lines.get(i - 1).bottom() : line.top() - image.heightPoints() - 8;
                    float gap = Math.max(line.top() - above - 4, 12);
                    float scale = Math.min(1f, gap / image.heightPoints());
                    float width = image.widthPoints() * scale;
                    float height = image.heightPoints() * scale;
                    float centre = (line.left() + line.right()) / 2;
                    return new Appearance(
                            page, centre - width / 2, line.top() - 2 - height, width, height, image.png(), null);
                }
            }
            PDRectangle box = document.getPage(pages - 1).getCropBox();
            return new Appearance(
                    pages,
                    box.getWidth() - MARGIN - image.widthPoints(),
                    box.getHeight() - MARGIN - 3 * image.heightPoints(),
                    image.widthPoints(),
                    image.heightPoints(),
                    image.png(),
                    null);
        } catch (IOException e) {
            throw new RuleViolation("signing.error.pdf-broken");
        }
    }

    /**
     * The seal at real size over the left third of the approval signature's image: its right edge a
     * third of the way into the signer's image, centred on it vertically.
     */
    static Appearance seal(Path pdf, Image seal) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            Signed signed = lastVisibleSignature(document)
                    .orElseThrow(() -> new RuleViolation("signing.error.no-approval-signature"));
            float width = seal.widthPoints();
            float height = seal.heightPoints();
            float right = signed.left() + signed.width() / 3;
            float middle = signed.top() + signed.height() / 2;
            return new Appearance(signed.page(), right - width, middle - height / 2, width, height, seal.png(), null);
        } catch (IOException e) {
            throw new RuleViolation("signing.error.pdf-broken");
        }
    }

    /** The agency's text-only signature at the top right of the first page (copies, attachments). */
    static Appearance copyStamp(Path pdf, String text) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            PDRectangle box = document.getPage(0).getCropBox();
            float width = 200;
            float height = 14f * Math.max(2, text.split("\n").length) + 8;
            return new Appearance(1, box.getWidth() - 28 - width, 20, width, height, null, text);
        } catch (IOException e) {
            throw new RuleViolation("signing.error.pdf-broken");
        }
    }

    /** A signature widget already on the document: its page (from 1) and box from the top-left. */
    record Signed(int page, float left, float top, float width, float height) {}

    static Optional<Signed> lastVisibleSignature(PDDocument document) {
        Signed found = null;
        var form = document.getDocumentCatalog().getAcroForm();
        if (form == null) {
            return Optional.empty();
        }
        for (var field : form.getFieldTree()) {
            if (!(field instanceof PDSignatureField signature) || signature.getSignature() == null) {
                continue;
            }
            for (var widget : signature.getWidgets()) {
                PDRectangle rect = widget.getRectangle();
                if (rect == null || rect.getWidth() <= 1 || rect.getHeight() <= 1) {
                    continue;
                }
                PDPage page = widget.getPage();
                int index = page == null
                        ? document.getNumberOfPages() - 1
                        : document.getPages().indexOf(page);
                float pageHeight = document.getPage(index).getCropBox().getHeight();
                found = new Signed(
                        index + 1,
                        rect.getLowerLeftX(),
                        pageHeight - rect.getUpperRightY(),
                        rect.getWidth(),
                        rect.getHeight());
            }
        }
        return Optional.ofNullable(found);
    }

    /** The page's lines of text in reading order, with their boxes. */
    static List<Line> lines(PDDocument document, int page) throws IOException {
        List<Line> lines = new ArrayList<>();
        var stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (positions.isEmpty() || text.isBlank()) {
                    return;
                }
                float left = Float.MAX_VALUE;
                float right = 0;
                float top = Float.MAX_VALUE;
                float bottom = 0;
                for (TextPosition p : positions) {
                    left = Math.min(left, p.getXDirAdj());
                    right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                    top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                    bottom = Math.max(bottom, p.getYDirAdj());
                }
                lines.add(new Line(text, left, right, top, bottom));
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        return lines;
    }
}
