package io.epewatch.kernel;

import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from a {@code timestamptz} column that may be null (JDBC speaks {@link Timestamp}). */
public final class StoredTime {

    private StoredTime() {
    }

    public static Instant instant(Timestamp stored) {
        return stored == null ? null : stored.toInstant();
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
