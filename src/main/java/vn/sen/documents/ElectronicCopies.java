package vn.sen.documents;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.documents.OutgoingViews.OutgoingState;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.organization.Organization;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;
import vn.sen.signing.CertificateHolder;
import vn.sen.signing.ExternalSigning;
import vn.sen.signing.ExternalSigning.Prepared;
import vn.sen.signing.PdfPages;
import vn.sen.signing.PdfSigning.Look;
import vn.sen.signing.PdfSigning.SignatureRequest;
import vn.sen.signing.SignatureScheme;

/**
 * Electronic copies (bản sao điện tử, Decree 30 art. 25–27): a clerk of the agency that holds a
 * document copies one of its PDFs — whole (sao y), from an earlier copy (sao lục), or some pages
 * (trích sao) — and signs the copy with the agency's certificate. The signature shows no image: at the
 * top right of the first page, the copy form, the agency's name and the signing time (ISO 8601, +07:00).
 * A whole copy of a signed original is an incremental update: the original's signatures stay valid in
 * it.
 */
@Service
@Transactional
public class ElectronicCopies {

    /** The form of copy, as printed on it. */
    public enum Form {
        SAO_Y("SAO Y"),
        SAO_LUC("SAO LỤC"),
        TRICH_SAO("TRÍCH SAO");

        private final String printed;

        Form(String printed) {
            this.printed = printed;
        }

        public String printed() {
            return printed;
        }
    }

    /** Which kind of document is copied. */
    public enum Source {
        INCOMING,
        OUTGOING
    }

    /**
     * What the clerk asks for.
     *
     * @param fileId the document's PDF (sao y, trích sao) or an earlier copy's file (sao lục)
     * @param pages for a trích sao, e.g. {@code 1-2, 5}
     */
    public record NewCopy(Source source, long documentId, UUID fileId, Form form, String pages) {}

