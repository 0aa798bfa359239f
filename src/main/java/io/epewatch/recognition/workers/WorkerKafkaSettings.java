package io.epewatch.recognition.workers;

import io.epewatch.recognition.RecognitionProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/** The frames topic, and the consumers of a recognition worker (issue 22). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "epewatch.kafka.enabled", havingValue = "true")
class WorkerKafkaSettings {

    /** Frames are kept briefly ({@code epewatch.recognition.remote.retention}): what lasts is the gate event made of them. */
    @Bean
    NewTopic gateFrames(@Value("${epewatch.kafka.partitions:16}") int partitions, @Value("${epewatch.kafka.replicas:3}") int replicas,
                        RecognitionProperties settings) {
        return TopicBuilder.name(GateFrameTopic.NAME).partitions(partitions).replicas(replicas)
                .config("retention.ms", String.valueOf(settings.remote().retention().toMillis()))
                .config("max.message.bytes", String.valueOf(GateFrameTopic.LARGEST_FRAME)).build();
    }

    /**
     * One consumer thread per model (epewatch.recognition.workers; 0 = one per core), each committing what it has
     * recorded itself.
     */
    @Bean
    @ConditionalOnProperty(name = "epewatch.recognition.remote.read", havingValue = "true")
    ConcurrentKafkaListenerContainerFactory<Object, Object> gateFrameListeners(ConsumerFactory<Object, Object> consumers,
                                                                              RecognitionProperties settings) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setConcurrency(settings.workers() > 0 ? settings.workers() : Runtime.getRuntime().availableProcessors());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        return factory;
    }
}
