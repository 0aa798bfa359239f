package io.epewatch.evidence.storage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.epewatch.evidence.EvidenceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily purge (R2.2): removes only items stored longer ago than the retention, and never one under legal hold or
 * linked to a case (cases are held until the casework module can say a case is closed). It never deletes anything else
 * to make room: a full disk raises the alarm in {@link EvidenceDiskSpace} instead.
 */
@Component
class EvidenceRetention {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);

    private final JdbcClient jdbc;
    private final CatalogedEvidenceStore store;
    private final EvidenceProperties properties;
    private final Clock clock;

    EvidenceRetention(JdbcClient jdbc, CatalogedEvidenceStore store, EvidenceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${epewatch.evidence.purge-cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    int purgeExpired() {
        // calendar arithmetic: twelve months back from today, not 360 days
        Timestamp cutoff = Timestamp.from(clock.instant().atZone(ZoneOffset.UTC).minus(properties.retention()).toInstant());
        List<UUID> expired = jdbc.sql("""
                        select id from evidence_item i
                        where purged_at is null and stored_at < ? and not legal_hold
                          and not exists (select 1 from evidence_link l where l.evidence_id = i.id and l.kind = 'CASE')""")
                .param(cutoff).query(UUID.class).list();
        int purged = 0;
        for (UUID id : expired) {
            try {
                if (store.purge(id)) {
                    purged++;
                }
            } catch (RuntimeException e) {
                // one item whose store is away must not keep the others past their time; it is tried again tomorrow
                log.warn("Evidence item {} could not be purged: {}", id, e.getMessage());
            }
        }
        if (purged > 0) {
            log.info("Purged {} evidence items stored before {} (retention {})", purged, cutoff.toInstant(), properties.retention());
        }
        return purged;
    }
}
