package io.epewatch.kernel.messaging;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An instance killed between a commit and the send to Kafka leaves its events in the publication registry; Spring
 * Modulith sends them again only when that same instance starts. With several instances (issue 22) one of the others
 * does it: the registry's staleness monitor marks publications still unsent after {@code epewatch.kafka.resubmit-after}
 * as failed ({@link KafkaSwitch}), and every half minute, under a database lock so that one instance at a time, the
 * failed ones are sent again. At least once: the relays and consumers are idempotent.
 */
@Component
@ConditionalOnProperty(name = "epewatch.kafka.enabled", havingValue = "true")
class StalePublications {

    private static final Logger log = LoggerFactory.getLogger(StalePublications.class);

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final Duration after;

    StalePublications(IncompleteEventPublications incomplete, JdbcClient jdbc,
                      @Value("${epewatch.kafka.resubmit-after:PT1M}") Duration after) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${epewatch.kafka.resubmit-every:PT30S}", initialDelayString = "${epewatch.kafka.resubmit-every:PT30S}")
    @Transactional
    public void resubmit() {
        boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('epewatch:stale-publications'))")
                .query(Boolean.class).single());
        if (mine) {
            incomplete.resubmitIncompletePublicationsOlderThan(after);
            log.debug("Event publications unsent for {} resubmitted", after);
        }
    }
}
