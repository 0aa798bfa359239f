package io.epewatch.notification;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending e-mails of notices through the configured SMTP server ({@code spring.mail.*}); a failure is tried
 * again on the next round, up to {@code max-attempts}. With no SMTP server configured, notices stay in the app only.
 * Each e-mail is sent in a transaction that holds its row ({@code for update skip locked}), so instances sharing the
 * database (issue 22) never send one twice; a crash between the send and the commit sends it again (at least once).
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private record Pending(long id, String recipient, String subject, String body, String link, int attempts) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final Notifications notifications;
    private final TransactionTemplate transaction;

    MailDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
                 Notifications notifications, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.properties = properties;
        this.notifications = notifications;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${epewatch.notification.deliver-every:PT30S}")
    void deliver() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<Long> pending = jdbc.sql("select id from notification where email_state = 'PENDING' order by id limit 200")
                .query(Long.class).list();
        for (long id : pending) {
            if (Boolean.FALSE.equals(transaction.execute(status -> deliver(sender, id)))) {
                return; // the server is likely down: the rest waits for the next round
            }
        }
    }

    /** Sends one pending e-mail unless another instance holds it or sent it; false when the server failed. */
    private boolean deliver(JavaMailSender sender, long id) {
        Pending p = jdbc.sql("""
                        select id, recipient, subject, body, link, email_attempts from notification
                        where id = ? and email_state = 'PENDING' for update skip locked""")
                .param(id)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("link"), rs.getInt("email_attempts"))).optional().orElse(null);
        if (p != null) {
            String to = notifications.address(p.recipient()).orElse(null);
            if (to == null) {
                jdbc.sql("update notification set email_state = 'NONE' where id = ?").param(p.id()).update();
                return true;
            }
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
                helper.setFrom(properties.from());
                helper.setTo(to);
                helper.setSubject("[EPE Watch] " + p.subject());
                helper.setText(p.body() + (p.link() == null ? "" : "\n\n" + p.link()));
                sender.send(message);
                jdbc.sql("update notification set email_state = 'SENT', email_attempts = email_attempts + 1 where id = ?")
                        .param(p.id()).update();
            } catch (MailException | jakarta.mail.MessagingException e) {
                boolean last = p.attempts() + 1 >= properties.maxAttempts();
                jdbc.sql("update notification set email_state = ?, email_attempts = email_attempts + 1 where id = ?")
                        .params(last ? "FAILED" : "PENDING", p.id()).update();
                // the address is personal data: the log names the notice, not where it went
                log.warn("E-mail of notice {} not sent (attempt {}{}): {}", p.id(), p.attempts() + 1,
                        last ? ", given up" : "", e.getMessage());
                return false;
            }
        }
        return true;
    }
}
