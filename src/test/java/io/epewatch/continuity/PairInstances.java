package io.epewatch.continuity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.support.Api;
import tools.jackson.databind.JsonNode;

/** Small things every test of a primary/backup pair does: read an instance's state, wait for one, build its arguments. */
final class PairInstances {

    private PairInstances() {
    }

    static JsonNode status(int port) {
        return new Api(port, null).get("/api/v1/system-status").json();
    }

    /** Waits until the instance on {@code port} is in {@code state} (ACCEPTING, STANDBY …). */
    static void awaitState(int port, String state, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = status(port).get("state").asString();
                if (last.equals(state)) {
                    return;
                }
            } catch (RuntimeException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("port " + port + " not " + state + " within " + within + "; last " + last);
    }

    static String[] args(String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
