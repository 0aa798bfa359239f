package io.epewatch.risk.web;

import io.epewatch.risk.WarningRaised;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every warning raised by any instance, from the warnings topic, for this instance's open inboxes (each instance reads
 * the topic in a consumer group of its own). The warning is committed before it is on the topic.
 */
@Component
@ConditionalOnProperty(name = "epewatch.kafka.enabled", havingValue = "true")
class WarningRelay {

    private final WarningStream stream;

    WarningRelay(WarningStream stream) {
        this.stream = stream;
    }

    /** The JSON on the topic is read into the event by Spring Modulith's message converter. */
    @KafkaListener(topics = "epewatch.warnings", groupId = "${epewatch.kafka.instance-group}")
    void on(WarningRaised raised) {
        stream.push(raised);
    }
}
