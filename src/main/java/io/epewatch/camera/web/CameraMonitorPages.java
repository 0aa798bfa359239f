package io.epewatch.camera.web;


import io.epewatch.camera.CameraLogbook;
import io.epewatch.camera.access.CameraAccess;
import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.camera.device.DeviceChecks;
import io.epewatch.camera.live.LiveView;
import io.epewatch.camera.timeline.CameraTimeline;
import io.epewatch.evidence.EvidenceItem;
import io.epewatch.identity.Caller;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.registry.Camera;
import io.epewatch.registry.Enterprises;
import io.epewatch.kernel.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Camera health pages: an enterprise's cameras with availability, one camera's outage timeline and live view. */
@Controller
class CameraMonitorPages {

    private final CameraTimeline timeline;
    private final CameraLogbook logbook;
    private final CameraAccess access;
    private final LiveView live;
    private final Enterprises enterprises;
    private final DeviceChecks devices;
    private final CurrentCaller caller;
    private final org.springframework.context.MessageSource messages;
    private final tools.jackson.databind.json.JsonMapper json;

    CameraMonitorPages(CameraTimeline timeline, CameraLogbook logbook, CameraAccess access, LiveView live, Enterprises enterprises,
                       DeviceChecks devices, CurrentCaller caller, org.springframework.context.MessageSource messages,
                       tools.jackson.databind.json.JsonMapper json) {
        this.messages = messages;
        this.json = json;
        this.timeline = timeline;
        this.logbook = logbook;
        this.access = access;
        this.live = live;
        this.enterprises = enterprises;
        this.devices = devices;
        this.caller = caller;
    }

    @GetMapping("/enterprises/{taxCode}/monitor")
    @PreAuthorize(Permissions.READ)
    String enterprise(@PathVariable String taxCode, Model model) {
        Caller me = caller.get();
        model.addAttribute("enterprise", enterprises.find(me.access(), taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode)));
        model.addAttribute("cameras", timeline.enterprise(me.access(), taxCode));
        model.addAttribute("entries", logbook.entries(me.access(), taxCode, 50));
        return "camera/enterprise-monitor";
    }

    @GetMapping("/enterprises/{taxCode}/cameras/{number}/monitor")
    @PreAuthorize(Permissions.READ)
    String camera(@PathVariable String taxCode, @PathVariable String number, @RequestParam(defaultValue = "WEEK") String period,
                  Model model) {
        Caller me = caller.get();
        Camera camera = access.visible(me, taxCode, number);
        CameraTimeline.Period chosen = CameraTimeline.Period.parse(period).orElse(CameraTimeline.Period.WEEK);
        model.addAttribute("enterprise", enterprises.find(me.access(), taxCode).orElseThrow());
        model.addAttribute("camera", camera);
        model.addAttribute("period", chosen);
        model.addAttribute("timeline", timeline.of(me.access(), taxCode, number, chosen));
        model.addAttribute("status", timeline.availability(me.access(), taxCode, number));
        model.addAttribute("entries", logbook.entries(me.access(), taxCode, number, 50));
        model.addAttribute("deviceCheck", devices.latest(me, taxCode, number).orElse(null));
        model.addAttribute("liveRefusal", live.refusal(me, camera).orElse(null));
        model.addAttribute("mayManage", access.mayManage(me));
        if (me.isCustoms() || me.has(io.epewatch.identity.Role.HQ_ANALYST)) {
            model.addAttribute("grants", access.grants(me, taxCode, number));
            model.addAttribute("history", access.history(me, taxCode, number, 30));
        }
        return "camera/camera-monitor";
    }

    /** R4.7: the live picture as throttled MJPEG; authorization is checked before the first byte. */
    @GetMapping("/enterprises/{taxCode}/cameras/{number}/live.mjpeg")
    @PreAuthorize(Permissions.READ) // the service checks scope first (404), then the watch right (403)
    ResponseEntity<StreamingResponseBody> liveStream(@PathVariable String taxCode, @PathVariable String number, java.util.Locale locale) {
        Caller me = caller.get();
        Camera camera = live.authorize(me, taxCode, number);
        LiveView.Viewing viewing;
        try {
            viewing = live.open(me, camera);
        } catch (CameraFailure failure) {
            // the page shows why; the API's problem text stays English, the words come in the reader's language
            org.springframework.http.ProblemDetail problem = CameraProblems.of(failure, "The camera cannot be watched now");
            problem.setProperty("words", messages.getMessage("camera.reason." + failure.kind().name(), null, failure.kind().name(), locale));
            byte[] json = this.json.writeValueAsBytes(problem);
            // a streaming body even for the refusal: Spring streams only a ResponseEntity declared as one
            return ResponseEntity.status(org.springframework.http.HttpStatus.BAD_GATEWAY)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).header("Cache-Control", "no-store").body(out -> out.write(json));
        }
        StreamingResponseBody body = out -> live.stream(me, viewing, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("multipart/x-mixed-replace;boundary=" + LiveView.BOUNDARY))
                .header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no")
                .body(body);
    }

    @PostMapping("/enterprises/{taxCode}/cameras/{number}/capture")
    @PreAuthorize(Permissions.CUSTOMS_WATCH)
    String capture(@PathVariable String taxCode, @PathVariable String number, RedirectAttributes redirect) {
        try {
            EvidenceItem item = live.capture(caller.get(), taxCode, number);
            redirect.addFlashAttribute("captured", item);
        } catch (CameraFailure failure) {
            redirect.addFlashAttribute("captureFailed", failure.reason());
        }
        return "redirect:/enterprises/" + taxCode + "/cameras/" + number + "/monitor";
    }

    @PostMapping("/enterprises/{taxCode}/cameras/{number}/device-check")
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    String checkDevice(@PathVariable String taxCode, @PathVariable String number, RedirectAttributes redirect) {
        try {
            devices.check(caller.get(), taxCode, number);
        } catch (CameraFailure failure) {
            redirect.addFlashAttribute("deviceCheckFailed", failure.reason());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("deviceCheckFailed", e.problems().getFirst().reason());
        }
        return "redirect:/enterprises/" + taxCode + "/cameras/" + number + "/monitor";
    }

    @PostMapping("/enterprises/{taxCode}/cameras/{number}/grants")
    @PreAuthorize(Permissions.CUSTOMS)
    String grant(@PathVariable String taxCode, @PathVariable String number, @RequestParam(required = false) String username,
                 RedirectAttributes redirect) {
        try {
            access.grant(caller.get(), taxCode, number, username);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("grantError", e.problems().getFirst().reason());
        }
        return "redirect:/enterprises/" + taxCode + "/cameras/" + number + "/monitor";
    }

    @PostMapping("/enterprises/{taxCode}/cameras/{number}/grants/{username}/revoke")
    @PreAuthorize(Permissions.CUSTOMS)
    String revoke(@PathVariable String taxCode, @PathVariable String number, @PathVariable String username) {
        access.revoke(caller.get(), taxCode, number, username);
        return "redirect:/enterprises/" + taxCode + "/cameras/" + number + "/monitor";
    }
}
