package io.epewatch.incident.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.epewatch.gate.GateEventInput;
import io.epewatch.identity.Caller;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.identity.Units;
import io.epewatch.incident.Incident;
import io.epewatch.incident.IncidentKind;
import io.epewatch.incident.IncidentFollowUps;
import io.epewatch.incident.IncidentNotices;
import io.epewatch.incident.Incidents;
import io.epewatch.incident.ManualGateLog;
import io.epewatch.incident.NoticeInput;
import io.epewatch.incident.documents.IncidentLetters;
import io.epewatch.incident.documents.LetterDocx;
import io.epewatch.incident.documents.LetterPdf;
import io.epewatch.incident.documents.OfficialLetter;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.Timestamps;
import io.epewatch.registry.Enterprise;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.SiteDiagram;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Incidents in the portal (R2.3–R2.5): the EPE files its Appendix II notification and late notices; the officer takes
 * the incident and records the day's follow-up; the head records the supervision measure; everyone in scope sees
 * the deadline, what is overdue and which days lack a follow-up, and downloads the letters as PDF or DOCX.
 */
@Controller
class IncidentPages {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final IncidentFollowUps followUps;
    private final ManualGateLog gateLog;
    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final Units units;
    private final CurrentCaller caller;
    private final MessageSource messages;

