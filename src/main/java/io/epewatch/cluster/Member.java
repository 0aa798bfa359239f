package io.epewatch.cluster;

import java.time.Instant;

/** An instance that said it is alive: its name, where it runs, since when, its last heartbeat. */
public record Member(String id, String host, Instant startedAt, Instant heartbeatAt, boolean alive) {
}
