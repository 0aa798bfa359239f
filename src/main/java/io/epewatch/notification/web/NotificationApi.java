package io.epewatch.notification.web;

import java.util.List;
import java.util.Map;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.notification.Notice;
import io.epewatch.notification.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's own notices, and where they go by e-mail. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications", description = "The caller's notices in the app and by e-mail")
class NotificationApi {


    private final Notifications notifications;
    private final CurrentCaller caller;

    NotificationApi(Notifications notifications, CurrentCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GetMapping("/notifications")
    @PreAuthorize(Permissions.PEOPLE)
    List<Notice> inbox() {
        return notifications.inbox(caller.get().name(), 100);
    }

    @PostMapping("/notifications/{id}/read")
    @PreAuthorize(Permissions.PEOPLE)
    ResponseEntity<Void> read(@PathVariable long id) {
        notifications.markRead(caller.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/account/notification-email")
    @PreAuthorize(Permissions.PEOPLE)
    @Operation(summary = "Where the caller's notices go by e-mail: {email}; blank stops e-mails")
    Map<String, Object> setEmail(@RequestBody(required = false) Map<String, String> body) {
        notifications.setAddress(caller.get(), body == null ? null : body.get("email"));
        return Map.of("email", notifications.address(caller.get().name()).orElse(""));
    }
}
