package vn.sen.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.sen.documents.Dossiers.DossierView;
import vn.sen.documents.Dossiers.Entry;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.shared.TableReport;
import vn.sen.shared.TableReport.Column;
import vn.sen.shared.TableReportWriter;

/**
 * A dossier exported for the archive: one PDF — the table of contents, then every document's PDF in
 * chronological order — and one XML of the dossier's metadata (FileCode, Title, Maintenance, Rights,
 * StartDate, EndDate, DocTotal, PageTotal) and of its documents, with each file's SHA-256.
 */
@Component
class DossierExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final FileManagement files;
    private final MessageSource messages;

    DossierExport(FileManagement files, MessageSource messages) {
        this.files = files;
        this.messages = messages;
    }

    /** Each PDF of the entries copied to a temporary file with its page count; unreadable ones are 0. */
    private record Part(Entry entry, StoredFile file, Path copy, int pages) {}

    private List<Part> parts(List<Entry> entries) throws IOException {
        List<Part> parts = new ArrayList<>();
        for (Entry entry : entries) {
            for (StoredFile pdf : entry.pdfs()) {
                Path copy = Files.createTempFile("sen-dossier-", ".pdf");
                try (InputStream in = files.open(pdf)) {
                    Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                int pages;
                try (PDDocument document = Loader.loadPDF(copy.toFile())) {
                    pages = document.isEncrypted() ? 0 : document.getNumberOfPages();
                } catch (IOException e) {
                    pages = 0; // not a PDF PDFBox can read: listed, not merged
                }
                parts.add(new Part(entry, pdf, copy, pages));
            }
        }
        return parts;
    }

    void pdf(DossierView dossier, List<Entry> entries, OutputStream out) throws IOException {
        List<Part> parts = parts(entries);
        Path toc = Files.createTempFile("sen-dossier-toc-", ".pdf");
        try {
            int tocPages = 1;
            for (int attempt = 0; attempt < 3; attempt++) {
                try (OutputStream tocOut = Files.newOutputStream(toc)) {
                    TableReportWriter.pdf(
                            contents(dossier), rows(entries, parts, tocPages).iterator(), tocOut);
                }
                int actual;
                try (PDDocument document = Loader.loadPDF(toc.toFile())) {
                    actual = document.getNumberOfPages();
                }
                if (actual == tocPages) {
                    break;
                }
                tocPages = actual;
            }
            var merger = new PDFMergerUtility();
            merger.addSource(new RandomAccessReadBufferedFile(toc.toFile()));
            for (Part part : parts) {
                if (part.pages() > 0) {
                    merger.addSource(
                            new RandomAccessReadBufferedFile(part.copy().toFile()));
                }
            }
            merger.setDestinationStream(out);
            merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
        } finally {
            Files.deleteIfExists(toc);
            for (Part part : parts) {
                Files.deleteIfExists(part.copy());
            }
        }
    }

    private TableReport contents(DossierView dossier) {
        return new TableReport(
                List.of(dossier.unitName().toUpperCase(VIETNAMESE)),
                "Mục lục văn bản",
                List.of(
                        "Hồ sơ " + dossier.fileCode() + ": " + dossier.title(),
                        "Thời hạn bảo quản: " + dossier.retention()
                                + (dossier.startDate() == null ? "" : " — Từ ngày " + DAY.format(dossier.startDate()))
                                + (dossier.endDate() == null ? "" : " đến ngày " + DAY.format(dossier.endDate()))),
                List.of(
                        new Column("STT", 4),
                        new Column("Số, ký hiệu", 12),
                        new Column("Ngày tháng", 8),
                        new Column("Tên loại và trích yếu nội dung", 36),
                        new Column("Tác giả", 16),
                        new Column("Trang", 6),
                        new Column("Ghi chú", 10)));
    }

    private List<List<String>> rows(List<Entry> entries, List<Part> parts, int tocPages) {
        List<List<String>> rows = new ArrayList<>();
        int page = tocPages + 1;
        int number = 0;
        for (Entry entry : entries) {
            number++;
            List<Part> own = parts.stream().filter(p -> p.entry() == entry).toList();
            int pages = own.stream().mapToInt(Part::pages).sum();
            boolean missing = own.isEmpty() || own.stream().anyMatch(p -> p.pages() == 0);
            rows.add(List.of(
                    Integer.toString(number),
                    entry.numberAndNotation(),
                    entry.issuedOn() == null ? "" : DAY.format(entry.issuedOn()),
                    typeName(entry.type()) + " " + entry.subject(),
                    entry.issuer(),
                    pages == 0 ? "" : pages == 1 ? Integer.toString(page) : page + "–" + (page + pages - 1),
                    missing ? "Không có bản PDF đọc được" : ""));
            page += pages;
        }
        return rows;
    }

    private String typeName(DocumentType type) {
        return messages.getMessage("doc.type." + type.name(), null, type.name(), VIETNAMESE);
    }

    /** The dossier's metadata and its documents as XML (UTF-8). */
    void xml(DossierView dossier, List<Entry> entries, OutputStream out) throws IOException {
        List<Part> parts = parts(entries);
        List<Integer> pageCounts = new ArrayList<>();
        for (Entry entry : entries) {
            pageCounts.add(parts.stream()
                    .filter(p -> p.entry() == entry)
                    .mapToInt(Part::pages)
                    .sum());
        }
        for (Part part : parts) {
            Files.deleteIfExists(part.copy());
        }
        int pageTotal = pageCounts.stream().mapToInt(Integer::intValue).sum();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Dossier");
            element(xml, "FileCode", dossier.fileCode());
            element(xml, "FileNotation", dossier.notation());
            element(xml, "Title", dossier.title());
            element(xml, "Maintenance", dossier.retention());
            element(xml, "Rights", dossier.rights());
            element(xml, "StartDate", dossier.startDate() == null ? "" : ISO_DAY.format(dossier.startDate()));
            element(xml, "EndDate", dossier.endDate() == null ? "" : ISO_DAY.format(dossier.endDate()));
            element(xml, "DocTotal", Integer.toString(entries.size()));
            element(xml, "PageTotal", Integer.toString(pageTotal));
            xml.writeStartElement("Documents");
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                xml.writeStartElement("Document");
                xml.writeAttribute("kind", entry.kind());
                element(xml, "OrderNumber", Integer.toString(i + 1));
                element(xml, "OrganName", entry.issuer());
                element(xml, "CodeNumberNotation", entry.numberAndNotation());
                element(xml, "IssuedDate", entry.issuedOn() == null ? "" : ISO_DAY.format(entry.issuedOn()));
                element(xml, "TypeName", typeName(entry.type()));
                element(xml, "Subject", entry.subject());
                element(xml, "PageAmount", Integer.toString(pageCounts.get(i)));
                for (StoredFile file : entry.files()) {
                    xml.writeStartElement("File");
                    xml.writeAttribute("name", file.name());
                    xml.writeAttribute("mediaType", file.mediaType());
                    xml.writeAttribute("size", Long.toString(file.size()));
                    xml.writeAttribute("sha256", file.sha256());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
