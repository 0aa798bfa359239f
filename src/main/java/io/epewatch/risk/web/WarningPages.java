package io.epewatch.risk.web;

import java.util.List;
import java.util.Optional;

import io.epewatch.gate.GateEvents;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import io.epewatch.risk.Severity;
import io.epewatch.risk.Warning;
import io.epewatch.risk.WarningQuery;
import io.epewatch.risk.WarningStatus;
import io.epewatch.risk.Warnings;
import io.epewatch.risk.engine.Analysis;
import io.epewatch.identity.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Warning list and detail for officers (R4.6: the evidence beside the warning). */
@Controller
@PreAuthorize(Permissions.RISK_WARNINGS)
class WarningPages {

    private final Warnings warnings;
    private final Enterprises enterprises;
    private final GateEvents gateEvents;
    private final CurrentCaller caller;
    private final JsonMapper json;

    private final io.epewatch.evidence.EvidenceStore evidence;

    WarningPages(Warnings warnings, Enterprises enterprises, GateEvents gateEvents, CurrentCaller caller, JsonMapper json,
                 io.epewatch.evidence.EvidenceStore evidence) {
        this.evidence = evidence;
        this.warnings = warnings;
        this.enterprises = enterprises;
        this.gateEvents = gateEvents;
        this.caller = caller;
        this.json = json;
    }

    @GetMapping("/warnings")
    String list(@RequestParam(required = false) String enterpriseTaxCode,
                @RequestParam(required = false) WarningStatus status,
                @RequestParam(required = false) String rule,
                @RequestParam(required = false) Severity severity,
                @RequestParam(defaultValue = "false") boolean unseen, Model model) {
        fill(new WarningQuery(enterpriseTaxCode, status, rule, severity, unseen), model);
        model.addAttribute("enterprises", enterprises.list(caller.get().access()));
        model.addAttribute("statuses", WarningStatus.values());
        model.addAttribute("rules", Analysis.ruleCodes());
        model.addAttribute("severities", Severity.values());
        return "risk/warnings";
    }

    /** The table alone, fetched by htmx when the stream announces a warning, so it appears without reloading. */
    @GetMapping("/warnings/rows")
    String rows(@RequestParam(required = false) String enterpriseTaxCode,
                @RequestParam(required = false) WarningStatus status,
                @RequestParam(required = false) String rule,
                @RequestParam(required = false) Severity severity,
                @RequestParam(defaultValue = "false") boolean unseen, Model model) {
        fill(new WarningQuery(enterpriseTaxCode, status, rule, severity, unseen), model);
        return "risk/warnings :: rows";
    }

    @GetMapping("/warnings/{id}")
    String detail(@PathVariable long id, Model model) {
        Warning warning = warnings.find(caller.get().access(), id)
                .orElseThrow(() -> new NotFoundException("warning", String.valueOf(id)));
        model.addAttribute("warning", warning);
        model.addAttribute("gateEvent", warning.gateEventId() == null ? null
                : gateEvents.find(caller.get().access(), warning.gateEventId()).orElse(null));
        model.addAttribute("evidenceJson", json.writerWithDefaultPrettyPrinter().writeValueAsString(warning.evidence()));
        // the clip of the passage the warning is about (issue 20); its status is on the passage's page
        model.addAttribute("clips", warning.gateEventId() == null ? List.of() : evidence.linkedTo(new io.epewatch.evidence.EvidenceLink(
                io.epewatch.evidence.EvidenceLink.Kind.GATE_EVENT, String.valueOf(warning.gateEventId()))).stream()
                .filter(item -> item.mediaType().startsWith("video/")).toList());
        return "risk/warning";
    }

    /** The inbox's bulk action: mark the ticked warnings as seen, then show the same filtered inbox again. */
    @PostMapping("/warnings/acknowledge")
    String acknowledge(@RequestParam(name = "ids", required = false) List<Long> ids,
                       @RequestParam(required = false) String enterpriseTaxCode,
                       @RequestParam(required = false) WarningStatus status,
                       @RequestParam(required = false) String rule,
                       @RequestParam(required = false) Severity severity,
                       @RequestParam(defaultValue = "false") boolean unseen) {
        warnings.acknowledge(caller.get(), ids == null ? List.of() : ids);
        return "redirect:" + UriComponentsBuilder.fromPath("/warnings")
                .queryParamIfPresent("enterpriseTaxCode", Optional.ofNullable(enterpriseTaxCode))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("rule", Optional.ofNullable(rule))
                .queryParamIfPresent("severity", Optional.ofNullable(severity))
                .queryParam("unseen", unseen)
                .encode().build().toUriString();
    }

    private void fill(WarningQuery query, Model model) {
        List<Warning> list = warnings.list(caller.get().access(), query, 200);
        model.addAttribute("warnings", list);
        model.addAttribute("acknowledged", warnings.acknowledged(list.stream().map(Warning::id).toList()));
        model.addAttribute("query", query);
        model.addAttribute("selectedEnterprise", query.enterpriseTaxCode());
    }
}
