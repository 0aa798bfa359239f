package io.epewatch.risk.engine;

import java.time.Instant;

/** What one fact changed among the warnings: the engine's only output. */
public sealed interface WarningChange {

    String key();

    /** A new warning, or one resolved before that the facts raise again. */
    record Raised(Finding finding) implements WarningChange {
        @Override
        public String key() {
            return finding.key();
        }
    }

    /** The same warning found again with more evidence: merged, not duplicated. */
    record Merged(Finding finding, int occurrences) implements WarningChange {
        @Override
        public String key() {
            return finding.key();
        }
    }

    /** Later data explains the warning; the reason is kept. */
    record Resolved(String key, String reason, Instant at) implements WarningChange {
    }
}
