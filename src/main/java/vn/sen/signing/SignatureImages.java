package vn.sen.signing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.organization.Organization;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Signature and seal images (hình chữ ký và hình con dấu): an officer's blue handwritten signature,
 * which only that officer's signatures show, and an agency's red seal at real size, which the agency's
 * clerks apply at issuance. Both PNG with a transparent background, checked for colour and size.
 */
@Service
@Transactional
public class SignatureImages {

    /** The largest image accepted. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    public enum Kind {
        /** Hình chữ ký: blue, 15–90 mm wide. */
        SIGNATURE,
        /** Hình con dấu: red, round (20–60 mm across). */
        SEAL
    }

    /** An image in use, with the size it is printed at. */
    public record Image(long id, Kind kind, byte[] png, float widthMm, float heightMm) {

        /** Width in PDF points (1/72 inch). */
        public float widthPoints() {
            return widthMm * 72f / 25.4f;
        }

        public float heightPoints() {
            return heightMm * 72f / 25.4f;
        }
    }

    private final JdbcClient jdbc;
    private final FileManagement files;
    private final Organization organization;

    SignatureImages(JdbcClient jdbc, FileManagement files, Organization organization) {
        this.jdbc = jdbc;
        this.files = files;
        this.organization = organization;
    }

    /** The officer's own signature image, replacing the one before; only the officer may set it. */
    public long setSignature(UserScope user, long officerId, byte[] png, float widthMm) throws IOException {
        if (user.officerId() == null || user.officerId() != officerId) {
            throw new RuleViolation("signing.error.image-not-yours");
        }
        BufferedImage image = check(png, Kind.SIGNATURE);
        float heightMm = widthMm * image.getHeight() / image.getWidth();
        if (widthMm < 15 || widthMm > 90 || heightMm < 5 || heightMm > 50) {
            throw new RuleViolation("signing.error.image-size", "15–90 mm × 5–50 mm");
        }
        return replace(Kind.SIGNATURE, "officer_id", officerId, png, widthMm, heightMm, user.username());
    }

    /** The agency's seal image at its real diameter; set by the agency's leaders or unit administrators. */
    public long setSeal(UserScope user, long unitId, byte[] png, float diameterMm) throws IOException {
        if (!user.hasIn(organization.requireUnit(unitId).path(), Role.LEADER, Role.UNIT_ADMIN)) {
            throw new RuleViolation("signing.error.image-not-yours");
        }
        BufferedImage image = check(png, Kind.SEAL);
        float ratio = (float) image.getWidth() / image.getHeight();
        if (diameterMm < 20 || diameterMm > 60 || ratio < 0.9f || ratio > 1.1f) {
            throw new RuleViolation("signing.error.image-size", "Ø 20–60 mm");
        }
        return replace(Kind.SEAL, "unit_id", unitId, png, diameterMm, diameterMm / ratio, user.username());
    }

    /** The signature image the officer signs with, if they set one. */
    @Transactional(readOnly = true)
    public Optional<Image> signatureOf(long officerId) {
        return active("officer_id", officerId, Kind.SIGNATURE);
    }

    /** The seal image {@code user} may apply for {@code unitId}: only the agency's clerks may. */
    @Transactional(readOnly = true)
    public Optional<Image> sealFor(UserScope user, long unitId) {
        if (!user.hasIn(organization.requireUnit(unitId).path(), Role.CLERK)) {
            throw new RuleViolation("signing.error.seal-not-allowed");
        }
        return active("unit_id", unitId, Kind.SEAL);
    }

    /**
     * The agency's seal image, for a caller that has decided {@code user} applies it (the clerk who keeps
     * the agency's registers, which {@link #sealFor} cannot know about).
     */
    @Transactional(readOnly = true)
    public Optional<Image> sealOf(long unitId) {
        return active("unit_id", unitId, Kind.SEAL);
    }

    /** An image by id, in use or replaced since (a prepared signature keeps the image it was shown with). */
    @Transactional(readOnly = true)
    Image byId(long id) {
        return jdbc.sql("select * from signing.image where id = :id")
                .param("id", id)
                .query(this::image)
                .single();
    }

    private long replace(Kind kind, String owner, long ownerId, byte[] png, float widthMm, float heightMm, String by)
            throws IOException {
        StoredFile stored =
                files.store(new ByteArrayInputStream(png), kind.name().toLowerCase() + ".png", by);
        jdbc.sql("update signing.image set active = false where active and kind = :kind and " + owner + " = :owner")
                .param("kind", kind.name())
                .param("owner", ownerId)
                .update();
        return jdbc.sql("insert into signing.image (kind, " + owner + ", file_id, width_mm, height_mm, uploaded_by)"
                        + " values (:kind, :owner, :file, :width, :height, :by) returning id")
                .param("kind", kind.name())
                .param("owner", ownerId)
                .param("file", stored.id())
                .param("width", BigDecimal.valueOf(widthMm).setScale(1, java.math.RoundingMode.HALF_UP))
                .param("height", BigDecimal.valueOf(heightMm).setScale(1, java.math.RoundingMode.HALF_UP))
                .param("by", by)
                .query(Long.class)
                .single();
    }

    private Optional<Image> active(String owner, long ownerId, Kind kind) {
        return jdbc.sql("select * from signing.image where active and kind = :kind and " + owner + " = :owner")
                .param("kind", kind.name())
                .param("owner", ownerId)
                .query(this::image)
                .optional();
    }

    private Image image(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Image(
                rs.getLong("id"),
                Kind.valueOf(rs.getString("kind")),
                read(files.require((java.util.UUID) rs.getObject("file_id"))),
                rs.getFloat("width_mm"),
                rs.getFloat("height_mm"));
    }

    private byte[] read(StoredFile file) {
        try (InputStream in = files.open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A PNG, not too large, with a transparent background (a quarter of it at least) and the colour of
     * its kind: blue ink for a signature, red for a seal.
     */
    static BufferedImage check(byte[] png, Kind kind) throws IOException {
        if (png == null
                || png.length < 8
                || png.length > MAX_BYTES
                || !(png[0] == (byte) 0x89 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G')) {
            throw new RuleViolation("signing.error.image-not-png");
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null || image.getWidth() < 60 || image.getHeight() < 30) {
            throw new RuleViolation("signing.error.image-not-png");
        }
        if (!image.getColorModel().hasAlpha()) {
            throw new RuleViolation("signing.error.image-not-transparent");
        }
        long transparent = 0;
        long inked = 0;
        long red = 0;
        long green = 0;
        long blue = 0;
        int step = Math.max(1, Math.min(image.getWidth(), image.getHeight()) / 200);
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha < 32) {
                    transparent++;
                } else if (alpha > 128) {
                    inked++;
                    red += (argb >> 16) & 0xff;
                    green += (argb >> 8) & 0xff;
                    blue += argb & 0xff;
                }
            }
        }
        long all = transparent + inked;
        if (inked == 0 || transparent * 4 < all) {
            throw new RuleViolation("signing.error.image-not-transparent");
        }
        long r = red / inked;
        long g = green / inked;
        long b = blue / inked;
        boolean right = kind == Kind.SIGNATURE ? b > r + 30 && b > g + 10 : r > g + 50 && r > b + 50;
        if (!right) {
            throw new RuleViolation(
                    kind == Kind.SIGNATURE ? "signing.error.signature-not-blue" : "signing.error.seal-not-red");
        }
        return image;
    }
}
