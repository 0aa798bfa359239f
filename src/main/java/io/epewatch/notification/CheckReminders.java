package io.epewatch.notification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.epewatch.planning.SupervisionCheck;
import io.epewatch.planning.SupervisionPlans;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Each officer hears in the morning of the checks planned for them that day (R4.1); each reminder once. */
@Component
class CheckReminders {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final SupervisionPlans plans;
    private final Notifications notifications;
    private final java.time.Clock clock;

    CheckReminders(SupervisionPlans plans, Notifications notifications, java.time.Clock clock) {
        this.plans = plans;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${epewatch.notification.sweep-every:PT15M}", initialDelayString = "PT10S")
    void sweep() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        for (SupervisionCheck c : plans.checksOn(today)) {
            if (c.result() != null) {
                continue;
            }
            notifications.notify(List.of(c.officer()), "check:" + c.id() + ":" + c.at(), NoticeKind.CHECK_DUE_TODAY,
                    "Kiểm tra " + c.enterpriseName() + " hôm nay lúc " + TIME.format(c.at()),
                    (c.unscheduled() ? "Kiểm tra đột xuất" : "Kiểm tra theo kế hoạch") + " doanh nghiệp " + c.enterpriseName()
                            + " (" + c.enterpriseTaxCode() + ") lúc " + TIME.format(c.at()) + ".\nCheck of "
                            + c.enterpriseName() + " today at " + TIME.format(c.at()) + ".",
                    "/checks", List.of(c.enterpriseName(), TIME.format(c.at()), c.enterpriseTaxCode(), c.unscheduled() ? "1" : "0"));
        }
    }
}