    IncidentPages(Incidents incidents, IncidentNotices notices, IncidentFollowUps followUps, ManualGateLog gateLog,
                  Enterprises enterprises, SiteDiagram diagram, Units units, CurrentCaller caller, MessageSource messages) {
        this.incidents = incidents;
        this.notices = notices;
        this.followUps = followUps;
        this.gateLog = gateLog;
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.units = units;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/incidents")
    @PreAuthorize(Permissions.READ)
    String list(@RequestParam(required = false) String enterpriseTaxCode, @RequestParam(defaultValue = "false") boolean open,
                Model model) {
        String filter = enterpriseTaxCode == null || enterpriseTaxCode.isBlank() ? null : enterpriseTaxCode.strip();
        model.addAttribute("incidents", incidents.list(caller.get().access(), filter, open, 200));
        model.addAttribute("enterprises", enterprises.list(caller.get().access()));
        model.addAttribute("selectedEnterprise", filter);
        model.addAttribute("open", open);
        return "incident/incidents";
    }

    @GetMapping("/incidents/new")
    @PreAuthorize(Permissions.CUSTOMS_AND_EPE)
    String form(@RequestParam(required = false) String enterpriseTaxCode, Model model) {
        return notice(Map.of("enterpriseTaxCode", enterpriseTaxCode == null ? "" : enterpriseTaxCode), List.of(), Map.of(),
                model);
    }

    @PostMapping("/incidents")
    @PreAuthorize(Permissions.CUSTOMS_AND_EPE)
    String file(@RequestParam Map<String, String> form,
                @RequestParam(name = "affectedCameras", required = false) List<String> cameras, Model model) {
        try {
            Incident incident = notices.file(caller.get(), new NoticeInput(form.get("enterpriseTaxCode"), form.get("kind"),
                    form.get("description"), cameras, form.get("effect"), Timestamps.withVietnamOffset(form.get("expectedRestoration")),
                    form.get("technicalContactName"), form.get("technicalContactPhone"), form.containsKey("planned")));
            return "redirect:/incidents/" + incident.id();
        } catch (InvalidInputException e) {
            return notice(form, cameras == null ? List.of() : cameras,
                    e.reasonsByField(messages, LocaleContextHolder.getLocale()), model);
        }
    }

    @GetMapping("/incidents/{id}")
    @PreAuthorize(Permissions.READ)
    String incident(@PathVariable long id, Model model) {
        return page(id, Map.of(), model);
    }

    @PostMapping("/incidents/{id}/{step}")
    @PreAuthorize(Permissions.CUSTOMS_AND_EPE)
    String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> form, Model model) {
        Caller me = caller.get();
        try {
            switch (step) {
                case "assign" -> followUps.assign(me, id, form.get("officer"));
                case "follow-up" -> followUps.followUp(me, id, form.get("text"));
                case "measure" -> followUps.recordMeasure(me, id, form.get("measure"));
                case "close" -> followUps.close(me, id, form.get("reason"));
                case "late-notice" -> notices.fileLateNotice(me, id, form.get("reason"),
                        Timestamps.withVietnamOffset(form.get("newExpectedRestoration")));
                case "gate-log" -> gateLog.write(me, id, new GateEventInput(null, form.get("cameraNumber"),
                        form.get("direction"), Timestamps.withVietnamOffset(form.get("capturedAt")), form.get("plate"),
                        containers(form.get("containerNumbers"))), form.get("entryId"));
                default -> throw new NotFoundException("incident step", step);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            return page(id, e.reasonsByField(messages, LocaleContextHolder.getLocale()), model);
        }
        return "redirect:/incidents/" + id;
    }

    @GetMapping("/incidents/{id}/appendix-ii.{format}")
    @PreAuthorize(Permissions.READ)
    ResponseEntity<byte[]> appendixII(@PathVariable long id, @PathVariable String format) {
        Incident incident = find(id);
        return document(IncidentLetters.appendixII(incident, subDepartment(incident)), "thong-bao-su-co-" + id, format);
    }

    @GetMapping("/incidents/{id}/late-notices/{n}.{format}")
    @PreAuthorize(Permissions.READ)
    ResponseEntity<byte[]> lateNotice(@PathVariable long id, @PathVariable int n, @PathVariable String format) {
        Incident incident = find(id);
        if (n < 1 || n > incident.lateNotices().size()) {
            throw new NotFoundException("late notice", String.valueOf(n));
        }
        return document(IncidentLetters.lateNotice(incident, incident.lateNotices().get(n - 1), subDepartment(incident)),
                "thong-bao-cham-khac-phuc-" + id + "-" + n, format);
    }

    private ResponseEntity<byte[]> document(OfficialLetter letter, String name, String format) {
        Function<OfficialLetter, byte[]> renderer = switch (format) {
            case "pdf" -> LetterPdf::render;
            case "docx" -> LetterDocx::render;
            default -> throw new NotFoundException("document format", format);
        };
        return ResponseEntity.ok()
                .contentType(format.equals("pdf") ? MediaType.APPLICATION_PDF : MediaType.parseMediaType(DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format)
                        .build().toString())
                .body(renderer.apply(letter));
    }

    private String page(long id, Map<String, String> errors, Model model) {
        Incident incident = find(id);
        model.addAttribute("incident", incident);
        model.addAttribute("gateLog", gateLog.entries(caller.get().access(), id));
        model.addAttribute("gateCameras", gateLog.gateCamerasDown(incident));
        model.addAttribute("entryId", java.util.UUID.randomUUID().toString());
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "incident/incident";
    }

    private String notice(Map<String, String> form, List<String> checked, Map<String, String> errors, Model model) {
        List<Enterprise> mine = enterprises.list(caller.get().access());
        String selected = form.getOrDefault("enterpriseTaxCode", "");
        if (selected.isBlank() && mine.size() == 1) {
            selected = mine.getFirst().taxCode();
        }
        String taxCode = selected;
        model.addAttribute("enterprises", mine);
        model.addAttribute("selectedEnterprise", taxCode);
        model.addAttribute("cameras", taxCode.isBlank() || mine.stream().noneMatch(e -> e.taxCode().equals(taxCode))
                ? List.of() : diagram.cameras(caller.get().access(), taxCode));
        model.addAttribute("kinds", Arrays.asList(IncidentKind.values()));
        model.addAttribute("form", form);
        model.addAttribute("checked", checked);
        model.addAttribute("errors", errors);
        return "incident/notice";
    }

    private Incident find(long id) {
        return incidents.find(caller.get().access(), id).orElseThrow(() -> new NotFoundException("incident", String.valueOf(id)));
    }

    private String subDepartment(Incident incident) {
        return enterprises.findForSystem(incident.enterpriseTaxCode()).flatMap(e -> units.find(e.managingUnitId()))
                .map(u -> u.name()).orElse("Chi cục Hải quan");
    }

    /** Container numbers typed in one field, separated by commas (a number may hold spaces: MSKU 467069-1). */
    private static List<String> containers(String typed) {
        return typed == null || typed.isBlank() ? List.of() : Arrays.stream(typed.split("[,;\\n]+")).filter(t -> !t.isBlank()).toList();
    }
}
