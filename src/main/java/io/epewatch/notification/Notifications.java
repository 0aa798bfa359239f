package io.epewatch.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices to people, in the app and — for those who gave an address — by e-mail. A notice is given once per person
 * and subject ({@code dedupeKey}), so sweeps and redelivered events may ask again freely.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Notifications(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Gives the notice to each recipient who has not had it; returns how many got it now. */
    @Transactional
    public int notify(Collection<String> recipients, String dedupeKey, NoticeKind kind, String subject, String body,
                      String link) {
        return notify(recipients, dedupeKey, kind, subject, body, link, null);
    }

    /**
     * As {@link #notify(Collection, String, NoticeKind, String, String, String)}; the inbox says the notice in the
     * reader's language from its kind and {@code args} (messages {@code notice.subject.KIND}, {@code notice.body.KIND}).
     */
    @Transactional
    public int notify(Collection<String> recipients, String dedupeKey, NoticeKind kind, String subject, String body,
                      String link, List<String> args) {
        int given = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (String recipient : recipients.stream().distinct().toList()) {
            boolean mail = address(recipient).isPresent();
            given += jdbc.sql("""
                            insert into notification (recipient, kind, subject, body, link, dedupe_key, created_at, email_state, args)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (recipient, dedupe_key) do nothing""")
                    .params(recipient, kind.name(), subject, body, link, dedupeKey, now, mail ? "PENDING" : "NONE",
                            args == null ? null : args.toArray(String[]::new)).update();
        }
        return given;
    }

    public List<Notice> inbox(String username, int limit) {
        return jdbc.sql("""
                        select id, kind, subject, body, link, created_at, read_at, email_state, args from notification
                        where recipient = ? order by created_at desc, id desc limit ?""")
                .params(username, Math.min(Math.max(limit, 1), 500))
                .query((rs, n) -> new Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                        rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant(),
                        rs.getString("email_state"), args(rs.getArray("args")))).list();
    }

    private static List<String> args(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }

    public long unread(String username) {
        return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null").param(username)
                .query(Long.class).single();
    }

    @Transactional
    public void markRead(Caller caller, long id) {
        int changed = jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient = ?")
                .params(Timestamp.from(clock.instant()), id, caller.name()).update();
        if (changed == 0) {
            throw new NotFoundException("notification", String.valueOf(id));
        }
    }

    public Optional<String> address(String username) {
        return jdbc.sql("select email from notification_address where username = ?").param(username).query(String.class)
                .optional();
    }

    /** Sets (or, blank, removes) where the caller's notices go by e-mail. Audited; the address is not logged. */
    @Transactional
    public void setAddress(Caller caller, String email) {
        if (email == null || email.isBlank()) {
            jdbc.sql("delete from notification_address where username = ?").param(caller.name()).update();
            audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "user:" + caller.name(),
                    Map.of("change", "notification e-mail removed"));
            return;
        }
        InputCheck check = new InputCheck();
        check.parse("email", email, raw -> {
            String trimmed = raw.strip();
            if (trimmed.length() > 254 || !trimmed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new IllegalArgumentException("must be an e-mail address like ten@haiquan.gov.vn");
            }
            return trimmed;
        });
        check.throwIfAny();
        jdbc.sql("""
                        insert into notification_address (username, email, updated_at) values (?, ?, ?)
                        on conflict (username) do update set email = excluded.email, updated_at = excluded.updated_at""")
                .params(caller.name(), email.strip(), Timestamp.from(clock.instant())).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "user:" + caller.name(),
                Map.of("change", "notification e-mail set"));
    }
}
