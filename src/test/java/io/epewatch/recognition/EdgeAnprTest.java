package io.epewatch.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.epewatch.gate.GateEvents;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Edge ANPR (R1.2): plates read on the camera and pushed here become gate events with their reads and pictures. */
@IntegrationTest
class EdgeAnprTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    GateEvents gateEvents;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @LocalServerPort
    int port;

    Fixtures.Site site;
    Api camera;
    Api officer;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        camera = new Api(port, fixtures.integrationToken(io.epewatch.identity.ApiTokens.INGEST_GATE_EVENTS));
        officer = new Api(port, null).signIn(fixtures.user(io.epewatch.identity.Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
    }

    private Map<String, Object> event(String eventId, double confidence) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("enterpriseTaxCode", site.taxCode());
        event.put("cameraNumber", "G1");
        event.put("capturedAt", "2026-11-20T09:15:00+07:00");
        event.put("plate", Map.of("text", "51c 12345", "confidence", confidence, "image", jpegBase64()));
        event.put("containers", List.of(Map.of("text", "MSKU 467069-1", "confidence", 0.97)));
        return event;
    }

    @Test
    @DisplayName("R1.2 a generic JSON event is a gate event with the camera's direction; its eventId makes a repeat a no-op")
    void jsonEvent() {
        String id = "edge-" + UUID.randomUUID();
        Api.Response first = camera.post("/api/v1/edge-anpr/events", event(id, 0.93));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode passage = first.json();
        assertThat(passage.get("plate").asString()).isEqualTo("51C-123.45");
        assertThat(passage.get("direction").asString()).isEqualTo("OUT");
        assertThat(passage.get("locationName").asString()).as("where it passed, as the site diagram names it").isEqualTo("Cổng chính");
        assertThat(passage.get("locationKind").asString()).isEqualTo("GATE");
        assertThat(passage.get("source").asString()).isEqualTo("edge:json");
        assertThat(passage.get("containers").get(0).get("number").asString()).isEqualTo("MSKU4670691");

        Api.Response repeat = camera.post("/api/v1/edge-anpr/events", event(id, 0.93));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("id").asLong()).isEqualTo(passage.get("id").asLong());
        assertThat(gateEvents.latest(java.util.Set.of(site.taxCode()), 10)).hasSize(1);
        Map<String, Object> other = event(id, 0.93);
        other.put("plate", Map.of("text", "30E-255.82"));
        assertThat(camera.post("/api/v1/edge-anpr/events", other).status()).as("the same eventId with another plate").isEqualTo(422);

        JsonNode readings = officer.get("/api/v1/gate-events/" + passage.get("id").asLong() + "/readings").json();
        assertThat(readings).hasSize(2);
        assertThat(readings.get(0).get("kind").asString()).isEqualTo("PLATE");
        assertThat(readings.get(0).get("status").asString()).isEqualTo("CONFIDENT");
        String crop = "/passages/" + passage.get("id").asLong() + "/readings/" + readings.get(0).get("id").asLong() + "/crop.jpg";
        byte[] picture = officer.getBytes(crop);
        assertThat(picture).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    @Test
    @DisplayName("R1.4 the site diagram's direction wins over the edge camera's; a camera that sees both ways must say which")
    void directionComesFromTheDiagram() {
        Map<String, Object> saysIn = event("edge-" + UUID.randomUUID(), 0.93);
        saysIn.put("direction", "IN");
        assertThat(camera.post("/api/v1/edge-anpr/events", saysIn).json().get("direction").asString()).isEqualTo("OUT");

        jdbc.sql("update camera set direction = 'BOTH' where number = 'G1' and enterprise_id = "
                + "(select id from enterprise where tax_code = ?)").param(site.taxCode()).update();
        Api.Response unsaid = camera.post("/api/v1/edge-anpr/events", event("edge-" + UUID.randomUUID(), 0.93));
        assertProblem(unsaid, "direction");
        assertThat(unsaid.body()).contains("both directions");
        Map<String, Object> saysOut = event("edge-" + UUID.randomUUID(), 0.93);
        saysOut.put("direction", "IN");
        assertThat(camera.post("/api/v1/edge-anpr/events", saysOut).json().get("direction").asString()).isEqualTo("IN");
    }

    @Test
    @DisplayName("R1.2 a read below the confidence bar is kept as UNCERTAIN, not dropped and not trusted")
    void lowConfidenceIsUncertain() {
        JsonNode passage = camera.post("/api/v1/edge-anpr/events", event("edge-" + UUID.randomUUID(), 0.41)).json();
        JsonNode readings = officer.get("/api/v1/gate-events/" + passage.get("id").asLong() + "/readings").json();
        assertThat(readings.get(0).get("status").asString()).isEqualTo("UNCERTAIN");
        assertThat(readings.get(1).get("status").asString()).isEqualTo("CONFIDENT");
    }

    @Test
    @DisplayName("bad events get a 400 naming the field, and store nothing")
    void badJsonEvents() {
        assertProblem(camera.postRaw("/api/v1/edge-anpr/events", "{\"eventId\": \"x\", \"plate\": ", null), "body");
        Map<String, Object> wrongConfidence = event("edge-" + UUID.randomUUID(), 1.5);
        assertProblem(camera.post("/api/v1/edge-anpr/events", wrongConfidence), "plate.confidence");
        Map<String, Object> notJpeg = event("edge-" + UUID.randomUUID(), 0.9);
        notJpeg.put("plate", Map.of("text", "51C-123.45", "image", Base64.getEncoder().encodeToString("GIF89a".getBytes())));
        assertProblem(camera.post("/api/v1/edge-anpr/events", notJpeg), "plate.image");
        Map<String, Object> foreign = event("edge-" + UUID.randomUUID(), 0.9);
        foreign.put("plate", Map.of("text", "Biển số lạ ABC"));
        assertProblem(camera.post("/api/v1/edge-anpr/events", foreign), "plate");
        Map<String, Object> noCamera = event("edge-" + UUID.randomUUID(), 0.9);
        noCamera.put("cameraNumber", "Cổng số 9");
        assertProblem(camera.post("/api/v1/edge-anpr/events", noCamera), "cameraNumber");
        Map<String, Object> noTime = event("edge-" + UUID.randomUUID(), 0.9);
        noTime.put("capturedAt", "20/11/2026 09:15");
        assertProblem(camera.post("/api/v1/edge-anpr/events", noTime), "capturedAt");
        Map<String, Object> future = event("edge-" + UUID.randomUUID(), 0.9);
        future.put("capturedAt", java.time.OffsetDateTime.now().plusHours(2).toString());
        assertProblem(camera.post("/api/v1/edge-anpr/events", future), "capturedAt");
        assertThat(gateEvents.latest(java.util.Set.of(site.taxCode()), 10)).isEmpty();
    }

    @Test
    @DisplayName("an edge camera sending the same event many times at once gets 201 once and 200 for the rest: no 500, one gate event")
    void concurrentRepeatsAreOneEvent() throws Exception {
        String xmlPath = "/api/v1/edge-anpr/hikvision/" + site.taxCode() + "/G1";
        byte[] xml = resource("/anpr/hikvision-anpr.xml");
        Map<String, Object> json = event("burst-" + UUID.randomUUID(), 0.9);
        java.util.concurrent.ConcurrentHashMap<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                sent.add(pool.submit(() -> statuses.merge(camera.post("/api/v1/edge-anpr/events", json).status(), 1, Integer::sum)));
                sent.add(pool.submit(() -> statuses.merge(camera.postTyped(xmlPath, "application/xml", xml).status(), 1, Integer::sum)));
            }
            for (var future : sent) {
                future.get();
            }
        }
        assertThat(statuses).as("answers").containsOnlyKeys(200, 201).containsEntry(201, 2).containsEntry(200, 158);
        assertThat(gateEvents.latest(java.util.Set.of(site.taxCode()), 10)).hasSize(2);
    }

    @Test
    @DisplayName("R1.2 a Hikvision ISAPI ANPR alarm (XML alone, or multipart with its pictures) is a gate event; a repeat is not")
    void hikvisionAlarm() throws IOException {
        String path = "/api/v1/edge-anpr/hikvision/" + site.taxCode() + "/G1";
        byte[] xml = resource("/anpr/hikvision-anpr.xml");
        Api.Response plain = camera.postTyped(path, "application/xml", xml);
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(plain.json().get("plate").asString()).isEqualTo("51C-123.45");
        // camera G1 is set up for OUT: its configuration wins over the camera's own "forward"
        assertThat(plain.json().get("direction").asString()).isEqualTo("OUT");
        assertThat(camera.postTyped(path, "application/xml", xml).status()).isEqualTo(200);

        String other = new String(xml, StandardCharsets.UTF_8).replace("6d3f2a10-8c1e-4b7a-9d2e-1f0a5b3c7e91", UUID.randomUUID().toString())
                .replace("51C12345", "30E25582");
        String boundary = "hik" + UUID.randomUUID();
        byte[] multipart = multipart(boundary, Map.of("anpr.xml", other.getBytes(StandardCharsets.UTF_8),
                "licensePlatePicture.jpg", jpeg(), "detectionPicture.jpg", jpeg()));
        Api.Response withPictures = camera.postTyped(path, "multipart/form-data; boundary=" + boundary, multipart);
        assertThat(withPictures.status()).as(withPictures.body()).isEqualTo(201);
        assertThat(withPictures.json().get("plate").asString()).isEqualTo("30E-255.82");
        JsonNode readings = officer.get("/api/v1/gate-events/" + withPictures.json().get("id").asLong() + "/readings").json();
        assertThat(readings.get(0).get("confidence").asDouble()).isEqualTo(0.94);
        assertThat(readings.get(0).get("cropEvidenceId").isNull()).isFalse();
        assertThat(readings.get(0).get("frameEvidenceId").isNull()).isFalse();
        assertThat(gateEvents.latest(java.util.Set.of(site.taxCode()), 10)).hasSize(2);
    }

    @Test
    @DisplayName("Hikvision: heartbeats are acknowledged and not stored; malformed or unsafe alarms get a clear 400")
    void hikvisionNonsense() throws IOException {
        String path = "/api/v1/edge-anpr/hikvision/" + site.taxCode() + "/G1";
        String xml = new String(resource("/anpr/hikvision-anpr.xml"), StandardCharsets.UTF_8);
        Api.Response heartbeat = camera.postTyped(path, "application/xml",
                xml.replace("<eventType>ANPR</eventType>", "<eventType>videoloss</eventType>").getBytes(StandardCharsets.UTF_8));
        assertThat(heartbeat.status()).isEqualTo(202);
        assertProblem(camera.postTyped(path, "application/xml", xml.substring(0, 400).getBytes(StandardCharsets.UTF_8)), "body");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<EventNotificationAlert><eventType>ANPR</eventType><ANPR><licensePlate>&x;</licensePlate></ANPR></EventNotificationAlert>";
        assertProblem(camera.postTyped(path, "application/xml", xxe.getBytes(StandardCharsets.UTF_8)), "body");
        String huge = xml.replace("<picNum>2</picNum>", "<padding>" + "x".repeat(1_100_000) + "</padding>");
        assertProblem(camera.postTyped(path, "application/xml", huge.getBytes(StandardCharsets.UTF_8)), "body");
        // says UTF-8, is Latin-1: refused, not stored with replacement characters; Latin-1 that says so is read
        String accented = xml.replace("Cong ra 1", "Entrée 1");
        assertProblem(camera.postTyped(path, "application/xml", accented.getBytes(StandardCharsets.ISO_8859_1)), "body");
        assertThat(camera.postTyped(path, "application/xml", accented.replace("UTF-8", "ISO-8859-1")
                .getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(201);
        assertProblem(camera.postTyped(path, "application/xml",
                xml.replace("<confidenceLevel>94", "<confidenceLevel>high").getBytes(StandardCharsets.UTF_8)), "ANPR.confidenceLevel");
        assertThat(gateEvents.latest(java.util.Set.of(site.taxCode()), 10)).as("only the Latin-1 alarm that said so").hasSize(1);
    }

    @Test
    @DisplayName("issue 21: a vehicle the camera could not read is an unread passage, in the officers' queue with its frame")
    void unreadVehicles() throws IOException {
        String path = "/api/v1/edge-anpr/hikvision/" + site.taxCode() + "/G1";
        String xml = new String(resource("/anpr/hikvision-anpr.xml"), StandardCharsets.UTF_8).replace("51C12345", "unknown");
        String boundary = "hik" + UUID.randomUUID();
        Api.Response hikvision = camera.postTyped(path, "multipart/form-data; boundary=" + boundary,
                multipart(boundary, Map.of("anpr.xml", xml.getBytes(StandardCharsets.UTF_8), "detectionPicture.jpg", jpeg())));
        assertThat(hikvision.status()).as(hikvision.body()).isEqualTo(201);
        assertThat(hikvision.json().get("plate").isNull()).isTrue();
        assertThat(hikvision.json().get("containers")).isEmpty();
        JsonNode reading = officer.get("/api/v1/gate-events/" + hikvision.json().get("id").asLong() + "/readings").json().get(0);
        assertThat(reading.get("status").asString()).isEqualTo("UNREAD");
        assertThat(reading.get("text").isNull()).isTrue();
        assertThat(reading.get("frameEvidenceId").isNull()).as("the scene is kept to look at").isFalse();
        assertThat(reading.get("note").asString()).contains("unknown");
        assertThat(camera.postTyped(path, "multipart/form-data; boundary=" + boundary,
                multipart(boundary, Map.of("anpr.xml", xml.getBytes(StandardCharsets.UTF_8), "detectionPicture.jpg", jpeg())))
                .status()).as("a repeat").isEqualTo(200);

        Map<String, Object> json = event("edge-" + UUID.randomUUID(), 0.9);
        json.put("plate", Map.of("text", "UNKNOWN"));
        json.remove("containers");
        Api.Response unread = camera.post("/api/v1/edge-anpr/events", json);
        assertThat(unread.status()).as(unread.body()).isEqualTo(201);
        assertThat(unread.json().get("plate").isNull()).isTrue();

        String page = officer.get("/passages/to-check").body();
        assertThat(page).contains("/passages/" + hikvision.json().get("id").asLong(), "/frame.jpg", "không đọc được");
        assertThat(gateEvents.latest(java.util.Set.of(site.taxCode()), 10)).hasSize(2);
    }

    @Test
    @DisplayName("issue 21: foreign plates keep their country; a plate of no known layout is kept as read, country unknown, UNCERTAIN")
    void foreignPlates() {
        Map<String, Object> cambodian = event("edge-" + UUID.randomUUID(), 0.95);
        cambodian.put("plate", Map.of("text", "2A-1234", "confidence", 0.95));
        Api.Response kh = camera.post("/api/v1/edge-anpr/events", cambodian);
        assertThat(kh.status()).as(kh.body()).isEqualTo(201);
        assertThat(kh.json().get("plate").asString()).isEqualTo("KH 2A-1234");

        Map<String, Object> chinese = event("edge-" + UUID.randomUUID(), 0.95);
        chinese.put("plate", Map.of("text", "桂A·12345", "confidence", 0.95));
        assertThat(camera.post("/api/v1/edge-anpr/events", chinese).json().get("plate").asString()).isEqualTo("CN 桂A·12345");

        Map<String, Object> thai = event("edge-" + UUID.randomUUID(), 0.97);
        thai.put("plate", Map.of("text", "1กข 1234", "confidence", 0.97));
        Api.Response xx = camera.post("/api/v1/edge-anpr/events", thai);
        assertThat(xx.status()).as(xx.body()).isEqualTo(201);
        assertThat(xx.json().get("plate").asString()).isEqualTo("XX 1กข1234");
        JsonNode reading = officer.get("/api/v1/gate-events/" + xx.json().get("id").asLong() + "/readings").json().get(0);
        assertThat(reading.get("status").asString()).as("however sure the camera was").isEqualTo("UNCERTAIN");
        assertThat(reading.get("note").asString()).contains("country unknown");

        Map<String, Object> words = event("edge-" + UUID.randomUUID(), 0.9);
        words.put("plate", Map.of("text", "Biển số lạ ABC"));
        assertProblem(camera.post("/api/v1/edge-anpr/events", words), "plate");
        assertThat(gateEvents.latest(java.util.Set.of(site.taxCode()), 10)).hasSize(3);
    }

    private static void assertProblem(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).contains("problem+json");
        assertThat(response.body()).contains("\"" + field + "\"");
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = EdgeAnprTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] jpeg() {
        return new PassingTruck(320, 180, "51C-123.45", "MSKU4670691").paint(0.5).jpeg();
    }

    private static String jpegBase64() {
        return Base64.getEncoder().encodeToString(jpeg());
    }

    private static byte[] multipart(String boundary, Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            String type = part.getKey().endsWith(".xml") ? "application/xml" : "image/jpeg";
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey().replaceAll("\\..*", "")
                    + "\"; filename=\"" + part.getKey() + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(part.getValue());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
