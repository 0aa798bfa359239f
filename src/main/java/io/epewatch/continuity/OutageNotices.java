package io.epewatch.continuity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.epewatch.calendar.WorkingDays;
import io.epewatch.calendar.WorkingHours;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.UserAccounts;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.notification.NoticeKind;
import io.epewatch.notification.Notifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices of R5.9: when the customs system fails, a notice is drafted at once, due within 2 hours (or 2 hours into
 * the next working day, {@link NoticeDue}); customs IT edits and publishes it; it shows on the public status page and
 * goes to every enterprise account (EPE users and declarants, in the app and by e-mail where they gave one). When the
 * system is back, an end-of-outage notice the same way. One notice of each kind per change of the pair (its epoch).
 */
@Service
class OutageNotices {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    OutageNotices(JdbcClient jdbc, WorkingDays workingDays, Notifications notifications, UserAccounts accounts,
                  AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.notifications = notifications;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Kind {
        OUTAGE, RESTORED
    }

    public record OutageNotice(long id, Kind kind, long epoch, Instant happenedAt, Instant draftedAt, Instant dueAt,
                               String title, String body, Instant publishedAt, String publishedBy) {

        public boolean published() {
            return publishedAt != null;
        }

        public boolean overdue(Instant now) {
            return publishedAt == null ? now.isAfter(dueAt) : publishedAt.isAfter(dueAt);
        }
    }

    /** Drafts the notice of this change, in Vietnamese as customs publishes it; a second draft of the same change is a no-op. */
    @Transactional
    public void draft(Kind kind, long epoch, Instant happened) {
        WorkingHours hours = new WorkingHours(0, WorkingHours.DEFAULT_OPENS, WorkingHours.DEFAULT_CLOSES);
        Instant due = NoticeDue.of(happened, workingDays.calendar(), hours);
        String at = AT.format(LocalDateTime.ofInstant(happened, NoticeDue.VIETNAM));
        String title = kind == Kind.OUTAGE ? "Thông báo sự cố hệ thống thông quan điện tử"
                : "Thông báo hệ thống thông quan điện tử hoạt động trở lại";
        String body = kind == Kind.OUTAGE
                ? "Hệ thống thông quan điện tử gặp sự cố từ " + at + ". Trong thời gian khắc phục, người khai hải quan gửi tờ khai "
                        + "đến hệ thống dự phòng theo địa chỉ đã thông báo, với cùng định dạng thông điệp; nếu cả hai hệ thống "
                        + "đều không tiếp nhận được, thực hiện thủ tục hải quan theo phương thức thủ công (Điều 15 Nghị định 87/2012/NĐ-CP)."
                : "Hệ thống thông quan điện tử đã hoạt động trở lại từ " + at + ". Người khai hải quan gửi tờ khai đến hệ thống "
                        + "chính; các tờ khai đã được hệ thống dự phòng tiếp nhận được xử lý tiếp trên hệ thống chính.";
        jdbc.sql("""
                        insert into outage_notice (kind, epoch, happened_at, drafted_at, due_at, title, body)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (kind, epoch) do nothing""")
                .params(kind.name(), epoch, Timestamp.from(happened), Timestamp.from(clock.instant()), Timestamp.from(due), title, body)
                .update();
    }

    /**
     * The primary came back before anyone took over (a restart, or a pair's first start with the backup up first):
     * the unpublished outage draft of that change is withdrawn, so customs IT is not asked to announce what nobody
     * saw; one already published gets its end-of-outage draft, since enterprises were told of the outage.
     */
    @Transactional
    public void primaryBackBeforeTakeover(long epoch, Instant back) {
        int withdrawn = jdbc.sql("delete from outage_notice where kind = 'OUTAGE' and epoch = ? and published_at is null")
                .param(epoch).update();
        boolean announced = jdbc.sql("select count(*) from outage_notice where kind = 'OUTAGE' and epoch = ? and published_at is not null")
                .param(epoch).query(Long.class).single() > 0;
        if (withdrawn == 0 && announced) {
            draft(Kind.RESTORED, epoch, back);
        }
    }

    /** Every notice, newest first: for customs IT. */
    public List<OutageNotice> all() {
        return jdbc.sql("select * from outage_notice order by drafted_at desc, id desc limit 50").query(this::toNotice).list();
    }

    /** The published ones, newest first: for everyone. */
    public List<OutageNotice> published() {
        return jdbc.sql("select * from outage_notice where published_at is not null order by published_at desc limit 20")
                .query(this::toNotice).list();
    }

    /** Customs IT publishes the notice with the words it chose; it goes out to every enterprise account at once. */
    @Transactional
    public OutageNotice publish(Caller caller, long id, String title, String body) {
        if (!caller.has(Role.SYSTEM_ADMIN)) {
            throw new AccessDeniedException("customs IT publishes outage notices");
        }
        OutageNotice notice = jdbc.sql("select * from outage_notice where id = ? for update").param(id).query(this::toNotice)
                .optional().orElseThrow(() -> new NotFoundException("outage notice", String.valueOf(id)));
        if (notice.published()) {
            throw new InvalidInputException("id", "noticePublished", "was published already at " + notice.publishedAt(), notice.publishedAt());
        }
        InputCheck check = new InputCheck();
        check.requireText("title", title, 300);
        check.requireText("body", body, 10_000);
        check.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("update outage_notice set title = ?, body = ?, published_at = ?, published_by = ? where id = ?")
                .params(title.strip(), body.strip(), Timestamp.from(now), caller.name(), id).update();
        List<String> enterprises = accounts.all().stream()
                .filter(a -> a.roles().contains(Role.EPE_USER) || a.roles().contains(Role.DECLARANT))
                .map(io.epewatch.identity.Account::username).toList();
        notifications.notify(enterprises, "outage-notice:" + id, NoticeKind.OUTAGE_NOTICE, title.strip(), body.strip(), "/status");
        audit.record(caller.name(), AuditTrail.Actions.OUTAGE_NOTICE_PUBLISHED, null, "outage-notice:" + id,
                Map.of("kind", notice.kind().name(), "recipients", enterprises.size(), "late", now.isAfter(notice.dueAt())));
        return jdbc.sql("select * from outage_notice where id = ?").param(id).query(this::toNotice).single();
    }

    /**
     * On the primary: the notices customs IT published on the backup, kept here too, so that the primary's status
     * page — where enterprises look once it is back — tells the whole outage. Their recipients were told on the
     * backup; nobody is notified again. Returns how many were new or changed.
     */
    @Transactional
    public int keepFromBackup(List<OutageNotice> published) {
        int changed = 0;
        for (OutageNotice n : published) {
            if (!n.published()) {
                continue;
            }
            changed += jdbc.sql("""
                            insert into outage_notice (kind, epoch, happened_at, drafted_at, due_at, title, body, published_at, published_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (kind, epoch) do update set title = excluded.title, body = excluded.body,
                                published_at = excluded.published_at, published_by = excluded.published_by
                            where (outage_notice.title, outage_notice.body, outage_notice.published_at)
                                is distinct from (excluded.title, excluded.body, excluded.published_at)""")
                    .params(n.kind().name(), n.epoch(), Timestamp.from(n.happenedAt()), Timestamp.from(n.draftedAt()),
                            Timestamp.from(n.dueAt()), n.title(), n.body(), Timestamp.from(n.publishedAt()), n.publishedBy())
                    .update();
        }
        return changed;
    }

    private OutageNotice toNotice(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new OutageNotice(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getLong("epoch"),
                rs.getTimestamp("happened_at").toInstant(), rs.getTimestamp("drafted_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), rs.getString("title"), rs.getString("body"),
                published == null ? null : published.toInstant(), rs.getString("published_by"));
    }
}
