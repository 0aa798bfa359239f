package io.epewatch.risk.web;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.registry.Enterprises;
import io.epewatch.risk.WarningRaised;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for the warnings inbox: each open inbox is told of a new warning in its viewer's scope the
 * moment the engine raises it, and then fetches the rows (rendered and scoped by the usual page). Only the warning's
 * id and rule travel on the stream. Several instances (issue 22): the warning may be raised by the instance holding
 * its enterprise's partition while the inbox is open on another, so with Kafka every instance hears every warning
 * from the warnings topic ({@link WarningRelay}) and pushes it to its own inboxes; alone, it hears its own engine.
 */
@Controller
class WarningStream {

    private static final long TIMEOUT_MS = 30 * 60_000L;

    private record Listener(SseEmitter emitter, Set<String> visible) {
    }

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Enterprises enterprises;
    private final CurrentCaller caller;
    private final boolean relayed;

    WarningStream(Enterprises enterprises, CurrentCaller caller, @Value("${epewatch.kafka.enabled:false}") boolean relayed) {
        this.enterprises = enterprises;
        this.caller = caller;
        this.relayed = relayed;
    }

    @PreAuthorize(Permissions.RISK_WARNINGS)
    @GetMapping(path = "/warnings/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() throws IOException {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Listener listener = new Listener(emitter, enterprises.visibleTaxCodes(caller.get().access()));
        listeners.add(listener);
        emitter.onCompletion(() -> listeners.remove(listener));
        emitter.onTimeout(() -> listeners.remove(listener));
        emitter.onError(e -> listeners.remove(listener));
        emitter.send(SseEmitter.event().name("ready").data("ready"));
        return emitter;
    }

    /** Once the warning is committed: an officer never sees one that was rolled back. */
    @TransactionalEventListener
    void on(WarningRaised raised) {
        if (!relayed) {
            push(raised);
        }
    }

    /** Tells the open inboxes that may see the warning's enterprise. */
    void push(WarningRaised raised) {
        for (Listener listener : listeners) {
            if (!listener.visible().contains(raised.enterpriseTaxCode())) {
                continue;
            }
            try {
                listener.emitter().send(SseEmitter.event().name("warning").data(raised.warningId() + " " + raised.rule()));
            } catch (IOException | IllegalStateException gone) {
                listeners.remove(listener);
            }
        }
    }
}
