package io.epewatch.risk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.Units;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.registry.Enterprises;
import io.epewatch.risk.RiskSettings;
import io.epewatch.risk.engine.Thresholds;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The HQ analysts' page (R4.5, R5.8): the watch list, and the rules' thresholds of a sub-department or of one
 * enterprise, each shown beside what it inherits. Refused input comes back with the reason beside the field.
 */
@Controller
@PreAuthorize(Permissions.RISK_ANALYSIS)
class RiskSettingsPages {

    private final RiskSettings settings;
    private final Units units;
    private final Enterprises enterprises;
    private final CurrentCaller caller;
    private final MessageSource messages;

    RiskSettingsPages(RiskSettings settings, Units units, Enterprises enterprises, CurrentCaller caller,
                      MessageSource messages) {
        this.settings = settings;
        this.units = units;
        this.enterprises = enterprises;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/risk/settings")
    String page(@RequestParam(required = false) String scope, Model model) {
        return render(InputCheck.blankToNull(scope), Map.of(), Map.of(), Map.of(), model);
    }

    @PostMapping("/risk/settings/watchlist")
    String watch(@RequestParam(required = false) String scope, @RequestParam Map<String, String> form, Model model) {
        try {
            settings.watch(caller.get(), form.get("kind"), form.get("value"), form.get("reason"));
        } catch (InvalidInputException e) {
            return render(InputCheck.blankToNull(scope), form, Map.of(), reasons(e), model);
        }
        return redirect(scope, "watched");
    }

    @PostMapping("/risk/settings/watchlist/remove")
    String unwatch(@RequestParam(required = false) String scope, @RequestParam(required = false) String value) {
        settings.unwatch(caller.get(), value);
        return redirect(scope, "removed");
    }

    /** Saves the thresholds of the chosen scope: a blank field inherits, a filled one overrides. */
    @PostMapping("/risk/settings/thresholds")
    String thresholds(@RequestParam(required = false) String scope, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> own = new LinkedHashMap<>();
        for (String name : Thresholds.DEFAULTS.asMap().keySet()) {
            String value = form.get(name);
            if (value != null && !value.isBlank()) {
                own.put(name, value.strip());
            }
        }
        try {
            settings.setOverrides(caller.get(), scope, own);
        } catch (InvalidInputException e) {
            return render(scope, Map.of(), own, reasons(e), model);
        }
        return redirect(scope, "saved");
    }

    private String render(String scope, Map<String, String> watchForm, Map<String, String> typed,
                          Map<String, String> errors, Model model) {
        model.addAttribute("watchlist", settings.watchlist());
        model.addAttribute("watchForm", watchForm);
        model.addAttribute("subDepartments", units.all().stream().filter(u -> u.kind() == UnitKind.SUB_DEPARTMENT).toList());
        model.addAttribute("enterprises", enterprises.list(caller.get().access()));
        model.addAttribute("scope", scope);
        model.addAttribute("errors", errors);
        if (scope != null) {
            RiskSettings.ThresholdView view = settings.view(scope);
            model.addAttribute("view", view);
            model.addAttribute("typed", typed.isEmpty() && errors.isEmpty() ? view.own() : typed);
        }
        model.addAttribute("names", List.copyOf(Thresholds.DEFAULTS.asMap().keySet()));
        return "risk/settings";
    }

    private Map<String, String> reasons(InvalidInputException e) {
        return e.reasonsByField(messages, LocaleContextHolder.getLocale());
    }

    private static String redirect(String scope, String done) {
        return "redirect:" + UriComponentsBuilder.fromPath("/risk/settings")
                .queryParamIfPresent("scope", java.util.Optional.ofNullable(InputCheck.blankToNull(scope)))
                .queryParam(done).encode().build().toUriString();
    }
}
