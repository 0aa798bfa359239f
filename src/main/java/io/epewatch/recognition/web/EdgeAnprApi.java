package io.epewatch.recognition.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateReceipt;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.UntrustedXml;

import io.epewatch.recognition.GateObservations;
import io.epewatch.recognition.anpr.HikvisionAnprParser;
import io.epewatch.recognition.anpr.JsonAnprEvent;
import io.epewatch.recognition.anpr.JsonAnprParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.servlet.ServletException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Edge ANPR (R1.2): cameras that read plates on board push their events here; each becomes a gate event like one
 * recognised on this node. Idempotent: the event's id (or the camera's UUID) makes a repeat return the first event.
 */
@RestController
@RequestMapping("/api/v1/edge-anpr")
@Tag(name = "Edge ANPR", description = "Plate reads pushed by gate cameras: a generic JSON event and Hikvision ISAPI alarms")
class EdgeAnprApi {

    private final GateObservations observations;
    private final JsonAnprParser json = new JsonAnprParser();
    private final HikvisionAnprParser hikvision = new HikvisionAnprParser();

    EdgeAnprApi(GateObservations observations) {
        this.observations = observations;
    }

    @PostMapping(path = "/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permissions.INGEST_GATE_EVENTS)
    @Operation(summary = "Record a generic edge ANPR event; 201 when stored, 200 when its eventId repeats an earlier one")
    ResponseEntity<GateEvent> event(@RequestBody JsonAnprEvent event) {
        return answer(observations.record(json.parse(event)));
    }

    @PostMapping(path = "/hikvision/{taxCode}/{number}")
    @PreAuthorize(Permissions.INGEST_GATE_EVENTS)
    @Operation(summary = "Record a Hikvision ISAPI ANPR alarm (XML, or multipart with the XML and its pictures); "
            + "other alarm types (heartbeats) are acknowledged with 202 and not stored")
    ResponseEntity<?> hikvision(@PathVariable String taxCode, @PathVariable("number") String cameraNumber, HttpServletRequest request)
            throws IOException, ServletException {
        byte[] xml = null;
        Map<String, byte[]> pictures = new LinkedHashMap<>();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (type.startsWith("multipart/")) {
            for (Part part : parts(request)) {
                byte[] bytes = part.getInputStream().readNBytes(UntrustedXml.MAX_BYTES * 4);
                String name = part.getSubmittedFileName() != null ? part.getSubmittedFileName() : part.getName();
                boolean isXml = (part.getContentType() != null && part.getContentType().contains("xml"))
                        || name.toLowerCase().endsWith(".xml");
                if (isXml && xml == null) {
                    xml = bytes;
                } else {
                    pictures.put(name, bytes);
                }
            }
        } else {
            xml = request.getInputStream().readNBytes(UntrustedXml.MAX_BYTES + 1);
        }
        if (xml == null || xml.length == 0) {
            throw new InvalidInputException("body", "has no ISAPI event XML");
        }
        var observation = hikvision.parse(taxCode, cameraNumber, xml, pictures);
        if (observation.isEmpty()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("stored", false, "reason", "not an ANPR event"));
        }
        return answer(observations.record(observation.get()));
    }

    /** The parts of a multipart body; one without its boundary, or cut short, is refused as bad input. */
    private static java.util.Collection<Part> parts(HttpServletRequest request) throws IOException {
        try {
            return request.getParts();
        } catch (ServletException | IllegalStateException e) {
            throw new InvalidInputException("body", "is not a complete multipart message (boundary missing or body cut short)");
        }
    }

    private static ResponseEntity<GateEvent> answer(GateReceipt receipt) {
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt.event());
    }
}
