package vn.sen.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail outbox: mails are written in the notifying transaction and sent once it commits (at once,
 * in the background) or by the periodic sweep that retries the ones the mail server refused — after
 * 1, 2, 4… minutes, up to {@code sen.notifications.mail-attempts} tries. Rows are claimed with
 * {@code skip locked}, so several application nodes share the work without sending twice.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final TransactionTemplate transactions;
    private final String from;
    private final String baseUrl;
    private final int maxAttempts;

    MailOutbox(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> sender,
            TransactionTemplate transactions,
            @Value("${sen.notifications.from:sen@localhost}") String from,
            @Value("${sen.base-url:http://localhost:8080}") String baseUrl,
            @Value("${sen.notifications.mail-attempts:8}") int maxAttempts) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.transactions = transactions;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.maxAttempts = maxAttempts;
    }

    /** Whether a mail server is configured ({@code spring.mail.host}). */
    boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(Notifications.MailQueued queued) {
        sendDue();
    }

    @Scheduled(
            fixedDelayString = "${sen.notifications.mail-sweep:30s}",
            initialDelayString = "${sen.notifications.mail-sweep:30s}")
    void sweep() {
        if (enabled()) {
            sendDue();
        }
    }

    private record Mail(
            long id,
            String address,
            int attempts,
            String subject,
            String text,
            String link,
            String attachmentName,
            String attachmentType,
            byte[] attachment) {}

    /** Sends every mail that is due; returns how many were sent. */
    int sendDue() {
        JavaMailSender mailer = sender.getIfAvailable();
        if (mailer == null) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Integer batch = transactions.execute(tx -> {
                List<Mail> due = jdbc.sql("""
                        select m.id, m.address, m.attempts, coalesce(m.subject, n.subject), coalesce(m.text, n.text),
                            coalesce(m.link, n.link), m.attachment_name, m.attachment_type, m.attachment
                        from notifications.mail m left join notifications.notice n on n.id = m.notice_id
                        where m.state = 'PENDING' and m.next_attempt <= now()
                        order by m.id limit :batch for update of m skip locked
                        """)
                        .param("batch", BATCH)
                        .query((rs, n) -> new Mail(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getBytes(9)))
                        .list();
                int ok = 0;
                for (Mail mail : due) {
                    ok += deliver(mailer, mail) ? 1 : 0;
                }
                return due.isEmpty() ? -1 : ok;
            });
            if (batch == null || batch < 0) {
                return sent;
            }
            sent += batch;
            if (batch == 0) {
                return sent; // the server refuses everything now: leave the rest to the sweep
            }
        }
    }

    private boolean deliver(JavaMailSender mailer, Mail mail) {
        String text = mail.text() + (mail.link().isEmpty() ? "" : "\n\n" + baseUrl + mail.link())
                + "\n\n-- \nSen — thư tự động, vui lòng không trả lời.";
        try {
            if (mail.attachment() == null) {
                var message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.address());
                message.setSubject("[Sen] " + mail.subject());
                message.setText(text);
                mailer.send(message);
            } else {
                MimeMessage message = mailer.createMimeMessage();
                var helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(mail.address());
                helper.setSubject("[Sen] " + mail.subject());
                helper.setText(text);
                helper.addAttachment(
                        mail.attachmentName(), new ByteArrayResource(mail.attachment()), mail.attachmentType());
                mailer.send(message);
            }
            jdbc.sql(
                            "update notifications.mail set state = 'SENT', sent_at = now(), attempts = attempts + 1 where id = :id")
                    .param("id", mail.id())
                    .update();
            return true;
        } catch (MailException | MessagingException e) {
            int attempts = mail.attempts() + 1;
            Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
            log.warn("Mail {} to {} not sent (attempt {}): {}", mail.id(), mail.address(), attempts, e.getMessage());
            jdbc.sql("""
                    update notifications.mail set attempts = :a, last_error = :e,
                        state = case when :a >= :max then 'FAILED' else 'PENDING' end,
                        next_attempt = now() + make_interval(secs => :wait)
                    where id = :id
                    """)
                    .param("a", attempts)
                    .param(
                            "e",
                            String.valueOf(e.getMessage())
                                    .substring(
                                            0,
                                            Math.min(
                                                    500,
                                                    String.valueOf(e.getMessage())
                                                            .length())))
                    .param("max", maxAttempts)
                    .param("wait", wait.toSeconds())
                    .param("id", mail.id())
                    .update();
            return false;
        }
    }
}
