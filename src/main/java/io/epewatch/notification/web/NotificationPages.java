package io.epewatch.notification.web;

import java.util.Map;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The person's notices, and the address their notices go to by e-mail. */
@Controller
class NotificationPages {

    private final Notifications notifications;
    private final CurrentCaller caller;
    private final MessageSource messages;

    NotificationPages(Notifications notifications, CurrentCaller caller, MessageSource messages) {
        this.notifications = notifications;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String inbox(Model model) {
        return page(Map.of(), null, model);
    }

    /** Opening a notice marks it read and goes where it points. */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id) {
        notifications.markRead(caller.get(), id);
        return notifications.inbox(caller.get().name(), 500).stream().filter(n -> n.id() == id).findFirst()
                .map(n -> n.link() == null ? "redirect:/notifications" : "redirect:" + n.link()).orElse("redirect:/notifications");
    }

    @PostMapping("/notifications/email")
    String email(@RequestParam(required = false) String email, Model model) {
        try {
            notifications.setAddress(caller.get(), email);
        } catch (InvalidInputException e) {
            return page(e.reasonsByField(messages, LocaleContextHolder.getLocale()), email, model);
        }
        return "redirect:/notifications?saved";
    }

    private String page(Map<String, String> errors, String typed, Model model) {
        String me = caller.get().name();
        model.addAttribute("notices", notifications.inbox(me, 200));
        model.addAttribute("email", typed != null ? typed : notifications.address(me).orElse(""));
        model.addAttribute("errors", errors);
        return "notification/notifications";
    }
}
