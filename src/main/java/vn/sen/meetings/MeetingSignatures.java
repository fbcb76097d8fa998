package vn.sen.meetings;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.sen.files.StoredFile;
import vn.sen.meetings.MeetingViews.SignerView;
import vn.sen.organization.Views.OfficerView;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;
import vn.sen.signing.CertificateHolder;
import vn.sen.signing.ExternalSigning;
import vn.sen.signing.ExternalSigning.Prepared;
import vn.sen.signing.PdfSigning.Look;
import vn.sen.signing.PdfSigning.SignatureRequest;
import vn.sen.signing.SignatureImages;
import vn.sen.signing.SignatureScheme;

/**
 * The digital signatures on meeting papers (ký số biên bản, phiếu lấy ý kiến), in the two steps of a signature
 * made on the signer's own token: prepare the PDF for the signer's certificate — which must name the signer —
 * then embed the value the token returned, validate the result and keep it. {@link Minutes} and
 * {@link Opinions} decide who may sign what and when; this keeps the pending signatures and does the signing.
 */
@Component
class MeetingSignatures {

    /** What is signed. */
    enum Kind {
        MINUTES,
        OPINION
    }

    /** A prepared signature; {@code choice} and {@code comment} carry an opinion answer being signed. */
    record Pending(
            UUID id,
            Kind kind,
            long target,
            long officerId,
            UUID sourceId,
            String choice,
            String comment,
            boolean signed) {}

    private final JdbcClient jdbc;
    private final ExternalSigning external;
    private final SignatureImages images;

    MeetingSignatures(JdbcClient jdbc, ExternalSigning external, SignatureImages images) {
        this.jdbc = jdbc;
        this.external = external;
        this.images = images;
    }

    /**
     * Step 1: {@code pdf} prepared for {@code signer}'s certificate, with their signature image over their
     * printed name when they have one (invisible otherwise).
     */
    Prepared prepare(
            Kind kind,
            long target,
            OfficerView signer,
            StoredFile pdf,
            List<X509Certificate> chain,
            SignatureScheme scheme,
            String reason,
            String location,
            String actor,
            String choice,
            String comment) {
        if (chain.isEmpty()) {
            throw new RuleViolation("signing.error.no-certificate");
        }
        CertificateHolder.requirePerson(chain.getFirst(), signer.fullName());
        Look look = images.signatureOf(signer.id())
                .<Look>map(image -> new Look.Approval(signer.fullName(), image))
                .orElseGet(Look.Invisible::new);
        Prepared prepared = external.prepare(
                pdf, chain, new SignatureRequest(external.defaultLevel(), reason, location, look), scheme, actor);
        jdbc.sql("""
                insert into meetings.signature (pending_id, kind, target_id, officer_id, source_id, holder, choice, comment)
                values (:id, :kind, :target, :officer, :source, :holder, :choice, :comment)
                """)
                .param("id", prepared.id())
                .param("kind", kind.name())
                .param("target", target)
                .param("officer", signer.id())
                .param("source", pdf.id())
                .param("holder", CertificateHolder.name(chain.getFirst()))
                .param("choice", choice)
                .param("comment", comment)
                .update();
        return prepared;
    }

    /** The user's own prepared signature of this kind and target, not yet kept. */
    Pending pending(Kind kind, long target, UUID pendingId, UserScope user) {
        return jdbc.sql("""
                select * from meetings.signature
                where pending_id = :id and kind = :kind and target_id = :target and officer_id = :officer
                """)
                .param("id", pendingId)
                .param("kind", kind.name())
                .param("target", target)
                .param("officer", user.officerId() == null ? -1 : user.officerId())
                .query((rs, n) -> new Pending(
                        rs.getObject("pending_id", UUID.class),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getLong("target_id"),
                        rs.getLong("officer_id"),
                        rs.getObject("source_id", UUID.class),
                        rs.getString("choice"),
                        rs.getString("comment"),
                        rs.getTimestamp("signed_at") != null))
                .optional()
                .filter(p -> !p.signed())
                .orElseThrow(() -> new RuleViolation("signing.error.prepared-unknown"));
    }

    /**
     * Step 2, outside any transaction (validation may wait on revocation servers): the value embedded, the
     * signed PDF validated (a revoked certificate or a broken signature is refused).
     */
    StoredFile sign(Pending pending, byte[] value, UserScope user) {
        return external.completeChecked(pending.id(), value, user.username());
    }

    /** Keeps the signed PDF of a completed signature. */
    void record(Pending pending, StoredFile signed) {
        int kept =
                jdbc.sql("""
                update meetings.signature set file_id = :f, signed_at = now() where pending_id = :id and signed_at is null
                """).param("f", signed.id()).param("id", pending.id()).update();
        if (kept == 0) {
            throw new RuleViolation("signing.error.prepared-unknown");
        }
    }

    /** The signatures kept on a target, in order. */
    List<SignerView> signers(Kind kind, long target) {
        return jdbc.sql("""
                select officer_id, holder, signed_at from meetings.signature
                where kind = :kind and target_id = :target and signed_at is not null order by signed_at
                """)
                .param("kind", kind.name())
                .param("target", target)
                .query((rs, n) -> new SignerView(
                        rs.getLong("officer_id"), rs.getString("holder"), Meetings.instant(rs, "signed_at")))
                .list();
    }
}
