package io.epewatch.casework.web;

import java.util.List;
import java.util.Map;

import io.epewatch.casework.CaseAttachment;
import io.epewatch.casework.CaseFile;
import io.epewatch.casework.Cases;
import io.epewatch.declaration.Declarations;
import io.epewatch.gate.GateEvents;
import io.epewatch.identity.Caller;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.recognition.GateObservations;
import io.epewatch.risk.Warning;
import io.epewatch.risk.Warnings;
import io.epewatch.tracking.MapProperties;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officer's workbench for cases: the queue, and a case beside its warning's evidence with the steps its state
 * allows (R4.6–R4.8) and one click to the camera's live view (R4.7).
 */
@Controller
class CasePages {

    private final Cases cases;
    private final Warnings warnings;
    private final GateEvents gateEvents;
    private final CurrentCaller caller;
    private final MapProperties map;
    private final GateObservations observations;
    private final Declarations declarations;

    private final org.springframework.context.MessageSource messages;

    private final io.epewatch.evidence.EvidenceStore evidence;
    private final io.epewatch.footage.PassageClips clips;

    CasePages(Cases cases, Warnings warnings, GateEvents gateEvents, CurrentCaller caller, MapProperties map,
              GateObservations observations, Declarations declarations,
              org.springframework.context.MessageSource messages, io.epewatch.evidence.EvidenceStore evidence,
              io.epewatch.footage.PassageClips clips) {
        this.evidence = evidence;
        this.clips = clips;
        this.messages = messages;
        this.observations = observations;
        this.declarations = declarations;
        this.cases = cases;
        this.warnings = warnings;
        this.gateEvents = gateEvents;
        this.caller = caller;
        this.map = map;
    }

    @GetMapping("/cases")
    @PreAuthorize(Permissions.CASEWORK)
    String queue(Model model) {
        model.addAttribute("cases", cases.queue(caller.get(), 200));
        return "casework/cases";
    }

    @PostMapping("/cases")
    @PreAuthorize(Permissions.CASEWORK)
    String open(@RequestParam(required = false) Long warningId) {
        if (warningId == null) {
            return "redirect:/cases"; // the button always sends one; nothing to open otherwise
        }
        return "redirect:/cases/" + cases.open(caller.get(), warningId).id();
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize(Permissions.CASEWORK)
    String page(@PathVariable long id, Model model) {
        Caller me = caller.get();
        CaseFile c = cases.find(me.access(), id).orElseThrow(() -> new NotFoundException("case", String.valueOf(id)));
        Warning w = warnings.find(me.access(), c.warningId()).orElseThrow();
        model.addAttribute("c", c);
        model.addAttribute("warning", w);
        model.addAttribute("gateEvent", w.gateEventId() == null ? null : gateEvents.find(me.access(), w.gateEventId()).orElse(null));
        model.addAttribute("transitions", cases.transitions(me.access(), id));
        model.addAttribute("notes", cases.notes(me.access(), id));
        model.addAttribute("map", map);
        model.addAttribute("attachments", cases.attachments(me.access(), id));
        // R4.6: the gate's pictures beside the declarations the warning names
        model.addAttribute("readings", w.gateEventId() == null ? List.of() : observations.readings(me.access(), w.gateEventId()));
        // issue 20: the passage's clip, held while the case is open
        model.addAttribute("clips", w.gateEventId() == null ? List.of() : evidence.linkedTo(new io.epewatch.evidence.EvidenceLink(
                io.epewatch.evidence.EvidenceLink.Kind.GATE_EVENT, String.valueOf(w.gateEventId()))).stream()
                .filter(item -> item.mediaType().startsWith("video/")).toList());
        model.addAttribute("clipStatus", w.gateEventId() == null ? null : clips.status(w.gateEventId()).orElse(null));
        model.addAttribute("declarations", CaseDocuments.declarationNumbers(w.evidence()).stream()
                .map(number -> declarations.find(me.access(), number)).flatMap(java.util.Optional::stream).toList());
        return "casework/case";
    }

    @PostMapping("/cases/{id}/attachments")
    @PreAuthorize(Permissions.CASEWORK)
    String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  RedirectAttributes redirect) throws java.io.IOException {
        try {
            cases.attach(caller.get(), id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
        } catch (InvalidInputException e) {
            // in the reader's language, beside the field's name (a step refused by the case's state names the state)
            redirect.addFlashAttribute("problems",
                    e.reasonsByField(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}/attachments/{evidenceId}")
    @PreAuthorize(Permissions.CASEWORK)
    ResponseEntity<InputStreamResource> attachment(@PathVariable long id, @PathVariable java.util.UUID evidenceId) {
        CaseAttachment file = cases.attachments(caller.get().access(), id).stream()
                .filter(a -> a.evidenceId().equals(evidenceId)).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment", evidenceId.toString()));
        java.io.InputStream bytes = cases.openAttachment(caller.get().access(), id, evidenceId)
                .orElseThrow(() -> new NotFoundException("attachment", evidenceId.toString()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(bytes));
    }

    @PostMapping("/cases/{id}/{step}")
    @PreAuthorize(Permissions.CASEWORK)
    String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        Caller me = caller.get();
        try {
            switch (step) {
                case "take" -> cases.take(me, id);
                case "propose" -> cases.propose(me, id, form.get("analysis"), form.get("proposal"));
                case "escalate" -> cases.escalate(me, id, form.get("note"));
                case "order-inspection" -> cases.orderInspection(me, id, form.get("note"));
                case "close" -> cases.close(me, id, form.get("outcome"), form.get("reference"), form.get("note"));
                case "notes" -> cases.addNote(me, id, form.get("text"));
                default -> throw new NotFoundException("case step", step);
            }
        } catch (InvalidInputException e) {
            // in the reader's language, beside the field's name (a step refused by the case's state names the state)
            redirect.addFlashAttribute("problems",
                    e.reasonsByField(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/cases/" + id;
    }
}
