package io.epewatch.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.epewatch.camera.CameraLogbook;
import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEvents;
import io.epewatch.identity.AccessScope;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.incident.Incident;
import io.epewatch.incident.Incidents;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import io.epewatch.risk.Warning;
import io.epewatch.risk.WarningText;
import io.epewatch.risk.Warnings;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An enterprise's timeline: its gate passages, warnings and camera incidents in one list, with its risk score. */
@Controller
class EnterpriseTimeline {

    private static final int PER_KIND = 100;

    /** One line of the timeline: what happened, when, and where to look. */
    record Moment(Instant at, String kind, String text, String link) {
    }

    private final Enterprises enterprises;
    private final GateEvents gateEvents;
    private final Warnings warnings;
    private final WarningText warningText;
    private final CameraLogbook logbook;
    private final EnterpriseRisk risk;
    private final CurrentCaller caller;
    private final Incidents incidents;
    private final MessageSource messages;
    private final CameraReason reasons;
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    EnterpriseTimeline(Enterprises enterprises, GateEvents gateEvents, Warnings warnings, WarningText warningText,
                       CameraLogbook logbook, EnterpriseRisk risk, CurrentCaller caller, Incidents incidents,
                       MessageSource messages, CameraReason reasons) {
        this.messages = messages;
        this.reasons = reasons;
        this.incidents = incidents;
        this.enterprises = enterprises;
        this.gateEvents = gateEvents;
        this.warnings = warnings;
        this.warningText = warningText;
        this.logbook = logbook;
        this.risk = risk;
        this.caller = caller;
    }

    @GetMapping("/enterprises/{taxCode}/timeline")
    String timeline(@PathVariable String taxCode, Model model) {
        AccessScope scope = caller.get().access();
        Set<String> visible = enterprises.visibleTaxCodes(scope, taxCode);
        if (visible.isEmpty()) {
            throw new NotFoundException("enterprise", taxCode);
        }
        List<Moment> moments = new ArrayList<>();
        for (GateEvent g : gateEvents.latest(visible, PER_KIND)) {
            // R2.3: passages written down by hand while a gate camera was down are told apart
            moments.add(new Moment(g.capturedAt(), "manual-log".equals(g.source()) ? "MANUAL" : "PASSAGE", g.cameraNumber() + " "
                    + say("gate.direction." + g.direction()) + " " + (g.plate() == null ? "" : g.plate()) + " "
                    + String.join(" ", g.containers().stream().map(c -> c.number()).toList()), "/passages/" + g.id()));
        }
        for (Warning w : warnings.list(scope, taxCode, null, PER_KIND)) {
            moments.add(new Moment(w.occurredAt(), "WARNING", warningText.summary(w), "/warnings/" + w.id()));
        }
        logbook.entries(scope, taxCode, PER_KIND).forEach(e -> moments.add(new Moment(e.at(), "CAMERA",
                e.cameraNumber() + " " + (e.state() == null ? say("logbook.kind." + e.kind()) : say("state." + e.state()))
                        + (e.reason() == null ? "" : " — " + reasons.words(e.reason())),
                "/enterprises/" + taxCode + "/cameras/" + e.cameraNumber() + "/monitor")));
        for (Incident i : incidents.list(scope, taxCode, false, PER_KIND)) {
            moments.add(new Moment(i.notifiedAt(), "INCIDENT", "#" + i.id() + " " + String.join(", ", i.notice().affectedCameras())
                    + " — " + say("incident.status." + i.status()) + ", " + say("incident.deadlineOn", DATE.format(i.deadline())),
                    "/incidents/" + i.id()));
        }
        moments.sort(Comparator.comparing(Moment::at).reversed());
        model.addAttribute("enterprise", enterprises.find(scope, taxCode).orElseThrow());
        model.addAttribute("moments", moments.subList(0, Math.min(moments.size(), 300)));
        model.addAttribute("risk", risk.of(scope, taxCode));
        return "timeline";
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
