package io.epewatch.risk.web;

import java.util.List;
import java.util.Map;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.risk.RiskSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The watch list and the rules' thresholds, for HQ risk analysts. */
@RestController
@RequestMapping("/api/v1/risk")
@Tag(name = "Risk settings", description = "Watch list and thresholds (HQ analysts)")
class RiskSettingsApi {

    private final RiskSettings settings;
    private final CurrentCaller caller;

    RiskSettingsApi(RiskSettings settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GetMapping("/watchlist")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    List<RiskSettings.WatchEntry> watchlist() {
        return settings.watchlist();
    }

    @PostMapping("/watchlist")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    @Operation(summary = "Watch a plate or container: {kind: PLATE|CONTAINER, value, reason}")
    ResponseEntity<RiskSettings.WatchEntry> watch(@RequestBody Map<String, String> body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(settings.watch(caller.get(), body.get("kind"), body.get("value"), body.get("reason")));
    }

    @DeleteMapping("/watchlist/{value}")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    ResponseEntity<Void> unwatch(@PathVariable String value) {
        settings.unwatch(caller.get(), value);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/thresholds/enterprises/{taxCode}")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    @Operation(summary = "The thresholds in force for an enterprise: inherited from its sub-department, its own, effective")
    RiskSettings.ThresholdView forEnterprise(@PathVariable String taxCode) {
        return settings.view("enterprise:" + taxCode);
    }

    @GetMapping("/thresholds/units/{unitId}")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    @Operation(summary = "The thresholds a sub-department's enterprises get: the defaults, its own, effective")
    RiskSettings.ThresholdView forUnit(@PathVariable String unitId) {
        return settings.view("unit:" + unitId);
    }

    @PutMapping("/thresholds/units/{unitId}")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    @Operation(summary = "Set thresholds for a sub-department's enterprises: {name: value}, names as in docs/rules.md")
    Map<String, String> setForUnit(@PathVariable String unitId, @RequestBody Map<String, String> thresholds) {
        return settings.setOverrides(caller.get(), "unit:" + unitId, thresholds);
    }

    @PutMapping("/thresholds/enterprises/{taxCode}")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    Map<String, String> setForEnterprise(@PathVariable String taxCode, @RequestBody Map<String, String> thresholds) {
        return settings.setOverrides(caller.get(), "enterprise:" + taxCode, thresholds);
    }
}
