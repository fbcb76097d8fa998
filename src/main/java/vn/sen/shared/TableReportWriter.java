package vn.sen.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link TableReport} as a PDF (A4 landscape, Liberation Serif — the free face with the
 * metrics of Times New Roman — with the column headings repeated on every page and the pages numbered)
 * or as an XLSX workbook. Both stream: rows are laid out as they come and written out in batches, so a
 * register of hundreds of thousands of entries takes little memory.
 */
public final class TableReportWriter {

    private static final float MARGIN = 36;
    private static final float TEXT_SIZE = 10;
    private static final float LEADING = 12;
    private static final float PADDING = 3;
    private static final int XLSX_FLUSH_EVERY = 1_000;

    private TableReportWriter() {}

    /** The report as a PDF. */
    public static void pdf(TableReport report, Iterator<List<String>> rows, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            new PdfLayout(document, report).write(rows);
            document.save(out);
        }
    }

    /** The report as an XLSX workbook with one sheet: heading, title, then a table with a frozen header. */
    public static void xlsx(TableReport report, Iterator<List<String>> rows, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Sen", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName(report.title()));
        int columns = report.columns().size();
        float total = (float)
                report.columns().stream().mapToDouble(TableReport.Column::width).sum();
        for (int c = 0; c < columns; c++) {
            sheet.width(c, Math.max(6, 160 * report.columns().get(c).width() / total));
        }
        int r = 0;
        for (String line : report.heading()) {
            sheet.value(r++, 0, line);
        }
        sheet.value(r, 0, report.title().toUpperCase(java.util.Locale.ROOT));
        sheet.range(r, 0, r, columns - 1).merge();
        sheet.style(r, 0).bold().fontSize(13).horizontalAlignment("center").set();
        r++;
        for (String line : report.subtitle()) {
            sheet.value(r, 0, line);
            sheet.range(r, 0, r, columns - 1).merge();
            sheet.style(r, 0).horizontalAlignment("center").italic().set();
            r++;
        }
        r++;
        int headerRow = r;
        for (int c = 0; c < columns; c++) {
            sheet.value(r, c, report.columns().get(c).heading());
            sheet.style(r, c)
                    .bold()
                    .wrapText(true)
                    .horizontalAlignment("center")
                    .verticalAlignment("center")
                    .borderStyle(BorderStyle.THIN)
                    .set();
        }
        sheet.freezePane(0, headerRow + 1);
        r++;
        int written = 0;
        while (rows.hasNext()) {
            List<String> row = rows.next();
            for (int c = 0; c < columns; c++) {
                sheet.value(r, c, c < row.size() ? row.get(c) : "");
                sheet.style(r, c)
                        .wrapText(true)
                        .verticalAlignment("top")
                        .borderStyle(BorderStyle.THIN)
                        .set();
            }
            r++;
            if (++written % XLSX_FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        workbook.finish();
    }

    /** Sheet names: at most 31 characters, none of {@code []:*?/\}. */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return name.isEmpty() ? "Sen" : name.length() > 31 ? name.substring(0, 31) : name;
    }

    /** Lays rows out on landscape A4 pages, starting a page (with the column headings) when one is full. */
    private static final class PdfLayout {

        private final PDDocument document;
        private final TableReport report;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final float[] widths;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private final PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        private PDPageContentStream page;
        private float y;
        private int pages;

        PdfLayout(PDDocument document, TableReport report) throws IOException {
            this.document = document;
            this.report = report;
            this.regular = font(document, "liberation/LiberationSerif-Regular.ttf");
            this.bold = font(document, "liberation/LiberationSerif-Bold.ttf");
            float total = (float) report.columns().stream()
                    .mapToDouble(TableReport.Column::width)
                    .sum();
            float usable = size.getWidth() - 2 * MARGIN;
            widths = new float[report.columns().size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = usable * report.columns().get(c).width() / total;
            }
        }

        private static PDType0Font font(PDDocument document, String resource) throws IOException {
            try (InputStream in = TableReportWriter.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("font " + resource + " is missing from the class path");
                }
                return PDType0Font.load(document, in, true);
            }
        }

        void write(Iterator<List<String>> rows) throws IOException {
            newPage(true);
            while (rows.hasNext()) {
                List<String> row = rows.next();
                List<List<String>> cells = new ArrayList<>();
                int lines = 1;
                for (int c = 0; c < widths.length; c++) {
                    List<String> wrapped = wrap(c < row.size() ? row.get(c) : "", regular, widths[c] - 2 * PADDING);
                    cells.add(wrapped);
                    lines = Math.max(lines, wrapped.size());
                }
                float height = lines * LEADING + 2 * PADDING;
                if (y - height < MARGIN + LEADING) {
                    newPage(false);
                }
                drawRow(cells, regular, height);
            }
            page.close();
        }

        private void newPage(boolean first) throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(size);
            document.addPage(next);
            pages++;
            page = new PDPageContentStream(document, next);
            page.setLineWidth(0.5f);
            y = size.getHeight() - MARGIN;
            text(
                    regular,
                    9,
                    size.getWidth() - MARGIN - width("Trang " + pages, regular, 9),
                    MARGIN - 14,
                    "Trang " + pages);
            if (first) {
                for (String line : report.heading()) {
                    text(bold, TEXT_SIZE, MARGIN, y - TEXT_SIZE, line);
                    y -= LEADING;
                }
                y -= LEADING / 2;
                String title = report.title().toUpperCase(java.util.Locale.ROOT);
                text(bold, 13, (size.getWidth() - width(title, bold, 13)) / 2, y - 13, title);
                y -= 18;
                for (String line : report.subtitle()) {
                    text(regular, 11, (size.getWidth() - width(line, regular, 11)) / 2, y - 11, line);
                    y -= 14;
                }
                y -= LEADING / 2;
            }
            List<List<String>> headings = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < widths.length; c++) {
                List<String> wrapped = wrap(report.columns().get(c).heading(), bold, widths[c] - 2 * PADDING);
                headings.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            drawRow(headings, bold, lines * LEADING + 2 * PADDING);
        }

        private void drawRow(List<List<String>> cells, PDType0Font font, float height) throws IOException {
            float x = MARGIN;
            for (int c = 0; c < widths.length; c++) {
                page.addRect(x, y - height, widths[c], height);
                float line = y - PADDING - TEXT_SIZE;
                for (String text : cells.get(c)) {
                    text(font, TEXT_SIZE, x + PADDING, line, text);
                    line -= LEADING;
                }
                x += widths[c];
            }
            page.stroke();
            y -= height;
        }

        private void text(PDType0Font font, float fontSize, float x, float baseline, String text) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            page.beginText();
            page.setFont(font, fontSize);
            page.newLineAtOffset(x, baseline);
            page.showText(text);
            page.endText();
        }

        private float width(String text, PDType0Font font, float fontSize) {
            try {
                return font.getStringWidth(text) / 1000 * fontSize;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Words on lines no wider than {@code max}; a word longer than a line is cut. */
        private List<String> wrap(String raw, PDType0Font font, float max) {
            String text = printable(raw, font);
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(candidate, font, TEXT_SIZE) <= max) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (width(rest, font, TEXT_SIZE) > max && rest.length() > 1) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && width(rest.substring(0, cut), font, TEXT_SIZE) > max) {
                            cut--;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            while (lines.size() > 1 && lines.getLast().isEmpty()) {
                lines.removeLast();
            }
            return lines;
        }

        /** NFC text with every character the font cannot draw (emoji, control characters) replaced by "?". */
        private String printable(String raw, PDType0Font font) {
            String text = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC)
                    .replace("\r\n", "\n")
                    .replace('\t', ' ');
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    out.append('\n');
                } else if (printable.computeIfAbsent(cp, code -> canDraw(font, code))) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static boolean canDraw(PDType0Font font, int codePoint) {
            if (Character.isISOControl(codePoint)) {
                return false;
            }
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
