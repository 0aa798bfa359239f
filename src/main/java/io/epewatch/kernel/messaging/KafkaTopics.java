package io.epewatch.kernel.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics EPE Watch writes, created at start when missing ({@code epewatch.kafka.partitions} partitions,
 * {@code epewatch.kafka.replicas} replicas, at least two in sync for a write to count). Source events are keyed by
 * enterprise, so one enterprise's events stay in order on one partition.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "epewatch.kafka.enabled", havingValue = "true")
class KafkaTopics {

    static final String[] SOURCE_TOPICS = {"epewatch.gate-events", "epewatch.positions", "epewatch.declarations",
            "epewatch.camera-states", "epewatch.trips", "epewatch.cargo", "epewatch.warnings", "epewatch.incidents"};

    @Bean
    KafkaAdmin.NewTopics epewatchTopics(@Value("${epewatch.kafka.partitions:16}") int partitions,
                                        @Value("${epewatch.kafka.replicas:3}") int replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : SOURCE_TOPICS) {
            topics.add(topic(name, partitions, replicas));
        }
        topics.add(topic(SharedStateRelay.TOPIC, 1, replicas));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, int partitions, int replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas)
                .config("min.insync.replicas", String.valueOf(Math.min(2, replicas))).build();
    }
}
