package vn.sen.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;

/**
 * The pages of PDFs (trang văn bản): taken out of a PDF into a new one (trích sao, an extract of some pages
 * of a document), or counted in a PDF to be signed.
 */
@Service
public class PdfPages {

    private final TemporaryFiles temporary;

    PdfPages(TemporaryFiles temporary) {
        this.temporary = temporary;
    }

    /**
     * The number of pages of a PDF that Sen is to sign later (an attachment signed at issuance): refuses
     * now one that is encrypted, broken or certified against any change, rather than at signing.
     */
    public int signablePages(StoredFile pdf) {
        Path source = temporary.copy(pdf);
        try {
            return PdfChecks.requireSignable(source);
        } finally {
            TemporaryFiles.delete(source);
        }
    }

    /** A new stored PDF with {@code pages} (from 1, in the order given) of {@code pdf}. */
    public StoredFile extract(StoredFile pdf, List<Integer> pages, String name, String actor) {
        Path source = temporary.copy(pdf);
        Path out = temporary.create("sen-extract-");
        try {
            int count = PdfChecks.requireReadable(source);
            if (pages.isEmpty() || pages.stream().anyMatch(p -> p < 1 || p > count)) {
                throw new RuleViolation("signing.error.pages", count);
            }
            try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(source.toFile()));
                    PDDocument extract = new PDDocument()) {
                for (int page : pages) {
                    extract.importPage(document.getPage(page - 1));
                }
                extract.save(out.toFile());
            }
            return temporary.keep(out, name, actor);
        } catch (IOException e) {
            TemporaryFiles.delete(out);
            throw new RuleViolation("signing.error.pdf-broken");
        } catch (RuntimeException e) {
            TemporaryFiles.delete(out);
            throw e;
        } finally {
            TemporaryFiles.delete(source);
        }
    }
}
