package io.epewatch.recognition.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import io.epewatch.evidence.EvidenceStore;
import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEvents;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.recognition.GateObservations;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What was read at a gate passage, for officers: each plate and container with its confidence, UNCERTAIN reads
 * marked, and the crops and best frame beside them (R1.2). Scoped: a passage of an enterprise the user may not
 * see is not found.
 */
@Controller
class GateReadingsController {

    private final GateEvents gateEvents;
    private final GateObservations observations;
    private final EvidenceStore evidence;
    private final CurrentCaller caller;
    private final io.epewatch.footage.PassageClips clips;

    GateReadingsController(GateEvents gateEvents, GateObservations observations, EvidenceStore evidence, CurrentCaller caller,
                           io.epewatch.footage.PassageClips clips) {
        this.clips = clips;
        this.gateEvents = gateEvents;
        this.observations = observations;
        this.evidence = evidence;
        this.caller = caller;
    }

    @GetMapping("/passages/{id}")
    @PreAuthorize(Permissions.READ)
    String passage(@PathVariable long id, Model model) {
        GateEvent event = passage(id);
        model.addAttribute("passage", event);
        model.addAttribute("readings", observations.readings(caller.get().access(), id));
        model.addAttribute("clips", evidence.linkedTo(new io.epewatch.evidence.EvidenceLink(io.epewatch.evidence.EvidenceLink.Kind.GATE_EVENT,
                String.valueOf(id))).stream().filter(item -> item.mediaType().startsWith("video/")).toList());
        model.addAttribute("clipStatus", clips.status(id).orElse(null));
        return "gate/passage";
    }

    /** The officer's queue of reads to check: uncertain plates and numbers, each with its crop. */
    @GetMapping("/passages/to-check")
    @PreAuthorize(Permissions.READ)
    String toCheck(Model model) {
        model.addAttribute("toCheck", observations.toCheck(caller.get().access(), 200));
        return "gate/to-check";
    }

    @GetMapping(path = "/api/v1/gate-events/{id}/readings", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permissions.READ)
    @ResponseBody
    List<GateObservations.GateReading> readings(@PathVariable long id) {
        passage(id);
        return observations.readings(caller.get().access(), id);
    }

    @GetMapping("/passages/{id}/readings/{readingId}/crop.jpg")
    @PreAuthorize(Permissions.READ)
    ResponseEntity<byte[]> crop(@PathVariable long id, @PathVariable long readingId) throws IOException {
        return picture(observations.picture(caller.get().access(), id, readingId, false).orElse(null));
    }

    @GetMapping("/passages/{id}/readings/{readingId}/frame.jpg")
    @PreAuthorize(Permissions.READ)
    ResponseEntity<byte[]> frame(@PathVariable long id, @PathVariable long readingId) throws IOException {
        return picture(observations.picture(caller.get().access(), id, readingId, true).orElse(null));
    }

    private GateEvent passage(long id) {
        return gateEvents.find(caller.get().access(), id).orElseThrow(() -> new NotFoundException("gate event", String.valueOf(id)));
    }

    private ResponseEntity<byte[]> picture(UUID evidenceId) throws IOException {
        if (evidenceId == null) {
            throw new NotFoundException("picture", "none kept");
        }
        try (InputStream in = evidence.open(evidenceId).orElseThrow(() -> new NotFoundException("picture", evidenceId.toString()))) {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(in.readAllBytes());
        }
    }
}
