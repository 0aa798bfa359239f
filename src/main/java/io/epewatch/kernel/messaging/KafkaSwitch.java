package io.epewatch.kernel.messaging;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.epewatch.kernel.InstanceName;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Kafka is used only when {@code epewatch.kafka.bootstrap-servers} names brokers (issue 22); one machine needs none.
 * Then the events the modules mark {@code @Externalized} go to their topics through Spring Modulith's event
 * publication registry (written in the transaction that publishes them, sent after the commit, sent again after a
 * crash), with the producer waiting for every in-sync replica. Without it, Kafka's auto-configuration is left out
 * and nothing tries to reach a broker. Sets {@code epewatch.kafka.enabled} for the beans that need Kafka.
 */
public class KafkaSwitch implements EnvironmentPostProcessor {

    static final String SERVERS = "epewatch.kafka.bootstrap-servers";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String servers = environment.getProperty(SERVERS, "").strip();
        Map<String, Object> settings = new HashMap<>();
        boolean on = !servers.isEmpty();
        settings.put("epewatch.kafka.enabled", on);
        settings.put("spring.modulith.events.externalization.enabled", on);
        if (on) {
            settings.put("spring.kafka.bootstrap-servers", servers);
            settings.put("spring.kafka.producer.acks", "all");
            settings.put("spring.kafka.producer.properties.enable.idempotence", "true");
            // a camera's frame for the recognition workers (issue 22) may be a few megabytes
            settings.put("spring.kafka.producer.properties.max.request.size", String.valueOf(8 * 1024 * 1024));
            settings.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
            settings.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
            settings.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
            settings.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
            // an instance killed between its commit and the send leaves its publications PUBLISHED or PROCESSING:
            // Spring Modulith's staleness monitor marks them FAILED after this long, and StalePublications sends them
            settings.put("spring.modulith.events.staleness.published", "${epewatch.kafka.resubmit-after:PT1M}");
            settings.put("spring.modulith.events.staleness.processing", "${epewatch.kafka.resubmit-after:PT1M}");
            settings.put("spring.modulith.events.staleness.check-intervall", "${epewatch.kafka.resubmit-every:PT30S}");
            // a relay reads what happens from now on: what happened before it started is in the database
            settings.put("spring.kafka.consumer.auto-offset-reset", "latest");
            String instance = InstanceName.of(environment.getProperty("epewatch.cluster.instance-id"),
                    Path.of(environment.getProperty("epewatch.data-dir", "./data")));
            // each instance hears every relayed event: a consumer group of its own
            settings.put("epewatch.kafka.instance-group", "epewatch-" + instance);
        } else {
            String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
            settings.put("spring.autoconfigure.exclude", (excluded.isBlank() ? "" : excluded + ",")
                    + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                    + "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("epewatchKafkaSwitch", settings));
    }
}
