package vn.sen.interchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.sen.SenApplication;
import vn.sen.documents.Confidentiality;
import vn.sen.documents.DocumentType;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.OutgoingViews.NewDraft;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.identity.TestLogins;
import vn.sen.organization.Organization;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/**
 * What the interchange tests share: a decision of the demo province (000.00.00.H01) taken through the
 * real services of a Sen instance — drafted in the Office, format-checked by its clerk, approved on paper
 * by the Chairman, numbered, released —, signed-in scopes, waiting for listeners, free ports.
 */
final class ProvinceDecisions {

    private ProvinceDecisions() {}

    /** A released decision; {@code subject} gets a number so that each is new. */
    static long released(
            ApplicationContext sen,
            byte[] pdf,
            String subject,
            Urgency urgency,
            List<String> unitCodes,
            List<ExternalRecipient> external)
            throws IOException {
        var outgoing = sen.getBean(OutgoingDocuments.class);
        var organization = sen.getBean(Organization.class);
        UserScope drafter = scope(sen, "chuyenvien");
        UserScope clerk = scope(sen, "vanthu");
        UserScope chairman = scope(sen, "chutich");
        var file = sen.getBean(FileManagement.class)
                .store(new ByteArrayInputStream(pdf), "quyet-dinh.pdf", drafter.username());
        long id = outgoing.draft(
                drafter,
                new NewDraft(
                        drafter.grants().getFirst().unitId(),
                        organization.unitByCode("000.00.00.H01").orElseThrow().id(),
                        DocumentType.DECISION,
                        subject + " " + System.nanoTime() % 100_000,
                        chairman.officerId(),
                        SignerForm.ON_BEHALF,
                        urgency,
                        Confidentiality.NORMAL,
                        List.of(),
                        unitCodes.stream()
                                .map(code -> organization
                                        .unitByCode(code)
                                        .orElseThrow()
                                        .id())
                                .toList(),
                        external,
                        file.id(),
                        "",
                        null));
        outgoing.submit(drafter, id);
        outgoing.decide(clerk, outgoing.pendingSteps(clerk, id).getFirst().id(), true, "Đúng thể thức");
        outgoing.decide(chairman, outgoing.pendingSteps(chairman, id).getFirst().id(), true, "Đồng ý");
        outgoing.issue(clerk, id);
        outgoing.release(clerk, id);
        return id;
    }

    /** A status message from {@code from} about the document {@code documentId} that {@code to} sent it. */
    static byte[] status(Edxml.Organ from, String to, String documentId, Edxml.StatusCode code) {
        var out = new java.io.ByteArrayOutputStream();
        new EdxmlWriter()
                .write(
                        new Edxml.StatusMessage(
                                new Edxml.StatusHeader(
                                        from,
                                        new Edxml.ResponseFor(to, "", null, documentId),
                                        new Edxml.Staff("Văn phòng", "Văn thư", "", ""),
                                        code,
                                        "Đã vào sổ",
                                        java.time.LocalDateTime.now().withNano(0)),
                                new Edxml.Trace(List.of(), null)),
                        out);
        return out.toByteArray();
    }

    /** A demo user signed in on {@code sen}. */
    static UserScope scope(ApplicationContext sen, String username) {
        return ((ScopedPrincipal)
                        sen.getBean(TestLogins.class).signedIn(username).getPrincipal())
                .scope();
    }

    /** The probe's value once {@code done}, or after 5 s (listeners run after commit, in the background). */
    static <T> T eventually(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        T value = probe.get();
        for (int i = 0; i < 200 && !done.test(value); i++) {
            Thread.sleep(25);
            value = probe.get();
        }
        return value;
    }

    /**
     * A Sen installation on {@code port} with its own embedded database, polling by hand only; connected to
     * the hub at {@code axis} as {@code system} when {@code axis} is not null.
     */
    static ConfigurableApplicationContext instance(int port, String axis, String system, String secret) {
        return axis == null
                ? instance(port, List.of())
                : instance(
                        port,
                        List.of(
                                "--sen.interchange.hub-url=" + axis,
                                "--sen.interchange.system-id=" + system,
                                "--sen.interchange.secret=" + secret));
    }

    /** A Sen installation on {@code port} with its own embedded database and {@code settings}. */
    static ConfigurableApplicationContext instance(int port, List<String> settings) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=" + port, "--sen.interchange.poll-interval=1h", "--spring.main.banner-mode=off"));
        arguments.addAll(settings);
        return new SpringApplicationBuilder(SenApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
