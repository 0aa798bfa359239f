package io.epewatch.kernel.messaging;

import io.epewatch.kernel.SharedState;
import io.epewatch.kernel.SharedStateChanged;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hears the other instances' {@link SharedStateChanged} on Kafka (each instance in a consumer group of its own). */
@Component
@ConditionalOnProperty(name = "epewatch.kafka.enabled", havingValue = "true")
class SharedStateRelay {

    static final String TOPIC = "epewatch.state-changes";

    private final SharedState state;

    SharedStateRelay(SharedState state) {
        this.state = state;
    }

    @KafkaListener(topics = TOPIC, groupId = "${epewatch.kafka.instance-group}")
    void on(SharedStateChanged changed) {
        // this instance's own word comes back too: dropping its copy after its own commit is harmless
        state.changedElsewhere(changed.what());
    }
}
