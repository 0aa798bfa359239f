package io.epewatch.recognition;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 22: an instance told to send frames to recognition workers, or to be one, without Kafka says so at start. */
class RemoteRecognitionSettingsTest {

    private static RecognitionProperties settings(boolean send, boolean read) {
        return new RecognitionProperties(1, 32, 0.02, Duration.ofSeconds(3), Duration.ofSeconds(60), 1120, 0.6, true,
                new RecognitionProperties.Watch(true, Duration.ofMillis(500)),
                new RecognitionProperties.Remote(send, read, Duration.ofMinutes(2), Duration.ofHours(1)));
    }

    @Test
    @DisplayName("remote.send or remote.read without epewatch.kafka.bootstrap-servers stops start-up naming both settings")
    void workersNeedKafka() {
        assertThatThrownBy(() -> new GateRecognition(null, Clock.systemUTC(), null, settings(true, false), null, false))
                .hasMessageContaining("epewatch.recognition.remote.send=true").hasMessageContaining("epewatch.kafka.bootstrap-servers");
        assertThatThrownBy(() -> new GateRecognition(null, Clock.systemUTC(), null, settings(false, true), null, false))
                .hasMessageContaining("epewatch.recognition.remote.read=true").hasMessageContaining("epewatch.kafka.bootstrap-servers");
    }
}
