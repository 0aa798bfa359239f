package io.epewatch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.epewatch.identity.ApiTokens;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Garbage at every ingest endpoint, from a generated corpus (fixed seed, so a failure repeats): valid requests cut
 * short, every field given wrong types, NUL characters, invalid UTF-8, huge and deeply nested bodies, extreme numbers
 * and dates, wrong or wildcard content types, malformed multipart, XML and CSV, NULs in query parameters. Not one may
 * answer 5xx or hang, and the application is healthy afterwards.
 */
@IntegrationTest
class IngestFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long SEED = 20261204L;

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private String token;
    private int sent;

    /** One request of the corpus. */
    private record Probe(String method, String path, String contentType, byte[] body, String what) {
    }

    @Test
    @DisplayName("fuzzed ingest: no 5xx, no hang, healthy afterwards")
    void garbageNeverBreaksIngest() throws Exception {
        Fixtures.Site site = fixtures.site();
        token = fixtures.integrationToken(ApiTokens.SCOPES.toArray(String[]::new));
        String tax = site.taxCode();
        String now = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS).toString();

        Map<String, ObjectNode> seeds = new LinkedHashMap<>();
        seeds.put("/api/v1/gate-events", object(Map.of("enterpriseTaxCode", tax, "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", now, "plate", "51C-123.45", "containerNumbers", List.of("MSKU4670691"))));
        seeds.put("/api/v1/declarations", object(Map.of("number", "301234567890", "typeCode", "E52", "enterpriseTaxCode", tax,
                "direction", "EXPORT", "registeredAt", now, "status", "CLEARED", "lane", "GREEN",
                "goods", List.of(Map.of("hsCode", "85423100", "description", "Vi mạch", "quantity", "12", "unit", "PCE",
                        "netWeightKg", "1.5", "grossWeightKg", 2)),
                "vehicles", List.of(Map.of("plate", "51C-123.45", "containerNumbers", List.of("MSKU4670691"))),
                "transit", Map.of("origin", "A", "destination", "B", "deadline", now, "route", "QL1A"))));
        seeds.put("/api/v1/manifests", object(Map.of("number", "MF-1", "enterpriseTaxCode", tax, "mode", "sea",
                "transportName", "WAN HAI 263", "voyage", "N128", "portOfLoading", "VNCLI", "portOfDischarge", "JPTYO", "at", now,
                "vehicles", List.of(Map.of("plate", "51C-123.45", "containerNumbers", List.of("MSKU4670691"))))));
        seeds.put("/api/v1/warehouse-notes", object(Map.of("number", "PN-1", "enterpriseTaxCode", tax, "kind", "RECEIPT",
                "location", "Bãi phế liệu", "at", now, "plate", "51C-123.45", "containerNumbers", List.of("MSKU4670691"),
                "goods", List.of(Map.of("description", "Phế liệu", "quantity", "1200", "unit", "KGM")))));
        seeds.put("/api/v1/area-confirmations", object(Map.of("id", "CL-1", "enterpriseTaxCode", tax, "place", "PORT-CAT-LAI",
                "direction", "IN", "at", now, "plate", "51C-123.45", "containerNumbers", List.of("MSKU4670691"))));
        seeds.put("/api/v1/edge-anpr/events", object(Map.of("eventId", "e-1", "enterpriseTaxCode", tax, "cameraNumber", "G1",
                "capturedAt", now, "plate", Map.of("text", "51C-123.45", "confidence", 0.9),
                "containers", List.of(Map.of("text", "MSKU4670691", "confidence", 0.97)))));
        seeds.put("/api/v1/osmand", object(Map.of("device_id", "51C-123.45", "location", Map.of("timestamp", now,
                "coords", Map.of("latitude", 10.8, "longitude", 106.7, "speed", 12.5, "heading", 180)))));
        seeds.put("/api/v1/trips", object(Map.of("plate", "51C-123.45", "enterpriseTaxCode", tax, "origin", "A",
                "destination", "B", "startedAt", now)));
        seeds.put("/api/v1/gps-devices/TRK-1", object(Map.of("plate", "51C-123.45")));
        ArrayNode positions = NODES.arrayNode().add(object(Map.of("plate", "51C-123.45", "lat", 10.8, "lon", 106.7,
                "speed", 40, "heading", 90, "time", now, "source", "fuzz")));

        List<Probe> corpus = new ArrayList<>();
        seeds.forEach((path, seed) -> corpus.addAll(jsonProbes(path.startsWith("/api/v1/gps-devices") ? "PUT" : "POST", path, seed)));
        corpus.addAll(jsonProbes("POST", "/api/v1/positions", positions));
        for (String importPath : List.of("/api/v1/declarations/import", "/api/v1/manifests/import",
                "/api/v1/warehouse-notes/import", "/api/v1/area-confirmations/import", "/api/v1/positions/import")) {
            JsonNode seed = importPath.startsWith("/api/v1/positions") ? positions.get(0)
                    : seeds.get(importPath.substring(0, importPath.length() - "/import".length()));
            corpus.addAll(csvProbes(importPath, (ObjectNode) seed));
        }
        corpus.addAll(queryProbes(now));
        corpus.addAll(xmlAndMultipartProbes("/api/v1/edge-anpr/hikvision/" + tax + "/G1", now));

        for (Probe probe : corpus) {
            send(probe);
        }
        System.out.printf("ingest fuzz: %d requests, answers %s, %d failures%n", sent, statuses, failures.size());
        assertThat(failures).as("5xx answers or hangs").isEmpty();
        assertThat(sent).isGreaterThan(1000);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    // --- the corpus ---

    private List<Probe> jsonProbes(String method, String path, JsonNode seed) {
        List<Probe> probes = new ArrayList<>();
        byte[] valid = JSON.writeValueAsBytes(seed);
        probes.add(new Probe(method, path, "application/json", valid, "seed"));
        for (int cut : new int[] {0, 1, valid.length / 3, valid.length / 2, valid.length - 1}) {
            probes.add(new Probe(method, path, "application/json", java.util.Arrays.copyOf(valid, cut), "truncated at " + cut));
        }
        for (String pointer : leaves(seed, "")) {
            for (JsonNode replacement : pick(replacements(), 7)) {
                JsonNode mutated = seed.deepCopy();
                replace(mutated, pointer, replacement);
                probes.add(new Probe(method, path, "application/json", JSON.writeValueAsBytes(mutated),
                        pointer + " = " + abbreviate(replacement.toString())));
            }
            JsonNode withNul = seed.deepCopy();
            replace(withNul, pointer, NODES.stringNode("ab\u0000cd"));
            probes.add(new Probe(method, path, "application/json", JSON.writeValueAsBytes(withNul), pointer + " with NUL"));
        }
        String text = new String(valid, StandardCharsets.UTF_8);
        probes.add(new Probe(method, path, "application/json", inject(valid, new byte[] {(byte) 0xC3, 0x28}), "invalid UTF-8"));
        probes.add(new Probe(method, path, "application/json", inject(valid, new byte[] {(byte) 0xFF, (byte) 0xFE}), "invalid UTF-8 FF"));
        probes.add(new Probe(method, path, "application/json", text.replace("\"51C-123.45\"", "\"\\ud800\"")
                .getBytes(StandardCharsets.UTF_8), "lone surrogate escape"));
        probes.add(new Probe(method, path, "application/json", "[".repeat(20_000).getBytes(StandardCharsets.US_ASCII), "deep nesting"));
        probes.add(new Probe(method, path, "application/json", ("{\"a\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001))
                .getBytes(StandardCharsets.US_ASCII), "deep objects"));
        probes.add(new Probe(method, path, "application/json", ("[\"" + "x".repeat(2_000_000) + "\"]").getBytes(StandardCharsets.US_ASCII), "2 MB"));
        probes.add(new Probe(method, path, "application/json", ("\"" + "x".repeat(900_000) + "\"").getBytes(StandardCharsets.US_ASCII), "900 kB string"));
        probes.add(new Probe(method, path, "application/json", new byte[0], "empty"));
        probes.add(new Probe(method, path, "application/json", "null".getBytes(StandardCharsets.US_ASCII), "null"));
        probes.add(new Probe(method, path, "application/json", "[]".getBytes(StandardCharsets.US_ASCII), "empty array"));
        probes.add(new Probe(method, path, "application/json", "123".getBytes(StandardCharsets.US_ASCII), "a number"));
        probes.add(new Probe(method, path, "application/json", text.replace("{", "{\"x\":1,").getBytes(StandardCharsets.UTF_8), "unknown fields"));
        for (String type : new String[] {"*/*", "application/*", "text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                "multipart/form-data", "application/x-www-form-urlencoded", "application/octet-stream", "image/jpeg", null}) {
            probes.add(new Probe(method, path, type, valid, "content type " + type));
        }
        return probes;
    }

    private List<Probe> csvProbes(String path, ObjectNode seed) {
        List<String> header = new ArrayList<>();
        List<String> values = new ArrayList<>();
        seed.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isValueNode()) {
                header.add(field.getKey());
                values.add(value.asString());
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isValueNode()) {
                header.add(field.getKey());
                values.add(String.join("|", value.valueStream().map(JsonNode::asString).toList()));
            }
        });
        String good = String.join(",", header) + "\r\n" + String.join(",", values) + "\r\n";
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("POST", path, "text/csv", utf8(good), "csv seed"));
        for (int cut : new int[] {0, 3, good.length() / 2, good.length() - 3}) {
            probes.add(new Probe("POST", path, "text/csv", utf8(good.substring(0, cut)), "csv truncated at " + cut));
        }
        for (int column = 0; column < values.size(); column++) {
            for (JsonNode replacement : pick(replacements(), 5)) {
                List<String> row = new ArrayList<>(values);
                row.set(column, "\"" + replacement.asString("").replace("\"", "\"\"") + "\"");
                probes.add(new Probe("POST", path, "text/csv", utf8(String.join(",", header) + "\n" + String.join(",", row) + "\n"),
                        "csv " + header.get(column) + " = " + abbreviate(replacement.toString())));
            }
        }
        probes.add(new Probe("POST", path, "text/csv", utf8(good.replace(",", "\u0000,")), "csv NUL"));
        probes.add(new Probe("POST", path, "application/octet-stream", utf8(good.replace(",", "\u0000,")), "csv NUL as octets"));
        probes.add(new Probe("POST", path, "text/csv", good.getBytes(StandardCharsets.UTF_16), "csv UTF-16"));
        probes.add(new Probe("POST", path, "text/csv", inject(utf8(good), new byte[] {(byte) 0xC3, 0x28}), "csv invalid UTF-8"));
        probes.add(new Probe("POST", path, "text/csv", utf8(good.replaceFirst(",", ",\"unbalanced")), "csv unbalanced quote"));
        probes.add(new Probe("POST", path, "text/csv", utf8("\"" + "x".repeat(200_000)), "csv open quote to the end"));
        probes.add(new Probe("POST", path, "text/csv", utf8(String.join(";", header) + "\n" + (String.join(";", values) + "\n").repeat(10_050)),
                "csv too many rows"));
        probes.add(new Probe("POST", path, "text/csv", utf8(",,,\n,,,\n"), "csv no header"));
        probes.add(new Probe("POST", path, "*/*", utf8(good), "csv wildcard type"));
        return probes;
    }

    private List<Probe> queryProbes(String now) {
        List<Probe> probes = new ArrayList<>();
        String[] values = {"%00", "51C%00-123.45", "abc", "1e400", "-1e400", "NaN", "Infinity", "99999999999999999999", "",
                "-999999999-01-01T00:00:00Z", "%FF%FE", "10.8%2C106.7", "x".repeat(5_000)};
        for (String field : new String[] {"id", "lat", "lon", "timestamp", "speed", "bearing", "location"}) {
            for (String value : values) {
                Map<String, String> params = new LinkedHashMap<>(Map.of("id", "51C-123.45", "lat", "10.8", "lon", "106.7",
                        "timestamp", String.valueOf(Instant.parse(now).getEpochSecond()), "speed", "10", "bearing", "90"));
                params.put(field, value);
                String query = String.join("&", params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
                probes.add(new Probe("GET", "/api/v1/osmand?" + query, null, null, "osmand " + field + "=" + abbreviate(value)));
                probes.add(new Probe("POST", "/api/v1/osmand", "application/x-www-form-urlencoded", utf8(query), "osmand form " + field));
            }
        }
        probes.add(new Probe("GET", "/api/v1/vehicles/ABC/track", null, null, "track of no plate"));
        probes.add(new Probe("GET", "/api/v1/gate-events?limit=abc", null, null, "limit not a number"));
        probes.add(new Probe("GET", "/api/v1/gate-events?enterpriseTaxCode=%00", null, null, "NUL query"));
        probes.add(new Probe("GET", "/api/v1/declarations/%00", null, null, "NUL path"));
        probes.add(new Probe("GET", "/api/v1/warnings?severity=%00&rule=x", null, null, "warnings NUL"));
        return probes;
    }

    private List<Probe> xmlAndMultipartProbes(String path, String now) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <EventNotificationAlert version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
                <dateTime>%s</dateTime><eventType>ANPR</eventType>
                <ANPR><licensePlate>51C12345</licensePlate><confidenceLevel>90</confidenceLevel><direction>forward</direction></ANPR>
                </EventNotificationAlert>""".formatted(now);
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("POST", path, "application/xml", utf8(xml), "xml seed"));
        for (int cut = 0; cut < xml.length(); cut += xml.length() / 12) {
            probes.add(new Probe("POST", path, "application/xml", utf8(xml.substring(0, cut)), "xml truncated at " + cut));
        }
        for (String date : new String[] {"-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2026-13-45T99:99:99", "", "%00"}) {
            probes.add(new Probe("POST", path, "application/xml", utf8(xml.replace(now, date)), "xml date " + date));
        }
        probes.add(new Probe("POST", path, "application/xml", utf8(xml.replace("51C12345", "51C\u000012345")), "xml NUL"));
        probes.add(new Probe("POST", path, "application/xml", utf8(xml.replace("51C12345", "&#0;")), "xml NUL reference"));
        probes.add(new Probe("POST", path, "application/xml", utf8("<!DOCTYPE a [<!ENTITY b SYSTEM \"file:///etc/passwd\">]><a>&b;</a>"), "XXE"));
        probes.add(new Probe("POST", path, "application/xml", utf8("<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>"), "entity expansion"));
        probes.add(new Probe("POST", path, "application/xml", utf8("<a>" + "<b>".repeat(10_000) + "</a>"), "deep xml"));
        probes.add(new Probe("POST", path, "application/xml", xml.getBytes(StandardCharsets.UTF_16LE), "xml UTF-16 without BOM"));
        probes.add(new Probe("POST", path, "application/xml", inject(utf8(xml), new byte[] {(byte) 0xC3, 0x28}), "xml invalid UTF-8"));
        byte[] multipart = multipart("BOUNDARY", xml);
        probes.add(new Probe("POST", path, "multipart/form-data; boundary=BOUNDARY", multipart, "multipart seed"));
        probes.add(new Probe("POST", path, "multipart/form-data", multipart, "multipart without boundary"));
        probes.add(new Probe("POST", path, "multipart/form-data; boundary=OTHER", multipart, "multipart wrong boundary"));
        for (int cut : new int[] {10, multipart.length / 2, multipart.length - 5}) {
            probes.add(new Probe("POST", path, "multipart/form-data; boundary=BOUNDARY", java.util.Arrays.copyOf(multipart, cut),
                    "multipart truncated at " + cut));
        }
        probes.add(new Probe("POST", path, "multipart/mixed; boundary=BOUNDARY", utf8("--BOUNDARY\r\n\r\n--BOUNDARY--\r\n"), "part without headers"));
        probes.add(new Probe("POST", path, "*/*", utf8(xml), "xml wildcard type"));
        probes.add(new Probe("POST", "/api/v1/edge-anpr/hikvision/%00/G1", "application/xml", utf8(xml), "NUL tax code"));
        probes.add(new Probe("POST", "/api/v1/edge-anpr/hikvision/" + "9".repeat(300) + "/G1", "application/xml", utf8(xml), "long tax code"));
        return probes;
    }

    /** Values of every wrong kind a field can be given. */
    private static List<JsonNode> replacements() {
        return List.of(NODES.nullNode(), NODES.stringNode(""), NODES.stringNode("   "), NODES.stringNode("x".repeat(100_000)),
                NODES.stringNode("Cảng Cát Lái – Thủ Đức 🚚"), NODES.stringNode("<script>alert(1)</script>"),
                NODES.stringNode("'; drop table gate_event; --"), NODES.numberNode(0), NODES.numberNode(-1),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("9".repeat(400))),
                NODES.numberNode(new java.math.BigDecimal("1e999999")), NODES.numberNode(-1e308), NODES.numberNode(4.9e-324),
                NODES.stringNode("NaN"), NODES.stringNode("1e400"), NODES.booleanNode(true), NODES.arrayNode(),
                NODES.arrayNode().add(NODES.arrayNode().add(1)), NODES.objectNode(), NODES.objectNode().put("a", 1),
                NODES.stringNode("-999999999-01-01T00:00:00Z"), NODES.stringNode("+999999999-12-31T23:59:59Z"),
                NODES.stringNode("0001-01-01T00:00:00Z"), NODES.stringNode("2026-02-30T25:61:61Z"),
                NODES.stringNode("2026-11-23T08:15:00"), NODES.stringNode("1733300000000"), NODES.stringNode("\u202e51C-123.45"));
    }

    private List<JsonNode> pick(List<JsonNode> values, int count) {
        List<JsonNode> shuffled = new ArrayList<>(values);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    /** JSON pointers of every value and container below {@code node}. */
    private static List<String> leaves(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (!at.isEmpty()) {
            pointers.add(at);
        }
        if (node.isObject()) {
            node.properties().forEach(e -> pointers.addAll(leaves(e.getValue(), at + "/" + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.addAll(leaves(node.get(i), at + "/" + i));
            }
        }
        return pointers;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static ObjectNode object(Map<String, ?> fields) {
        return (ObjectNode) JSON.valueToTree(fields);
    }

    private static byte[] multipart(String boundary, String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"anpr.xml\"; filename=\"anpr.xml\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + xml + "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"licensePlatePicture.jpg\"; filename=\"licensePlatePicture.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n"));
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 1, 2, 3});
        out.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    private byte[] inject(byte[] body, byte[] garbage) {
        int at = body.length == 0 ? 0 : random.nextInt(body.length);
        byte[] out = new byte[body.length + garbage.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(garbage, 0, out, at, garbage.length);
        System.arraycopy(body, at, out, at + garbage.length, body.length - at);
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void send(Probe probe) {
        sent++;
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base() + probe.path())).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the corpus made a bad URI: " + probe.path(), e);
        }
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(probe.body());
        request.method(probe.method(), body);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                failures.add(probe.method() + " " + abbreviate(probe.path()) + " [" + probe.what() + "] → " + response.statusCode()
                        + " " + abbreviate(response.body()));
            }
        } catch (HttpTimeoutException e) {
            failures.add(probe.method() + " " + abbreviate(probe.path()) + " [" + probe.what() + "] → no answer within 15 s");
        } catch (java.io.IOException e) {
            // the server may close the connection on a body it refuses to read (too large): that is an answer
            statuses.merge(0, 1, Integer::sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
