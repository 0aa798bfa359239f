package io.epewatch.intake;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The primary/backup pair ({@code epewatch.pair.*}, R6.1). Without a {@code peer}, a primary runs alone and always
 * takes declarations, as before there was a backup.
 *
 * @param role        PRIMARY or BACKUP
 * @param peer        on a primary, the backup's base URL (the primary calls it; the backup never calls back)
 * @param secret      shared by the two instances, sent with every call between them; at least 32 characters; never
 *                    logged or shown
 * @param lease       how long a grant from the backup lets the primary take declarations; the primary counts it from
 *                    when it asked, the backup from when it answered, so the backup's view always ends later
 * @param watchWindow how long the backup waits without hearing from the primary before it declares it down; at
 *                    least the lease
 * @param takeover    AUTOMATIC: the backup takes over as soon as it declares the primary down; CONFIRMED: a system
 *                    administrator (customs IT) confirms it first
 * @param directorySync how often a primary that holds the lease sends its units, accounts, enterprises and registered
 *                    goods to the backup (R6.3, R6.4)
 */
@ConfigurationProperties("epewatch.pair")
public record PairSettings(@DefaultValue("PRIMARY") SystemRole role, URI peer, String secret,
                           @DefaultValue("3s") Duration lease, @DefaultValue("5s") Duration watchWindow,
                           @DefaultValue("CONFIRMED") Takeover takeover, @DefaultValue("1m") Duration directorySync) {

    public enum Takeover {
        AUTOMATIC, CONFIRMED
    }

    public PairSettings {
        if (watchWindow.compareTo(lease) < 0) {
            throw new IllegalArgumentException("epewatch.pair.watch-window (" + watchWindow + ") must be at least the lease (" + lease + ")");
        }
        boolean needsSecret = role == SystemRole.BACKUP || peer != null;
        if (needsSecret && (secret == null || secret.length() < 32)) {
            throw new IllegalArgumentException("epewatch.pair.secret must be set, at least 32 characters, on both instances of a pair");
        }
    }

    /** A primary with a backup: it takes declarations only under the backup's lease. */
    public boolean paired() {
        return role == SystemRole.BACKUP || peer != null;
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "PairSettings[role=" + role + ", peer=" + peer + ", lease=" + lease + ", watchWindow=" + watchWindow
                + ", takeover=" + takeover + ", directorySync=" + directorySync + "]";
    }
}