    /** A finished copy. */
    public record CopyView(
            long id,
            Form form,
            String pages,
            String unitName,
            String holder,
            String madeBy,
            Instant madeAt,
            StoredFile file) {}

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,5})\\s*(?:-\\s*(\\d{1,5})\\s*)?");

    private final JdbcClient jdbc;
    private final IncomingDocuments incoming;
    private final OutgoingDocuments outgoing;
    private final Registers registers;
    private final Organization organization;
    private final FileManagement files;
    private final ExternalSigning external;
    private final PdfPages pdfPages;
    private final TransactionTemplate transactions;

    ElectronicCopies(
            JdbcClient jdbc,
            IncomingDocuments incoming,
            OutgoingDocuments outgoing,
            Registers registers,
            Organization organization,
            FileManagement files,
            ExternalSigning external,
            PdfPages pdfPages,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.registers = registers;
        this.organization = organization;
        this.files = files;
        this.external = external;
        this.pdfPages = pdfPages;
        this.transactions = transactions;
    }

    /** Step 1: the copy prepared for the agency's certificate. */
    public Prepared prepare(UserScope clerk, NewCopy copy, List<X509Certificate> chain, SignatureScheme scheme) {
        Holder holder = holder(clerk, copy.source(), copy.documentId());
        if (copy.form() == null) {
            throw new RuleViolation("documents.error.copy-form");
        }
        StoredFile copied = copy.form() == Form.SAO_LUC
                ? copies(copy.source(), copy.documentId()).stream()
                        .map(CopyView::file)
                        .filter(f -> f.id().equals(copy.fileId()))
                        .findFirst()
                        .orElseThrow(() -> new RuleViolation("documents.error.copy-of-copy"))
                : holder.files().stream()
                        .filter(f -> f.id().equals(copy.fileId()))
                        .findFirst()
                        .orElseThrow(() -> new RuleViolation("documents.error.file"));
        if (!copied.pdf()) {
            throw new RuleViolation("documents.error.copy-not-pdf");
        }
        String pages = "";
        StoredFile toSign = copied;
        if (copy.form() == Form.TRICH_SAO) {
            List<Integer> numbers = pages(copy.pages());
            pages = copy.pages().strip();
            toSign = pdfPages.extract(copied, numbers, "trich-sao-" + copied.name(), clerk.username());
        }
        String agency = organization.requireUnit(holder.unitId()).name();
        if (chain.isEmpty()) {
            throw new RuleViolation("signing.error.no-certificate");
        }
        CertificateHolder.requireAgency(chain.getFirst(), agency);
        Prepared prepared = external.prepare(
                toSign,
                chain,
                new SignatureRequest(
                        external.defaultLevel(),
                        copy.form().printed(),
                        agency,
                        new Look.AgencyText(copy.form().printed() + "\n" + agency)),
                scheme,
                clerk.username());
        jdbc.sql("""
                insert into documents.copy (source_kind, source_id, unit_id, form, pages, copied_file, pending_id,
                    holder, made_by)
                values (:kind, :source, :unit, :form, :pages, :copied, :pending, :holder, :by)
                """)
                .param("kind", copy.source().name())
                .param("source", copy.documentId())
                .param("unit", holder.unitId())
                .param("form", copy.form().name())
                .param("pages", pages)
                .param("copied", copied.id())
                .param("pending", prepared.id())
                .param("holder", CertificateHolder.name(chain.getFirst()))
                .param("by", clerk.username())
                .update();
        return prepared;
    }

    /**
     * Step 2: the agency's signature embedded and the copy validated (outside any transaction), then
     * kept; returns the page of the copied document.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public String complete(UserScope clerk, UUID pendingId, byte[] value) {
        Pending pending = pending(clerk, pendingId, false);
        StoredFile signed = external.completeChecked(pendingId, value, clerk.username());
        transactions.executeWithoutResult(status -> {
            pending(clerk, pendingId, true);
            jdbc.sql("update documents.copy set file_id = :f, made_at = now() where id = :id")
                    .param("f", signed.id())
                    .param("id", pending.id())
                    .update();
        });
        return page(pending.source(), pending.documentId());
    }

    private record Pending(long id, Source source, long documentId) {}

    /** The copy the clerk prepared and has not completed; checks again that they keep the document. */
    private Pending pending(UserScope clerk, UUID pendingId, boolean lock) {
        Pending pending = jdbc.sql("""
                select id, source_kind, source_id from documents.copy
                where pending_id = :pending and made_by = :by and file_id is null
                """ + (lock ? " for update" : ""))
                .param("pending", pendingId)
                .param("by", clerk.username())
                .query((rs, n) -> new Pending(rs.getLong(1), Source.valueOf(rs.getString(2)), rs.getLong(3)))
                .optional()
                .orElseThrow(() -> new RuleViolation("signing.error.prepared-unknown"));
        holder(clerk, pending.source(), pending.documentId());
        return pending;
    }

    /** The finished copies of a document, oldest first. */
    @Transactional(readOnly = true)
    public List<CopyView> copies(Source source, long documentId) {
        return jdbc.sql("""
                select * from documents.copy where source_kind = :kind and source_id = :source and file_id is not null
                order by made_at, id
                """)
                .param("kind", source.name())
                .param("source", documentId)
                .query((rs, n) -> new CopyView(
                        rs.getLong("id"),
                        Form.valueOf(rs.getString("form")),
                        rs.getString("pages"),
                        organization
                                .unit(rs.getLong("unit_id"))
                                .map(u -> u.name())
                                .orElse(""),
                        rs.getString("holder"),
                        rs.getString("made_by"),
                        rs.getObject("made_at", OffsetDateTime.class).toInstant(),
                        files.require(rs.getObject("file_id", UUID.class))))
                .list();
    }

    /** A copy's file, for whoever reads the document it copies. */
    @Transactional(readOnly = true)
    public Optional<StoredFile> file(UserScope user, long copyId) {
        record Copy(Source source, long documentId, UUID file) {}
        return jdbc.sql(
                        "select source_kind, source_id, file_id from documents.copy where id = :id and file_id is not null")
                .param("id", copyId)
                .query((rs, n) -> new Copy(Source.valueOf(rs.getString(1)), rs.getLong(2), rs.getObject(3, UUID.class)))
                .optional()
                .filter(c -> readable(user, c.source(), c.documentId()))
                .map(c -> files.require(c.file()));
    }

    /** What a document page shows of its copies: the copies, and whether the user may make more. */
    public record Panel(String kind, long documentId, List<CopyView> copies, boolean mayCopy, List<StoredFile> files) {}

    @Transactional(readOnly = true)
    public Panel panel(UserScope user, Source source, long documentId) {
        List<StoredFile> copyable;
        try {
            copyable = holder(user, source, documentId).files().stream()
                    .filter(StoredFile::pdf)
                    .toList();
        } catch (RuleViolation | AccessDeniedException e) {
            copyable = List.of();
        }
        return new Panel(
                source.name().toLowerCase(), documentId, copies(source, documentId), !copyable.isEmpty(), copyable);
    }

    /** The page numbers of "1-2, 5" (from 1), refused when unreadable or more than 500. */
    static List<Integer> pages(String text) {
        List<Integer> pages = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new RuleViolation("documents.error.copy-pages");
        }
        for (String part : text.split(",")) {
            Matcher m = RANGE.matcher(part);
            if (!m.matches()) {
                throw new RuleViolation("documents.error.copy-pages");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from < 1 || to < from || pages.size() + to - from + 1 > 500) {
                throw new RuleViolation("documents.error.copy-pages");
            }
            for (int p = from; p <= to; p++) {
                pages.add(p);
            }
        }
        return pages;
    }

    /** The agency that holds a document for copying, and the document's PDFs that may be copied. */
    private record Holder(long unitId, List<StoredFile> files) {}

    private Holder holder(UserScope clerk, Source source, long documentId) {
        Holder holder = switch (source) {
            case INCOMING -> {
                var doc = incoming.find(clerk, documentId)
                        .orElseThrow(() -> new RuleViolation("documents.error.not-found"));
                if (doc.recalled()) {
                    throw new RuleViolation("documents.error.recalled");
                }
                yield new Holder(doc.unitId(), doc.files());
            }
            case OUTGOING -> {
                var doc = outgoing.find(clerk, documentId)
                        .orElseThrow(() -> new RuleViolation("documents.error.not-found"));
                if (doc.state() != OutgoingState.RELEASED) {
                    throw new RuleViolation("documents.error.not-released");
                }
                StoredFile sent = doc.signedFile()
                        .or(() -> Optional.ofNullable(doc.latest())
                                .flatMap(v -> v.pdfId())
                                .map(files::require))
                        .orElseThrow(() -> new RuleViolation("documents.error.file"));
                yield new Holder(doc.issuerUnitId(), List.of(sent));
            }
        };
        if (!registers.keeps(clerk, holder.unitId())) {
            throw new AccessDeniedException("not a clerk of the agency holding the document");
        }
        return holder;
    }

    private boolean readable(UserScope user, Source source, long documentId) {
        return switch (source) {
            case INCOMING -> incoming.find(user, documentId).isPresent();
            case OUTGOING -> outgoing.find(user, documentId).isPresent();
        };
    }

    private static String page(Source source, long documentId) {
        return "/documents/" + source.name().toLowerCase() + "/" + documentId;
    }
}
