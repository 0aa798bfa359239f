package io.epewatch.planning.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.Caller;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.identity.Units;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.Timestamps;
import io.epewatch.planning.Checklist;
import io.epewatch.planning.PlanPdf;
import io.epewatch.planning.PlanWorkbook;
import io.epewatch.planning.SupervisionCheck;
import io.epewatch.planning.SupervisionPlan;
import io.epewatch.planning.SupervisionPlans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monthly supervision plans of the caller's sub-department, and officers' checks (R4.1–R4.3). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Supervision plans", description = "Monthly rotating checks of every EPE (R4.1–R4.3)")
class PlanningApi {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A plan to draw: the month (YYYY-MM) and each officer's capacity in checks. */
    record PlanOrder(String month, Map<String, Integer> capacity) {
    }

    private final SupervisionPlans plans;
    private final Units units;
    private final CurrentCaller caller;
    private final io.epewatch.identity.UserAccounts accounts;

    PlanningApi(SupervisionPlans plans, Units units, CurrentCaller caller, io.epewatch.identity.UserAccounts accounts) {
        this.accounts = accounts;
        this.plans = plans;
        this.units = units;
        this.caller = caller;
    }

    @PostMapping("/plans")
    @PreAuthorize(Permissions.CASE_DECISION)
    @Operation(summary = "Draw the month's plan of the head's sub-department: {month: YYYY-MM, capacity: {officer: checks}}")
    ResponseEntity<SupervisionPlan> generate(@RequestBody(required = false) PlanOrder order) {
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.generate(caller.get(),
                order == null ? null : order.month(), order == null ? null : order.capacity()));
    }

    @GetMapping("/plans/{month}")
    @PreAuthorize(Permissions.CASEWORK)
    SupervisionPlan plan(@PathVariable String month) {
        return find(month);
    }

    @GetMapping("/plans/{month}/export.xlsx")
    @PreAuthorize(Permissions.CASEWORK)
    ResponseEntity<byte[]> export(@PathVariable String month) {
        SupervisionPlan plan = find(month);
        String unit = units.find(plan.unitId()).map(u -> u.name()).orElse("");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ke-hoach-kiem-tra-" + plan.month() + ".xlsx").build().toString())
                .body(PlanWorkbook.of(plan, unit));
    }

    @GetMapping("/plans/{month}/export.pdf")
    @PreAuthorize(Permissions.CASEWORK)
    ResponseEntity<byte[]> exportPdf(@PathVariable String month) {
        SupervisionPlan plan = find(month);
        java.util.Optional<io.epewatch.identity.Unit> unit = units.find(plan.unitId());
        String parent = unit.map(io.epewatch.identity.Unit::parentId).flatMap(units::find).map(io.epewatch.identity.Unit::name).orElse("");
        // the plan names officers by user name; the document prints their names
        PlanPdf.Heading heading = new PlanPdf.Heading(parent, unit.map(io.epewatch.identity.Unit::name).orElse(""),
                username -> accounts.find(username).map(io.epewatch.identity.Account::displayName).orElse(username));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ke-hoach-kiem-tra-" + plan.month() + ".pdf").build().toString())
                .body(PlanPdf.of(plan, heading));
    }

    @GetMapping("/checks/mine")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "The caller's checks between two days (default: this month)")
    List<SupervisionCheck> mine(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        InputCheck check = new InputCheck();
        LocalDate start = check.parseOptional("from", from, Timestamps::date);
        LocalDate end = check.parseOptional("to", to, Timestamps::date);
        check.throwIfAny();
        YearMonth now = YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        return plans.checksOf(caller.get().name(), start == null ? now.atDay(1) : start, end == null ? now.atEndOfMonth() : end);
    }

    @PostMapping("/checks/{id}/move")
    @PreAuthorize(Permissions.CASE_DECISION)
    @Operation(summary = "Move a check: {at: YYYY-MM-DDTHH:mm (Vietnam), officer}")
    SupervisionCheck move(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return plans.move(caller.get(), id, body == null ? null : body.get("at"), body == null ? null : body.get("officer"));
    }

    @PostMapping("/checks/{id}/result")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "Record a check on the checklist: {camerasOnline, imagesMatchLogbook, gateLogConsistent, remarks}")
    SupervisionCheck result(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        // read by hand: a body that is not a checklist is refused after authorization, naming the field
        return plans.record(caller.get(), id, body == null ? null : new Checklist(yes(body, "camerasOnline"),
                yes(body, "imagesMatchLogbook"), yes(body, "gateLogConsistent"),
                body.get("remarks") == null ? null : String.valueOf(body.get("remarks"))));
    }

    private static boolean yes(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new io.epewatch.kernel.InvalidInputException(field, "must be true or false");
    }

    private SupervisionPlan find(String month) {
        Caller me = caller.get();
        InputCheck check = new InputCheck();
        YearMonth ym = check.parse("month", month, Timestamps::month);
        check.throwIfAny();
        if (me.unitId() == null) {
            throw new NotFoundException("plan", month);
        }
        return plans.plan(me.access(), me.unitId(), ym).orElseThrow(() -> new NotFoundException("plan", month));
    }
}
