package io.epewatch.recognition.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.epewatch.kernel.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21: the published JSON Schema of the edge ANPR event (docs/schemas/edge-anpr-event.schema.json) says what the
 * parser says — an event the schema accepts is parsed, one it refuses gets a 400 — so a camera integrator can check
 * their events offline.
 */
class EdgeAnprSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = schema();

    private static Schema schema() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(Path.of("docs/schemas/edge-anpr-event.schema.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String BASE = "\"eventId\": \"gate2-20261124-101530-0007\", \"enterpriseTaxCode\": \"0312345678\", "
            + "\"cameraNumber\": \"C01\", \"capturedAt\": \"2026-11-24T10:15:30+07:00\"";

    @ParameterizedTest
    @ValueSource(strings = {
            "{" + BASE + ", \"direction\": \"IN\", \"plate\": {\"text\": \"51C-123.45\", \"confidence\": 0.93}, \"containers\": [{\"text\": \"MSKU 467069 1\", \"confidence\": 0.88}]}",
            "{" + BASE + ", \"plate\": {\"text\": \"unknown\"}}",
            "{" + BASE + ", \"plate\": {\"text\": \"桂A·12345\"}}",
            "{" + BASE + ", \"containers\": [{\"text\": \"TEMU2709541\"}]}",
            "{" + BASE + ", \"direction\": \"out\", \"plate\": {\"text\": \"KH 2A-1234\", \"confidence\": 0}}"})
    @DisplayName("events the schema accepts, the parser takes")
    void accepted(String event) {
        assertThat(SCHEMA.validate(JSON.readTree(event))).isEmpty();
        assertThat(parses(event)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"enterpriseTaxCode\": \"0312345678\", \"cameraNumber\": \"C01\", \"capturedAt\": \"2026-11-24T10:15:30+07:00\", \"plate\": {\"text\": \"51C-123.45\"}}",
            "{" + BASE + "}",
            "{" + BASE + ", \"containers\": []}",
            "{" + BASE + ", \"plate\": {\"text\": \"51C-123.45\", \"confidence\": 1.5}}",
            "{" + BASE + ", \"plate\": {\"text\": \"\"}}",
            "{" + BASE + ", \"plate\": {\"confidence\": 0.9}}",
            "{" + BASE + ", \"direction\": \"LEFT\", \"plate\": {\"text\": \"51C-123.45\"}}",
            "{\"eventId\": \"x\", \"enterpriseTaxCode\": \"0312345678\", \"cameraNumber\": \"C01\", \"capturedAt\": \"2026-11-24T10:15:30\", \"plate\": {\"text\": \"51C-123.45\"}}",
            "{" + BASE + ", \"containers\": [{\"text\": \"A\"}, {\"text\": \"B\"}, {\"text\": \"C\"}, {\"text\": \"D\"}, {\"text\": \"E\"}]}"})
    @DisplayName("events the schema refuses, the parser refuses naming the field")
    void refused(String event) {
        assertThat(SCHEMA.validate(JSON.readTree(event))).isNotEmpty();
        assertThat(parses(event)).isFalse();
    }

    @org.junit.jupiter.api.Test
    @DisplayName("an eventId over 128 characters is refused by both")
    void longEventId() {
        String event = "{\"eventId\": \"" + "e".repeat(129) + "\", \"enterpriseTaxCode\": \"0312345678\", \"cameraNumber\": \"C01\", "
                + "\"capturedAt\": \"2026-11-24T10:15:30+07:00\", \"plate\": {\"text\": \"51C-123.45\"}}";
        assertThat(SCHEMA.validate(JSON.readTree(event))).isNotEmpty();
        assertThat(parses(event)).isFalse();
    }

    private static boolean parses(String event) {
        JsonNode node = JSON.readTree(event);
        try {
            new JsonAnprParser().parse(JSON.treeToValue(node, JsonAnprEvent.class));
            return true;
        } catch (InvalidInputException refused) {
            return false;
        }
    }
}
