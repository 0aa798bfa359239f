package io.epewatch.camera.web;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import io.epewatch.camera.access.CameraAccess;
import io.epewatch.camera.archive.FootageArchive;
import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.identity.Caller;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.registry.Enterprises;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
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
 * The footage page of a camera (R2.2): a span in local time (Vietnam), what the recorder holds for it, the span
 * played in the page (hls.js), and a button that keeps it as evidence with its signed export package.
 */
@Controller
class FootageArchivePages {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final FootageArchive archive;
    private final CameraAccess access;
    private final Enterprises enterprises;
    private final CurrentCaller caller;
    private final MessageSource messages;

    FootageArchivePages(FootageArchive archive, CameraAccess access, Enterprises enterprises, CurrentCaller caller, MessageSource messages) {
        this.archive = archive;
        this.access = access;
        this.enterprises = enterprises;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/enterprises/{taxCode}/cameras/{number}/archive")
    @PreAuthorize(Permissions.CUSTOMS_WATCH)
    String page(@PathVariable String taxCode, @PathVariable String number, @RequestParam(required = false) String from,
                @RequestParam(defaultValue = "20") String minutes, @RequestParam(required = false) String action,
                @RequestParam(required = false) String reason, Model model, Locale locale) {
        Caller me = caller.get();
        model.addAttribute("camera", access.visible(me, taxCode, number)); // not found outside the caller's scope
        model.addAttribute("enterprise", enterprises.find(me.access(), taxCode)
                .orElseThrow(() -> new io.epewatch.kernel.NotFoundException("enterprise", taxCode)));
        model.addAttribute("from", from);
        model.addAttribute("minutes", minutes);
        model.addAttribute("reason", reason);
        if (from == null || from.isBlank()) {
            return "camera/archive";
        }
        try {
            String[] span = span(from, minutes);
            if ("play".equals(action)) {
                model.addAttribute("playback", archive.play(me, taxCode, number, span[0], span[1]));
            } else if ("pull".equals(action)) {
                model.addAttribute("clip", archive.pull(me, taxCode, number, span[0], span[1], reason));
            }
            model.addAttribute("search", archive.search(me, taxCode, number, span[0], span[1]));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, locale));
        } catch (CameraFailure failure) {
            model.addAttribute("failure", failure.reason());
        }
        return "camera/archive";
    }

    /** The pull changes state: a POST, with the page's CSRF token; the answer is the same page with the clip. */
    @PostMapping("/enterprises/{taxCode}/cameras/{number}/archive")
    @PreAuthorize(Permissions.KEEP_FOOTAGE)
    String pull(@PathVariable String taxCode, @PathVariable String number, @RequestParam(required = false) String from,
                @RequestParam(defaultValue = "20") String minutes, @RequestParam(required = false) String reason, Model model, Locale locale) {
        return page(taxCode, number, from, minutes, "pull", reason, model, locale);
    }

    @GetMapping("/enterprises/{taxCode}/cameras/{number}/archive/play/{id}/{file}")
    @PreAuthorize(Permissions.CUSTOMS_WATCH)
    ResponseEntity<FileSystemResource> playback(@PathVariable String taxCode, @PathVariable String number, @PathVariable UUID id,
                                                @PathVariable String file) {
        Path path = archive.playbackFile(caller.get(), taxCode, number, id, file);
        MediaType type = file.endsWith(".m3u8") ? MediaType.parseMediaType("application/vnd.apple.mpegurl") : MediaType.parseMediaType("video/mp2t");
        return ResponseEntity.ok().contentType(type).header("Cache-Control", "private, max-age=3600").body(new FileSystemResource(path));
    }

    /** The form's local date-time and minutes as an ISO span with Vietnam's offset; a bad field is named. */
    private static String[] span(String from, String minutes) {
        io.epewatch.kernel.InputCheck check = new io.epewatch.kernel.InputCheck();
        LocalDateTime start = null;
        try {
            start = LocalDateTime.parse(from.strip());
        } catch (DateTimeParseException e) {
            check.reject("from", "localDateTime", "a date and time like 2026-03-14T09:00");
        }
        Integer length = null;
        try {
            length = Integer.valueOf(minutes.strip());
            if (length < 1 || length > FootageArchive.LONGEST_SPAN.toMinutes()) {
                check.reject("minutes", "spanTooLong", "at most " + FootageArchive.LONGEST_SPAN.toMinutes() + " minutes at once",
                        FootageArchive.LONGEST_SPAN.toMinutes());
            }
        } catch (NumberFormatException e) {
            check.reject("minutes", "integer", "a whole number of minutes");
        }
        check.throwIfAny();
        return new String[] {start.atZone(VIETNAM).toOffsetDateTime().toString(),
                start.plusMinutes(length).atZone(VIETNAM).toOffsetDateTime().toString()};
    }
}
