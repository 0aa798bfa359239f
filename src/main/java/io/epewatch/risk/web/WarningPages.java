package io.epewatch.risk.web;

import io.epewatch.gate.GateEvents;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import io.epewatch.risk.Warning;
import io.epewatch.risk.WarningStatus;
import io.epewatch.risk.Warnings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Warning list and detail for officers (R4.6: the evidence beside the warning). */
@Controller
class WarningPages {

    private final Warnings warnings;
    private final Enterprises enterprises;
    private final GateEvents gateEvents;
    private final CurrentCaller caller;
    private final JsonMapper json;

    WarningPages(Warnings warnings, Enterprises enterprises, GateEvents gateEvents, CurrentCaller caller, JsonMapper json) {
        this.warnings = warnings;
        this.enterprises = enterprises;
        this.gateEvents = gateEvents;
        this.caller = caller;
        this.json = json;
    }

    @GetMapping("/warnings")
    String list(@RequestParam(required = false) String enterpriseTaxCode,
                @RequestParam(required = false) WarningStatus status, Model model) {
        fill(enterpriseTaxCode, status, model);
        model.addAttribute("enterprises", enterprises.list(caller.get().access()));
        model.addAttribute("statuses", WarningStatus.values());
        return "risk/warnings";
    }

    /** The table alone, polled by htmx so new warnings appear without reloading. */
    @GetMapping("/warnings/rows")
    String rows(@RequestParam(required = false) String enterpriseTaxCode,
                @RequestParam(required = false) WarningStatus status, Model model) {
        fill(enterpriseTaxCode, status, model);
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
        return "risk/warning";
    }

    /** The inbox's bulk action: mark the ticked warnings as seen. */
    @PostMapping("/warnings/acknowledge")
    String acknowledge(@RequestParam(name = "ids", required = false) java.util.List<Long> ids,
                       @RequestParam(required = false) String enterpriseTaxCode,
                       @RequestParam(required = false) WarningStatus status) {
        warnings.acknowledge(caller.get(), ids == null ? java.util.List.of() : ids);
        return "redirect:/warnings?enterpriseTaxCode=" + (enterpriseTaxCode == null ? "" : enterpriseTaxCode)
                + "&status=" + (status == null ? "" : status.name());
    }

    private void fill(String taxCode, WarningStatus status, Model model) {
        String filter = taxCode == null || taxCode.isBlank() ? null : taxCode;
        java.util.List<Warning> list = warnings.list(caller.get().access(), filter, status, 200);
        model.addAttribute("warnings", list);
        model.addAttribute("acknowledged", warnings.acknowledged(list.stream().map(Warning::id).toList()));
        model.addAttribute("selectedEnterprise", filter);
        model.addAttribute("selectedStatus", status);
    }
}
