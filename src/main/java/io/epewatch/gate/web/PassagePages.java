package io.epewatch.gate.web;

import io.epewatch.gate.GateEvents;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.registry.Enterprises;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The latest gate passages in the caller's scope: what the gate cameras read (R1.2), newest first. */
@Controller
class PassagePages {

    private final GateEvents gateEvents;
    private final Enterprises enterprises;
    private final CurrentCaller caller;

    PassagePages(GateEvents gateEvents, Enterprises enterprises, CurrentCaller caller) {
        this.gateEvents = gateEvents;
        this.enterprises = enterprises;
        this.caller = caller;
    }

    @GetMapping("/passages")
    String list(@RequestParam(required = false) String enterpriseTaxCode, Model model) {
        String filter = enterpriseTaxCode == null || enterpriseTaxCode.isBlank() ? null : enterpriseTaxCode;
        model.addAttribute("passages", gateEvents.latest(enterprises.visibleTaxCodes(caller.get().access(), filter), 200));
        model.addAttribute("enterprises", enterprises.list(caller.get().access()));
        model.addAttribute("selectedEnterprise", filter);
        return "gate/passages";
    }
}
