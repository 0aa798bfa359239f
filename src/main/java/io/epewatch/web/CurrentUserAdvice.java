package io.epewatch.web;

import io.epewatch.identity.Caller;
import io.epewatch.identity.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in caller on every page, for the header and for showing only the actions they may take. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final CurrentCaller caller;

    CurrentUserAdvice(CurrentCaller caller) {
        this.caller = caller;
    }

    @ModelAttribute("me")
    Caller me() {
        return caller.get();
    }
}
