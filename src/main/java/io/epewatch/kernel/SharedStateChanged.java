package io.epewatch.kernel;

import org.springframework.modulith.events.Externalized;

/** {@link SharedState}'s word to the other instances: {@code what} changed. */
@Externalized("epewatch.state-changes::#{what()}")
public record SharedStateChanged(String what) {
}
