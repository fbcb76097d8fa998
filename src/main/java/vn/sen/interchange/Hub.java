package vn.sen.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;

/**
 * Sen as the province's hub (trục liên thông tỉnh, LGSP role): member systems send edXML messages to
 * organisation codes, the hub keeps each for the member that receives for that code until it fetches it
 * and says it is done. Senders and recipients are members' organisation codes; a message is checked as
 * edXML before it is accepted, and a message sent again is the same entry.
 */
@Service
@Transactional
class Hub {

    /** The member that stands for the national axis: what it receives, the hub forwards there. */
    static final String UPSTREAM = "axis:upstream";

    /** The types of message the axis carries. */
    static final List<String> MESSAGE_TYPES = List.of("edoc", "status");

    /** A message waiting for a member. */
    record Waiting(UUID docId, String from, String to, String messageType, String state, Instant createdAt) {}

    /** A refusal of the hub: an axis error code and its description. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refusal(String code, String description) {
            super(description);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final JdbcClient jdbc;
    private final FileManagement files;
    private final InterchangeProperties properties;
    private final AgencyDirectory directory;

    Hub(JdbcClient jdbc, FileManagement files, InterchangeProperties properties, AgencyDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.files = files;
        this.properties = properties;
    }

    /** Adds a member system, or changes its name, secret and organisation codes. */
    void register(String systemId, String name, String secret, List<Edxml.Organ> organs) {
        if (systemId == null || !systemId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a system id is 1 to 64 letters, digits, dots, dashes or underscores");
        }
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a secret has at least 16 characters");
        }
        for (Edxml.Organ organ : organs) {
            if (!organ.organId().matches("[A-Za-z0-9._-]{1,32}")) {
                throw new IllegalArgumentException("'" + organ.organId() + "' is not an organisation code");
            }
        }
        jdbc.sql("""
                insert into interchange.hub_member (system_id, name, secret) values (:id, :name, :secret)
                on conflict (system_id) do update set name = excluded.name, secret = excluded.secret
                """)
                .param("id", systemId)
                .param("name", name)
                .param("secret", secret)
                .update();
        for (Edxml.Organ organ : organs) {
            jdbc.sql("""
                    insert into interchange.hub_organ (organ_id, system_id, name) values (:organ, :id, :name)
                    on conflict (organ_id) do update set system_id = excluded.system_id, name = excluded.name
                    """)
                    .param("organ", organ.organId())
                    .param("id", systemId)
                    .param("name", organ.organName())
                    .update();
            if (directory.find(organ.organId()).isEmpty() || !organ.organName().isBlank()) {
                directory.record(AgencyDirectory.Agency.of(
                        organ.organId(), organ.organName().isBlank() ? name : organ.organName()));
            }
        }
    }

    /** A member system: its id and name, the organisation codes it receives for. */
    record Member(String systemId, String name, List<String> organs, Instant createdAt) {}

    /**
     * Lets a system exchange through the hub for {@code organs} with a new random secret, which is
     * returned to give to its operators (the hub keeps it to check their calls).
     */
    String admit(String systemId, String name, List<String> organs) {
        if (organs.isEmpty()) {
            throw new IllegalArgumentException("a member receives for at least one organisation code");
        }
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        register(
                systemId,
                name,
                secret,
                organs.stream().map(o -> Edxml.Organ.of(o, "")).toList());
        return secret;
    }

    /** The member systems, by id. */
    @Transactional(readOnly = true)
    List<Member> members() {
        return jdbc.sql("""
                        select m.system_id, m.name, m.created_at,
                               coalesce(array_agg(o.organ_id order by o.organ_id)
                                        filter (where o.organ_id is not null), '{}')
                        from interchange.hub_member m left join interchange.hub_organ o on o.system_id = m.system_id
                        where m.system_id <> 'axis:upstream'
                        group by m.system_id, m.name, m.created_at order by m.system_id
                        """)
                .query((rs, n) -> new Member(
                        rs.getString(1),
                        rs.getString(2),
                        List.of((String[]) rs.getArray(4).getArray()),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A member's secret, or null for a system the hub does not know. */
    @Transactional(readOnly = true)
    String secretOf(String systemId) {
        if (UPSTREAM.equals(systemId)) {
            return null; // nobody signs in as the national axis
        }
        return jdbc.sql("select secret from interchange.hub_member where system_id = :id")
                .param("id", systemId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /**
     * Accepts a message from {@code systemId}'s organisation {@code from} to each of {@code to}; returns
     * the id each recipient fetches it by.
     */
    List<UUID> accept(String systemId, String from, List<String> to, String messageType, InputStream body) {
        if (!MESSAGE_TYPES.contains(messageType)) {
            throw new Refusal("MESSAGE_TYPE", "messagetype must be edoc or status, not " + messageType);
        }
        if (!systemId.equals(owner(from).orElse(null))) {
            throw new Refusal("SENDER", "organisation " + from + " does not send through system " + systemId);
        }
        if (to.isEmpty()) {
            throw new Refusal("RECIPIENT", "no recipient (header to)");
        }
        List<String> owners = owners(to, properties.forwards());
        StoredFile file;
        try {
            file = files.store(body, "edxml-" + UUID.randomUUID() + ".xml", "hub:" + systemId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recipientsIn(file, from);
        return enqueue(file, from, systemId, to, owners, messageType);
    }

    /**
     * Accepts a message the national axis brought for members of this hub: to {@code to}, or — when the
     * axis did not say — to the message's own recipients; never back to the axis.
     */
    List<UUID> acceptForwarded(String from, List<String> to, String messageType, StoredFile file) {
        if (!MESSAGE_TYPES.contains(messageType)) {
            throw new Refusal("MESSAGE_TYPE", "messagetype must be edoc or status, not " + messageType);
        }
        List<String> recipients = recipientsIn(file, from);
        List<String> addressed = to.isEmpty() ? recipients : to;
        return enqueue(file, from, UPSTREAM, addressed, owners(addressed, false), messageType);
    }

    /** The member system of each recipient; the national axis for the others when the hub forwards. */
    private List<String> owners(List<String> to, boolean upstream) {
        List<String> owners = new ArrayList<>();
        for (String recipient : to) {
            owners.add(route(recipient)
                    .or(() -> upstream ? Optional.of(UPSTREAM) : Optional.empty())
                    .orElseThrow(() -> new Refusal("RECIPIENT", "no member system receives for " + recipient)));
        }
        return owners;
    }

    /** The member that receives for {@code organ}, or for the code that replaced it. */
    private Optional<String> route(String organ) {
        return owner(organ)
                .or(() -> directory
                        .current(organ)
                        .filter(agency -> !agency.code().equals(organ))
                        .flatMap(agency -> owner(agency.code())));
    }

    private List<UUID> enqueue(
            StoredFile file, String from, String senderSystem, List<String> to, List<String> owners, String type) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            UUID docId = UUID.randomUUID();
            jdbc.sql("""
                    insert into interchange.hub_message (doc_id, sender, sender_system, recipient, system_id,
                        message_type, file_id, sha256)
                    values (:doc, :from, :sender, :to, :owner, :type, :file, :sha)
                    on conflict (sender, recipient, message_type, sha256) do nothing
                    """)
                    .param("doc", docId)
                    .param("from", from)
                    .param("sender", senderSystem)
                    .param("to", to.get(i))
                    .param("owner", owners.get(i))
                    .param("type", type)
                    .param("file", file.id())
                    .param("sha", file.sha256())
                    .update();
            ids.add(jdbc.sql("""
                            select doc_id from interchange.hub_message
                            where sender = :from and recipient = :to and message_type = :type and sha256 = :sha
                            """)
                    .param("from", from)
                    .param("to", to.get(i))
                    .param("type", type)
                    .param("sha", file.sha256())
                    .query(UUID.class)
                    .single());
        }
        return ids;
    }

    /** The messages waiting for a member, oldest first. */
    @Transactional(readOnly = true)
    List<Waiting> waiting(String systemId, String messageType, int limit) {
        return jdbc.sql("""
                select * from interchange.hub_message
                where system_id = :id and state in ('WAITING', 'PROCESSING')
                  and (cast(:type as varchar) is null or message_type = :type)
                order by id limit :limit
                """)
                .param("id", systemId)
                .param("type", messageType)
                .param("limit", limit)
                .query((rs, n) -> new Waiting(
                        rs.getObject("doc_id", UUID.class),
                        rs.getString("sender"),
                        rs.getString("recipient"),
                        rs.getString("message_type"),
                        rs.getString("state"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A message's edXML, for the member it waits for. */
    @Transactional(readOnly = true)
    StoredFile fetch(String systemId, UUID docId) {
        UUID file = jdbc.sql("select file_id from interchange.hub_message where doc_id = :doc and system_id = :id")
                .param("doc", docId)
                .param("id", systemId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new Refusal("DOC_ID", "no message " + docId + " for system " + systemId));
        return files.require(file);
    }

    /** The member's transport acknowledgement: {@code done}, {@code fail} or {@code processing}. */
    void update(String systemId, UUID docId, String status) {
        String state = switch (status == null ? "" : status.toLowerCase(java.util.Locale.ROOT)) {
            case "done" -> "DONE";
            case "fail" -> "FAILED";
            case "processing" -> "PROCESSING";
            default -> throw new Refusal("STATUS", "status must be done, fail or processing");
        };
        int updated = jdbc.sql("""
                update interchange.hub_message set state = :state, updated_at = now()
                where doc_id = :doc and system_id = :id
                """)
                .param("state", state)
                .param("doc", docId)
                .param("id", systemId)
                .update();
        if (updated == 0) {
            throw new Refusal("DOC_ID", "no message " + docId + " for system " + systemId);
        }
    }

    private Optional<String> owner(String organ) {
        return jdbc.sql("select system_id from interchange.hub_organ where organ_id = :organ")
                .param("organ", organ)
                .query(String.class)
                .optional();
    }

    /**
     * Refuses what is not edXML, or whose sender is not the organisation the call names; returns whom the
     * message is for (a document's recipients, the sender of the document a status answers).
     */
    private List<String> recipientsIn(StoredFile file, String from) {
        try (InputStream in = files.open(file);
                var read = new EdxmlReader(EdxmlReader.Limits.DEFAULT, properties.temporary()).read(in)) {
            String sender = switch (read.message()) {
                case Edxml.DocumentMessage document -> document.header().from().organId();
                case Edxml.StatusMessage status -> status.header().from().organId();
            };
            if (!sender.equals(from)) {
                throw new Refusal("SENDER", "the message's From is " + sender + ", the call's from is " + from);
            }
            return switch (read.message()) {
                case Edxml.DocumentMessage document ->
                    document.header().to().stream().map(Edxml.Organ::organId).toList();
                case Edxml.StatusMessage status ->
                    List.of(status.header().responseFor().organId());
            };
        } catch (EdxmlException e) {
            throw new Refusal("EDXML", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
