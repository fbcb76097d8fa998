package vn.sen.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.springframework.stereotype.Service;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.VietnameseText;

/**
 * Writes the number and the date of issuance into a signed document (ghi số, ngày ban hành): after the
 * competent person's approval signature and before the agency's issuance signature, the clerk's number
 * goes into the blank of "Số: .../QĐ-UBND" and the day, month (and year if blank) into "ngày ... tháng
 * ... năm ..." on the first page.
 *
 * <p>The text is added as read-only, printable annotations in an incremental update: the page's content
 * is not touched, the approval signature stays valid, and the issuance signature then covers all of it.
 */
@Service
public class PdfNumbering {

    /** "Số:" at the start of a word. */
    private static final Pattern NUMBER = Pattern.compile("(?:^|\\s)so\\s*:");

    /** "ngày … tháng … năm …", folded. */
    private static final Pattern DATE =
            Pattern.compile("ngay(\\s*\\S{0,4}\\s*)thang(\\s*\\S{0,4}\\s*)nam(\\s*\\d{0,4})");

    private final TemporaryFiles temporary;

    PdfNumbering(TemporaryFiles temporary) {
        this.temporary = temporary;
    }

    /**
     * What the clerk writes in, printed as Decree 30 prints it (the caller formats it).
     *
     * @param number the number, e.g. {@code 05}
     * @param numberAndNotation written when the draft has no "/" after "Số:", e.g. {@code 05/QĐ-UBND}
     * @param day e.g. {@code 05}
     * @param month e.g. {@code 02} or {@code 11}
     * @param year e.g. {@code 2026}, written when the draft leaves it blank
     */
    public record Written(String number, String numberAndNotation, String day, String month, String year) {}

    /**
     * A new stored file: {@code pdf} with the number (alone when the draft prints the notation after the
     * blank, else with the notation) and the date written in.
     */
    public StoredFile write(StoredFile pdf, Written written, String actor) {
        Path source = temporary.copy(pdf);
        try {
            return temporary.keep(write(source, written), pdf.name(), actor);
        } finally {
            TemporaryFiles.delete(source);
        }
    }

