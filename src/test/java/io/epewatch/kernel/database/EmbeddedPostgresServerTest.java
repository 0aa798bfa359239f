package io.epewatch.kernel.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** An operator whose machine cannot run the embedded PostgreSQL learns why and what to do. */
class EmbeddedPostgresServerTest {

    private final Path dir = Path.of("/srv/epewatch/pg");
    private final IOException failure = new IOException("initdb failed");

    @Test
    void asRootWithoutUserNamespacesTheMessageSaysSoAndOffersTheWaysOut() {
        String message = EmbeddedPostgresServer.explain(dir, failure, true, () -> false);
        assertThat(message).contains("/srv/epewatch/pg").contains("initdb failed")
                .contains("does not allow user namespaces").contains("non-root user").contains("EPEWATCH_DB_URL");
    }

    @Test
    void otherFailuresPointAtTheDirectoryAndTheExternalDatabase() {
        assertThat(EmbeddedPostgresServer.explain(dir, failure, true, () -> true))
                .doesNotContain("user namespaces").contains("writable").contains("EPEWATCH_DB_URL");
        assertThat(EmbeddedPostgresServer.explain(dir, failure, false, () -> false))
                .doesNotContain("user namespaces");
    }
}
