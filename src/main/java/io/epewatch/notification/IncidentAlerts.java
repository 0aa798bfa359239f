package io.epewatch.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.Account;
import io.epewatch.identity.Role;
import io.epewatch.identity.UserAccounts;
import io.epewatch.incident.Incident;
import io.epewatch.incident.IncidentOpened;
import io.epewatch.incident.IncidentTimeline;
import io.epewatch.incident.Incidents;
import io.epewatch.registry.Enterprises;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who hears of an incident, and when (R2.3–R2.5): its opening reaches the enterprise's people and the customs
 * officers and heads of its sub-department; the day before the deadline and once overdue, the enterprise and the
 * following officer; each working day without a follow-up, that officer and the heads. The sweep may run as often as
 * wanted: each notice is given once.
 */
@Component
class IncidentAlerts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Incidents incidents;
    private final Enterprises enterprises;
    private final UserAccounts accounts;
    private final Notifications notifications;

    IncidentAlerts(Incidents incidents, Enterprises enterprises, UserAccounts accounts, Notifications notifications) {
        this.incidents = incidents;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(IncidentOpened opened) {
        List<Account> people = accounts.all();
        incidents.find(AccessScope.all(), opened.incidentId()).ifPresent(i -> notifications.notify(
                union(enterprisePeople(people, i), customs(people, i, Set.of(Role.OFFICER, Role.HEAD))), "opened:" + i.id(),
                NoticeKind.INCIDENT_OPENED,
                "Sự cố ca-mê-ra tại " + i.notice().enterpriseName() + " — hạn khắc phục " + DAY.format(i.deadline()),
                "Sự cố " + kind(i) + " số " + i.id() + ", ca-mê-ra " + String.join(", ", i.notice().affectedCameras())
                        + ". Hạn khắc phục: " + DAY.format(i.deadline()) + ".\n"
                        + "Camera incident " + i.id() + " at " + i.notice().enterpriseName() + "; due " + DAY.format(i.deadline()) + ".",
                link(i), args(i, DAY.format(i.deadline()), String.join(", ", i.notice().affectedCameras()))));
    }

    @Scheduled(fixedDelayString = "${epewatch.notification.sweep-every:PT15M}", initialDelayString = "PT10S")
    void sweep() {
        IncidentTimeline timeline = incidents.timeline();
        LocalDate tomorrow = incidents.calendar().plusWorkingDays(timeline.today(), 1);
        List<Account> people = accounts.all();
        for (Incident i : incidents.list(AccessScope.all(), null, true, 500)) {
            List<String> following = i.assignedOfficer() == null ? List.of() : List.of(i.assignedOfficer());
            if (i.deadline().equals(tomorrow) && i.overdueSince() == null) {
                notifications.notify(union(enterprisePeople(people, i), following), "due:" + i.id() + ":" + i.deadline(),
                        NoticeKind.DEADLINE_TOMORROW,
                        "Sự cố số " + i.id() + " phải khắc phục xong trong ngày làm việc tới (" + DAY.format(i.deadline()) + ")",
                        i.notice().enterpriseName() + ": hạn khắc phục sự cố " + i.id() + " là " + DAY.format(i.deadline())
                                + ".\nIncident " + i.id() + " is due on the next working day.", link(i), args(i, DAY.format(i.deadline())));
            }
            if (i.overdueSince() != null) {
                notifications.notify(union(enterprisePeople(people, i), following, customs(people, i, Set.of(Role.HEAD))),
                        "overdue:" + i.id() + ":" + i.deadline(), NoticeKind.INCIDENT_OVERDUE,
                        "Sự cố số " + i.id() + " đã quá hạn khắc phục (" + DAY.format(i.deadline()) + ")",
                        i.notice().enterpriseName() + " chưa khắc phục sự cố " + i.id() + " đúng hạn "
                                + DAY.format(i.deadline()) + "; doanh nghiệp phải gửi văn bản thông báo lý do và thời gian dự kiến."
                                + "\nIncident " + i.id() + " is overdue: the enterprise must send a late notice.", link(i),
                        args(i, DAY.format(i.deadline())));
            }
            for (LocalDate missing : i.missingFollowUps()) {
                notifications.notify(union(following, customs(people, i, Set.of(Role.HEAD))), "missing:" + i.id() + ":" + missing,
                        NoticeKind.FOLLOW_UP_MISSING,
                        "Chưa cập nhật tình hình sự cố số " + i.id() + " ngày " + DAY.format(missing),
                        "Ngày làm việc " + DAY.format(missing) + " không có cập nhật tình hình khắc phục sự cố " + i.id()
                                + " (" + i.notice().enterpriseName() + ").\nNo follow-up of incident " + i.id() + " on "
                                + DAY.format(missing) + ".", link(i), args(i, DAY.format(missing)));
            }
        }
    }

    /** The arguments of an incident's notice: its number, the enterprise, then these. */
    private static List<String> args(Incident i, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(String.valueOf(i.id()), i.notice().enterpriseName()));
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> enterprisePeople(List<Account> people, Incident i) {
        return people.stream().filter(Account::enabled)
                .filter(a -> i.enterpriseTaxCode().equals(a.enterpriseTaxCode()) && a.roles().contains(Role.EPE_USER))
                .map(Account::username).toList();
    }

    /** The enterprise's sub-department's people of these roles. */
    private List<String> customs(List<Account> people, Incident i, Set<Role> roles) {
        Long unit = enterprises.findForSystem(i.enterpriseTaxCode()).map(e -> e.managingUnitId()).orElse(null);
        return people.stream().filter(Account::enabled)
                .filter(a -> unit != null && unit.equals(a.unitId()) && a.roles().stream().anyMatch(roles::contains))
                .map(Account::username).toList();
    }

    @SafeVarargs
    private static List<String> union(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            list.stream().filter(u -> !all.contains(u)).forEach(all::add);
        }
        return all;
    }

    private static String kind(Incident i) {
        return i.kind().name().equals("CHANNEL") ? "kênh truyền" : "thiết bị";
    }

    private static String link(Incident i) {
        return "/incidents/" + i.id();
    }
}