    /** The file version: a new temporary file the caller moves or deletes. */
    Path write(Path pdf, Written written) {
        PdfChecks.requireSignable(pdf);
        Path out = temporary.create("sen-numbered-");
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            PDPage page = document.getPage(0);
            List<Row> rows = rows(document);
            List<Placed> texts = new ArrayList<>();
            texts.add(numberText(rows, written));
            texts.addAll(dateTexts(rows, written));
            PDType0Font font;
            try (InputStream in =
                    PdfNumbering.class.getClassLoader().getResourceAsStream("liberation/LiberationSerif-Regular.ttf")) {
                font = PDType0Font.load(document, in, true);
            }
            Set<COSDictionary> changed = new HashSet<>();
            float height = page.getCropBox().getHeight();
            var annotations = page.getAnnotations();
            for (Placed text : texts) {
                annotations.add(annotation(document, font, text, height));
            }
            page.setAnnotations(annotations);
            changed.add(page.getCOSObject());
            changed.add(document.getDocumentCatalog().getCOSObject());
            try (OutputStream to = Files.newOutputStream(out)) {
                document.saveIncremental(to, changed); // subsets the font too
            }
            return out;
        } catch (IOException e) {
            TemporaryFiles.delete(out);
            throw new RuleViolation("signing.error.pdf-broken");
        } catch (RuntimeException e) {
            TemporaryFiles.delete(out);
            throw e;
        }
    }

    /** A glyph of the first page: its character, box (top-left origin), baseline and size. */
    private record Glyph(char c, float left, float right, float baseline, float size) {}

    /** A row of glyphs on one baseline: its folded text and, for each character of it, its glyph. */
    private record Row(String folded, List<Glyph> byChar) {

        Glyph at(int index) {
            return byChar.get(index);
        }
    }

    /** A text to write: right-aligned at {@code right} or centred between {@code left} and {@code right}. */
    private record Placed(String text, float left, float right, float baseline, float size, boolean centred) {}

    private static Placed numberText(List<Row> rows, Written written) {
        for (Row row : rows) {
            Matcher m = NUMBER.matcher(row.folded());
            if (!m.find()) {
                continue;
            }
            Glyph colon = row.at(m.end() - 1);
            int slash = row.folded().indexOf('/', m.end());
            String gap = slash > 0 ? row.folded().substring(m.end(), slash) : "";
            if (!gap.isBlank() && gap.strip().chars().allMatch(Character::isDigit)) {
                throw new RuleViolation("signing.error.number-already-written");
            }
            if (slash > 0 && gap.isBlank()) {
                Glyph before = row.at(slash);
                return new Placed(
                        written.number(), colon.right(), before.left() - 0.5f, colon.baseline(), colon.size(), false);
            }
            return new Placed(
                    written.numberAndNotation(),
                    colon.right() + colon.size() / 3,
                    colon.right() + colon.size() * 12,
                    colon.baseline(),
                    colon.size(),
                    false);
        }
        throw new RuleViolation("signing.error.no-number-line");
    }

    private static List<Placed> dateTexts(List<Row> rows, Written written) {
        for (Row row : rows) {
            Matcher m = DATE.matcher(row.folded());
            if (!m.find()) {
                continue;
            }
            if (!m.group(1).isBlank() || !m.group(2).isBlank()) {
                throw new RuleViolation("signing.error.date-already-written");
            }
            List<Placed> texts = new ArrayList<>();
            texts.add(between(row, m.start(1) - 1, m.end(1), written.day()));
            texts.add(between(row, m.start(2) - 1, m.end(2), written.month()));
            if (m.group(3).isBlank()) {
                Glyph last = row.at(m.start(3) - 1);
                texts.add(new Placed(
                        written.year(),
                        last.right() + last.size() / 3,
                        last.right() + last.size() * 3,
                        last.baseline(),
                        last.size(),
                        false));
            } else if (!m.group(3).strip().equals(written.year())) {
                throw new RuleViolation("signing.error.date-already-written");
            }
            return texts;
        }
        throw new RuleViolation("signing.error.no-date-line");
    }

    /** Centred in the blank between the word ending at {@code lastOfWord} and the word starting at {@code next}. */
    private static Placed between(Row row, int lastOfWord, int next, String text) {
        Glyph end = row.at(lastOfWord);
        Glyph start = row.at(next);
        return new Placed(text, end.right(), start.left(), end.baseline(), end.size(), true);
    }

    private static PDAnnotation annotation(PDDocument document, PDType0Font font, Placed text, float pageHeight)
            throws IOException {
        float width = font.getStringWidth(text.text()) / 1000 * text.size();
        float x = text.centred() ? (text.left() + text.right() - width) / 2 : text.right() - width;
        if (!text.centred() && text.left() > x) {
            x = text.left();
        }
        float descent = text.size() * 0.25f;
        var box = new PDRectangle(x, pageHeight - text.baseline() - descent, width + 1, text.size() * 1.2f);

        var annotation = new PDAnnotation(new COSDictionary()) {};
        annotation.getCOSObject().setName(COSName.TYPE, "Annot");
        annotation.getCOSObject().setName(COSName.SUBTYPE, "FreeText");
        annotation.getCOSObject().setString(COSName.DA, "/Helv " + text.size() + " Tf 0 g");
        annotation.setRectangle(box);
        annotation.setContents(text.text());
        annotation.setPrinted(true);
        annotation.setReadOnly(true);
        annotation.setLocked(true);
        annotation.setLockedContents(true);

        var form = new PDFormXObject(document);
        form.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
        form.setResources(new PDResources());
        try (var content = new PDPageContentStream(document, new PDAppearanceStream(form.getCOSObject()))) {
            content.beginText();
            content.setFont(font, text.size());
            content.newLineAtOffset(0.5f, descent);
            content.showText(text.text());
            content.endText();
        }
        var appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(new PDAppearanceStream(form.getCOSObject()));
        annotation.setAppearance(appearance);
        return annotation;
    }

    /** The first page's glyphs grouped into rows by baseline, top to bottom. */
    private static List<Row> rows(PDDocument document) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        var stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    String unicode = java.text.Normalizer.normalize(p.getUnicode(), java.text.Normalizer.Form.NFC);
                    for (char c : unicode.toCharArray()) {
                        glyphs.add(new Glyph(
                                c,
                                p.getXDirAdj(),
                                p.getXDirAdj() + p.getWidthDirAdj(),
                                p.getYDirAdj(),
                                p.getFontSizeInPt()));
                    }
                }
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        stripper.getText(document);
        glyphs.sort(Comparator.comparingDouble(Glyph::baseline));
        List<List<Glyph>> lines = new ArrayList<>();
        for (Glyph glyph : glyphs) {
            List<Glyph> last = lines.isEmpty() ? null : lines.getLast();
            if (last != null && Math.abs(last.getFirst().baseline() - glyph.baseline()) < 2) {
                last.add(glyph);
            } else {
                lines.add(new ArrayList<>(List.of(glyph)));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<Glyph> line : lines) {
            line.sort(Comparator.comparingDouble(Glyph::left));
            StringBuilder text = new StringBuilder();
            List<Glyph> byChar = new ArrayList<>();
            Glyph previous = null;
            for (Glyph glyph : line) {
                if (previous != null && glyph.left() - previous.right() > glyph.size() * 0.2f && glyph.c() != ' ') {
                    // a gap drawn by positioning, not by a space character
                    text.append(' ');
                    byChar.add(new Glyph(' ', previous.right(), glyph.left(), glyph.baseline(), glyph.size()));
                }
                text.append(glyph.c());
                byChar.add(glyph);
                previous = glyph;
            }
            rows.add(new Row(VietnameseText.fold(text.toString()), byChar));
        }
        return rows;
    }
}
