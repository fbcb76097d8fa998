package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.documents.ElectronicCopies.Form;
import vn.sen.documents.ElectronicCopies.NewCopy;
import vn.sen.documents.ElectronicCopies.Source;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.files.StoredFile;
import vn.sen.signing.ExternalSigning.Prepared;
import vn.sen.signing.PdfValidation;
import vn.sen.signing.ReferenceExternalSigner;
import vn.sen.signing.SignatureReport.Verdict;
import vn.sen.signing.TestDocuments;
import vn.sen.signing.TestPki;
import vn.sen.signing.TrustAnchors;

/**
 * Electronic copies (sao y, sao lục, trích sao): made by the clerks of the agency holding the document,
 * signed with the agency's certificate as a text at the top right of the first page, read by whoever
 * reads the document.
 */
@SpringBootTest
class ElectronicCopiesTest extends DocumentsScenario {

    static final TestPki pki = TestPki.shared();

    @Autowired
    ElectronicCopies copies;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    PdfValidation validation;

    @TempDir
    Path dir;

    @BeforeEach
    void trust() {
        pki.trustRoot(anchors);
    }

    @Test
    void the_receiving_department_makes_a_true_copy_a_copy_of_it_and_an_extract() throws Exception {
        long received = receivedByTheDepartment();
        String departmentName = organization.requireUnit(department).name();
        var key = signer("CN=" + departmentName + ",C=VN");
        StoredFile original =
                incoming.find(departmentClerk, received).orElseThrow().files().getFirst();

        assertThatThrownBy(() -> copies.prepare(
                        outsider,
                        new NewCopy(Source.INCOMING, received, original.id(), Form.SAO_Y, ""),
                        key.chain(),
                        null))
                .as("a leader of the department is not its clerk")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> copies.prepare(
                        departmentClerk,
                        new NewCopy(Source.INCOMING, received, original.id(), Form.SAO_Y, ""),
                        signer("CN=UBND xã Khác,C=VN").chain(),
                        null))
                .hasMessageContaining("signing.error.holder-not-agency");
        assertThatThrownBy(() -> copies.prepare(
                        departmentClerk,
                        new NewCopy(Source.INCOMING, received, original.id(), Form.SAO_LUC, ""),
                        key.chain(),
                        null))
                .as("a sao lục copies a copy")
                .hasMessageContaining("documents.error.copy-of-copy");

        StoredFile trueCopy = make(key, new NewCopy(Source.INCOMING, received, original.id(), Form.SAO_Y, ""));
        StoredFile copyOfCopy = make(key, new NewCopy(Source.INCOMING, received, trueCopy.id(), Form.SAO_LUC, ""));
        StoredFile extract = make(key, new NewCopy(Source.INCOMING, received, original.id(), Form.TRICH_SAO, "1"));

        assertThat(copies.copies(Source.INCOMING, received))
                .extracting(ElectronicCopies.CopyView::form)
                .containsExactly(Form.SAO_Y, Form.SAO_LUC, Form.TRICH_SAO);
        for (StoredFile copy : java.util.List.of(trueCopy, copyOfCopy, extract)) {
            Path file = local(copy);
            var last = validation.validate(file).signatures().getLast();
            assertThat(last.signer()).isEqualTo(departmentName);
            assertThat(last.verdict()).as(last.details().toString()).isEqualTo(Verdict.VALID);
            assertThat(TestDocuments.pdfsig(file))
                    .contains("Signature is Valid")
                    .contains("Total document signed");
        }
        try (var document = Loader.loadPDF(local(extract).toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
        long copyId = copies.copies(Source.INCOMING, received).getFirst().id();
        assertThat(copies.file(departmentClerk, copyId)).isPresent();
        var officeClerk = scope("vtvp" + System.nanoTime(), null, vn.sen.shared.Role.CLERK, office);
        assertThat(copies.file(officeClerk, copyId))
                .as("the Office's clerk does not read the department's incoming document")
                .isEmpty();
    }

    @Test
    void bad_page_lists_are_refused_with_the_reason() throws Exception {
        long received = receivedByTheDepartment();
        var key = signer("CN=" + organization.requireUnit(department).name() + ",C=VN");
        StoredFile original =
                incoming.find(departmentClerk, received).orElseThrow().files().getFirst();
        for (String pages : new String[] {"", "0", "2-1", "a-b", "1-600"}) {
            assertThatThrownBy(() -> copies.prepare(
                            departmentClerk,
                            new NewCopy(Source.INCOMING, received, original.id(), Form.TRICH_SAO, pages),
                            key.chain(),
                            null))
                    .as(pages)
                    .hasMessageContaining("documents.error.copy-pages");
        }
        assertThatThrownBy(() -> copies.prepare(
                        departmentClerk,
                        new NewCopy(Source.INCOMING, received, original.id(), Form.TRICH_SAO, "3"),
                        key.chain(),
                        null))
                .hasMessageContaining("signing.error.pages");
    }

    /** A decision approved on paper, numbered and released to the department: its incoming copy. */
    private long receivedByTheDepartment() throws Exception {
        String chairmanName = organization.requireOfficer(chairmanOfficer).fullName();
        long id = atApproval(SignerForm.NONE, TestDocuments.decisionBytes(dir, chairmanName));
        outgoing.decide(chairman, pending(chairman, id).id(), true, "");
        outgoing.issue(committeeClerk, id);
        outgoing.release(committeeClerk, id);
        return outgoing.find(committeeClerk, id)
                .orElseThrow()
                .recipients()
                .getFirst()
                .incomingId();
    }

    private StoredFile make(ReferenceExternalSigner key, NewCopy copy) throws Exception {
        Prepared prepared = copies.prepare(departmentClerk, copy, key.chain(), null);
        copies.complete(
                departmentClerk,
                prepared.id(),
                key.sign(prepared.dataToSign(), prepared.scheme().name()));
        return copies.copies(copy.source(), copy.documentId()).getLast().file();
    }

    private ReferenceExternalSigner signer(String subject) throws Exception {
        return new ReferenceExternalSigner(pki.issue(subject).pkcs12(dir, "k" + System.nanoTime()), TestPki.PASSWORD);
    }

    private Path local(StoredFile file) throws Exception {
        Path out = dir.resolve("copy-" + file.id() + ".pdf");
        try (var in = files.open(file)) {
            Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }
}
