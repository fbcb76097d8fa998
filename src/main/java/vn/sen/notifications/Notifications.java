package vn.sen.notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.identity.Accounts;
import vn.sen.identity.Accounts.Contact;
import vn.sen.organization.Organization;
import vn.sen.shared.Role;

/**
 * Notifications (thông báo): in-app notices, with an e-mail to each officer who has an address when
 * asked. Sending the same {@link Notice#key()} to the same account twice does nothing the second time,
 * so reminders can be re-run safely.
 */
@Service
public class Notifications {

    /** Officers, and units by the roles on them that should hear about it (e.g. leaders and clerks). */
    public record Recipients(Collection<Long> officerIds, Collection<Long> unitIds, Set<Role> unitRoles) {

        public Recipients {
            officerIds = List.copyOf(officerIds);
            unitIds = List.copyOf(unitIds);
            unitRoles = Set.copyOf(unitRoles);
        }

        public static Recipients officers(Collection<Long> ids) {
            return new Recipients(ids, List.of(), Set.of());
        }
    }

    /**
     * What to say. {@code key} identifies the occasion (e.g. {@code due-soon:assignment:42}); {@code link}
     * is a path in Sen; {@code email} sends it by e-mail too.
     */
    public record Notice(String key, String subject, String text, String link, boolean email, Attachment attachment) {

        public Notice(String key, String subject, String text, String link, boolean email) {
            this(key, subject, text, link, email, null);
        }
    }

    /** A file sent with the e-mail, e.g. an invitation's iCalendar ({@code text/calendar; method=REQUEST}). */
    public record Attachment(String name, String mediaType, byte[] content) {}

    /** A notice as its reader sees it. */
    public record NoticeView(long id, String subject, String text, String link, Instant createdAt, boolean read) {}

    /** Internal: e-mails were queued in the committing transaction. */
    record MailQueued(int count) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Organization organization;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;

    Notifications(
            JdbcClient jdbc,
            Accounts accounts,
            Organization organization,
            MailOutbox outbox,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organization = organization;
        this.outbox = outbox;
        this.events = events;
    }

    /** Sends the notice; returns how many accounts got it now (those who had it already are skipped). */
    @Transactional
    public int send(Recipients to, Notice notice) {
        List<Contact> contacts =
                accounts.contacts(to.officerIds(), to.unitIds(), to.unitRoles().toArray(Role[]::new));
        Map<Long, String> emails = notice.email() && outbox.enabled()
                ? organization.officerEmails(contacts.stream()
                        .map(Contact::officerId)
                        .filter(java.util.Objects::nonNull)
                        .toList())
                : Map.of();
        int sent = 0;
        int mails = 0;
        for (Contact contact : contacts) {
            Optional<Long> id = jdbc.sql("""
                    insert into notifications.notice (username, key, subject, text, link)
                    values (:username, :key, :subject, :text, :link)
                    on conflict (username, key) do nothing
                    returning id
                    """)
                    .param("username", contact.username())
                    .param("key", notice.key())
                    .param("subject", cut(notice.subject(), 300))
                    .param("text", cut(notice.text(), 4000))
                    .param("link", cut(notice.link(), 500))
                    .query(Long.class)
                    .optional();
            if (id.isEmpty()) {
                continue;
            }
            sent++;
            String address = contact.officerId() == null ? null : emails.get(contact.officerId());
            if (address != null && !address.isBlank()) {
                queue(id.get(), address, null, notice.attachment());
                mails++;
            }
        }
        if (mails > 0) {
            events.publishEvent(new MailQueued(mails));
        }
        return sent;
    }

    /**
     * E-mails someone who has no account (a guest from outside); nothing is sent when no mail server is
     * configured. Returns whether the mail was queued.
     */
    @Transactional
    public boolean mail(String address, Notice notice) {
        if (!outbox.enabled() || address == null || address.isBlank()) {
            return false;
        }
        queue(null, address, notice, notice.attachment());
        events.publishEvent(new MailQueued(1));
        return true;
    }

    private void queue(Long noticeId, String address, Notice own, Attachment attachment) {
        jdbc.sql("""
                insert into notifications.mail (notice_id, address, subject, text, link, attachment_name,
                    attachment_type, attachment)
                values (:n, :a, :subject, :text, :link, :name, :type, :content)
                """)
                .param("n", noticeId)
                .param("a", address.strip())
                .param("subject", own == null ? null : cut(own.subject(), 300))
                .param("text", own == null ? null : cut(own.text(), 4000))
                .param("link", own == null ? null : cut(own.link(), 500))
                .param("name", attachment == null ? null : attachment.name())
                .param("type", attachment == null ? null : attachment.mediaType())
                .param("content", attachment == null ? null : attachment.content())
                .update();
    }

    public long unread(String username) {
        return jdbc.sql("select count(*) from notifications.notice where username = :u and read_at is null")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    /** The latest notices of an account, newest first. */
    public List<NoticeView> recent(String username, int limit) {
        return jdbc.sql("""
                select id, subject, text, link, created_at, read_at is not null as read
                from notifications.notice where username = :u order by id desc limit :limit
                """)
                .param("u", username)
                .param("limit", limit)
                .query((rs, n) -> new NoticeView(
                        rs.getLong("id"),
                        rs.getString("subject"),
                        rs.getString("text"),
                        rs.getString("link"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("read")))
                .list();
    }

    /** Marks the account's own notice read and gives its link; another account's notice is not found. */
    @Transactional
    public Optional<String> open(String username, long id) {
        return jdbc.sql("""
                update notifications.notice set read_at = coalesce(read_at, now())
                where id = :id and username = :u returning link
                """)
                .param("id", id)
                .param("u", username)
                .query(String.class)
                .optional();
    }

    @Transactional
    public int readAll(String username) {
        return jdbc.sql("update notifications.notice set read_at = now() where username = :u and read_at is null")
                .param("u", username)
                .update();
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
