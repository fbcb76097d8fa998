package vn.sen.files;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the browser can show of a file (xem trước): a PDF in Sen's PDF.js viewer, an image as it is, an
 * office document through its PDF rendition once LibreOffice has made it; anything else is downloaded.
 */
@Service
public class FilePreviews {

    /** Images every browser shows (TIFF scans are not among them: they are downloaded). */
    static final Set<String> IMAGES = Set.of("image/png", "image/jpeg");

    public enum Kind {
        /** The file is a PDF. */
        PDF,
        /** An office file shown through its PDF rendition ({@link Preview#pdfId}). */
        RENDITION,
        /** A PNG or JPEG image. */
        IMAGE,
        /** An office file whose rendition is still being made. */
        PENDING,
        /** Nothing to show: download it. */
        NONE
    }

    /** {@code pdfId} is the rendition's file for {@link Kind#RENDITION}. */
    public record Preview(Kind kind, UUID pdfId) {

        public boolean viewable() {
            return kind == Kind.PDF || kind == Kind.RENDITION || kind == Kind.IMAGE;
        }
    }

    /**
     * The preview page's model: the file, what to show, where the viewer fetches it ({@code source}),
     * the download link and the page to go back to.
     */
    public record PreviewPage(StoredFile file, Kind kind, String source, String download, String back) {}

    private final PdfConversion conversion;

    FilePreviews(PdfConversion conversion) {
        this.conversion = conversion;
    }

    /**
     * The preview page for a file served at {@code fileUrl} (its PDF rendition at {@code pdfUrl}),
     * reached from {@code back}. URLs are the caller's own routes, which check who may read the file.
     */
    public PreviewPage page(StoredFile file, String fileUrl, String pdfUrl, String back) {
        Kind kind = of(file).kind();
        String source = switch (kind) {
            case PDF -> fileUrl + "?inline";
            case RENDITION -> pdfUrl;
            case IMAGE -> fileUrl + "?inline";
            case PENDING, NONE -> "";
        };
        return new PreviewPage(file, kind, source, fileUrl, back);
    }

    /**
     * Whether a "view" link is worth showing: PDFs, images, and office files whose rendition is made or
     * on its way (not those LibreOffice failed on or could not take).
     */
    public boolean offered(StoredFile file) {
        Kind kind = of(file).kind();
        return kind != Kind.NONE;
    }

    public Preview of(StoredFile file) {
        if (file.pdf()) {
            return new Preview(Kind.PDF, file.id());
        }
        if (IMAGES.contains(file.mediaType())) {
            return new Preview(Kind.IMAGE, null);
        }
        if (!conversion.convertible(file)) {
            return new Preview(Kind.NONE, null);
        }
        Optional<PdfConversion.Rendition> rendition = conversion.rendition(file.id());
        if (rendition.isEmpty()) {
            conversion.request(file); // registered before renditions were asked for
            return new Preview(Kind.PENDING, null);
        }
        return switch (rendition.get().state()) {
            case DONE -> new Preview(Kind.RENDITION, rendition.get().pdfId());
            case PENDING -> new Preview(Kind.PENDING, null);
            case FAILED, UNAVAILABLE -> new Preview(Kind.NONE, null);
        };
    }
}
