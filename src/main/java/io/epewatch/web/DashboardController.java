package io.epewatch.web;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.risk.WarningStatus;
import io.epewatch.risk.Warnings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the caller supervises and what needs attention now. */
@Controller
class DashboardController {

    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final Warnings warnings;
    private final CurrentCaller caller;

    DashboardController(Enterprises enterprises, SiteDiagram diagram, Warnings warnings, CurrentCaller caller) {
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.warnings = warnings;
        this.caller = caller;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        if (caller.get().has(io.epewatch.identity.Role.DECLARANT) && caller.get().access().enterpriseTaxCode() == null) {
            return "redirect:/clearance/declarations"; // a broker's work is declaring: no enterprise of its own to watch
        }
        fill(model);
        return "dashboard";
    }

    /** The counters alone, refreshed by htmx every few seconds. */
    @GetMapping("/dashboard/counters")
    String counters(Model model) {
        fill(model);
        return "dashboard :: counters";
    }

    private void fill(Model model) {
        AccessScope scope = caller.get().access();
        model.addAttribute("enterpriseCount", enterprises.count(scope));
        model.addAttribute("cameraCount", diagram.cameraCount(scope));
        model.addAttribute("openWarningCount", warnings.countOpen(scope));
        model.addAttribute("latestWarnings", warnings.list(scope, null, WarningStatus.OPEN, 8));
    }
}
