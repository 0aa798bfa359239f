package io.epewatch.kernel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What instances keep in memory of the database (the open trips, the geofence index, the lane rules …) must not go
 * stale when another instance changes it (issue 22). The module that changes it says so here, in the changing
 * transaction; with Kafka the word reaches every other instance after the commit, and each drops its copy, to be read
 * again when next needed. Alone, an instance has nothing to tell.
 */
@Component
public class SharedState {

    private final ApplicationEventPublisher events;
    private final Map<String, List<Runnable>> droppers = new ConcurrentHashMap<>();

    SharedState(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** How this instance drops its copy of {@code what} when another instance changed it. */
    public void onChange(String what, Runnable drop) {
        droppers.computeIfAbsent(what, w -> new CopyOnWriteArrayList<>()).add(drop);
    }

    /** {@code what} changed in the caller's transaction: the other instances drop their copy once it commits. */
    public void changed(String what) {
        events.publishEvent(new SharedStateChanged(what));
    }

    /** Another instance changed {@code what} (the relay calls this). */
    public void changedElsewhere(String what) {
        droppers.getOrDefault(what, List.of()).forEach(Runnable::run);
    }
}
