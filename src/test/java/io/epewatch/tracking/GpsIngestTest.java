package io.epewatch.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** GPS positions through the real HTTP ingest: OsmAnd formats, batches out of order and repeated (R4.4, R4.5, R5.7). */
@IntegrationTest
class GpsIngestTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    Api ingest;
    Api customs;
    Fixtures.Site site;
    String origin;
    String destination;
    double lat;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        ingest = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GPS, ApiTokens.INGEST_GATE_EVENTS,
                ApiTokens.INGEST_DECLARATIONS, ApiTokens.READ));
        customs = new Api(port, null);
        customs.signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        String suffix = site.taxCode().substring(2, 8);
        origin = "EPE-" + suffix;
        destination = "PORT-" + suffix;
        // two squares 1 km apart, somewhere of this test's own (tests share the database); the road between them is
        // outside both
        lat = 10 + Integer.parseInt(suffix) % 1000 * 0.01;
        assertThat(customs.put("/api/v1/geofences/" + origin, Map.of("name", "KCX Linh Trung " + suffix, "kind", "EPE_SITE",
                "enterpriseTaxCode", site.taxCode(), "ring", square(lat, 106.780))).status()).isEqualTo(200);
        assertThat(customs.put("/api/v1/geofences/" + destination, Map.of("name", "Cảng Cát Lái " + suffix, "kind", "PORT",
                "ring", square(lat, 106.790))).status()).isEqualTo(200);
    }

    private static List<List<Double>> square(double lat, double lon) {
        double d = 0.002;
        return List.of(List.of(lon - d, lat - d), List.of(lon + d, lat - d), List.of(lon + d, lat + d), List.of(lon - d, lat + d));
    }

    private static String plate() {
        return String.format("51C-%03d.%02d", ThreadLocalRandom.current().nextInt(1000), ThreadLocalRandom.current().nextInt(100));
    }

    @Test
    @DisplayName("OsmAnd: query string (knots, Unix seconds), form POST, and Traccar Client's JSON (m/s) are all read")
    void osmandFormats() {
        String plate = plate();
        long t = Instant.now().minusSeconds(600).getEpochSecond();
        assertThat(ingest.get("/api/v1/osmand?id=" + plate + "&lat=" + lat + "&lon=106.780&timestamp=" + t
                + "&speed=10&bearing=90").status()).isEqualTo(200);
        // a repeat of the same fix is accepted and stored once
        assertThat(ingest.get("/api/v1/osmand?id=" + plate + "&lat=" + lat + "&lon=106.780&timestamp=" + t
                + "&speed=10&bearing=90").status()).isEqualTo(200);
        assertThat(ingest.postTyped("/api/v1/osmand?id=" + plate + "&lat=" + (lat + 0.0005) + "&lon=106.7850&timestamp=" + (t + 10) + "000",
                "application/x-www-form-urlencoded", new byte[0]).status()).isEqualTo(200);
        assertThat(ingest.put("/api/v1/gps-devices/48241179", Map.of("plate", plate)).status()).isEqualTo(204);
        Map<String, Object> json = Map.of("device_id", "48241179", "location", Map.of(
                "timestamp", Instant.ofEpochSecond(t + 20).toString(),
                "coords", Map.of("latitude", lat + 0.0001, "longitude", 106.7901, "speed", 12.5, "heading", 180, "accuracy", 5)));
        assertThat(ingest.post("/api/v1/osmand", json).status()).isEqualTo(200);

        passage(plate, Instant.ofEpochSecond(t + 30)); // the vehicle concerns the officer's enterprise
        JsonNode track = customs.get("/api/v1/vehicles/" + plate + "/track?from=" + Instant.ofEpochSecond(t - 1)
                + "&to=" + Instant.now()).json();
        assertThat(track).hasSize(3);
        assertThat(track.get(0).get("speedKmh").asDouble()).isCloseTo(18.52, org.assertj.core.data.Offset.offset(0.01));
        assertThat(track.get(0).get("zone").asString()).isEqualTo(origin);
        assertThat(track.get(1).has("zone") && !track.get(1).get("zone").isNull()).isFalse();
        assertThat(track.get(2).get("speedKmh").asDouble()).isCloseTo(45.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(track.get(2).get("zone").asString()).isEqualTo(destination);
    }

    @Test
    @DisplayName("R4.2 a vehicle's track is seen by the unit whose enterprise it concerns, around that; other units: 404; HQ: all")
    void tracksAreScoped() {
        String plate = plate();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(ingest.post("/api/v1/positions", List.of(
                Map.of("plate", plate, "lat", 10.81, "lon", 106.71, "time", now.minus(java.time.Duration.ofHours(20)).toString()),
                Map.of("plate", plate, "lat", 10.82, "lon", 106.72, "time", now.minusSeconds(600).toString()))).status()).isEqualTo(200);
        String path = "/api/v1/vehicles/" + plate + "/track?from=" + now.minus(java.time.Duration.ofDays(1)) + "&to=" + now;
        assertThat(customs.get(path).status()).as("a vehicle that never concerned the unit").isEqualTo(404);

        passage(plate, now.minusSeconds(300));
        JsonNode seen = customs.get(path).json();
        assertThat(seen).as("only the 12 hours around the passage").hasSize(1);
        assertThat(seen.get(0).get("lat").asDouble()).isEqualTo(10.82);
        Api otherUnit = new Api(port, null).signIn(fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null),
                Fixtures.PASSWORD);
        assertThat(otherUnit.get(path).status()).isEqualTo(404);
        Api analyst = new Api(port, null).signIn(fixtures.analyst(), Fixtures.PASSWORD);
        assertThat(analyst.get(path).json()).hasSize(2);
        assertThat(customs.get("/api/v1/vehicles/ABC/track").json().at("/errors/0/field").asString()).isEqualTo("plate");
    }

    @Test
    @DisplayName("R4.2 geofences are scoped like enterprises: another unit's enterprise's site is neither seen, replaced nor deleted")
    void geofencesAreScoped() {
        Api otherUnit = new Api(port, null).signIn(fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null),
                Fixtures.PASSWORD);
        assertThat(otherUnit.get("/api/v1/geofences/" + origin).status()).isEqualTo(404);
        assertThat(otherUnit.get("/api/v1/geofences").json().valueStream().map(g -> g.get("code").asString()))
                .doesNotContain(origin).contains(destination);
        assertThat(otherUnit.put("/api/v1/geofences/" + origin, Map.of("name", "Chiếm", "kind", "OTHER",
                "ring", square(lat, 106.780))).status()).isEqualTo(404);
        assertThat(otherUnit.delete("/api/v1/geofences/" + origin).status()).isEqualTo(404);
        assertThat(otherUnit.put("/api/v1/geofences/X-" + origin, Map.of("name", "Của người khác", "kind", "EPE_SITE",
                "enterpriseTaxCode", site.taxCode(), "ring", square(lat, 106.800))).json().at("/errors/0/field").asString())
                .isEqualTo("enterpriseTaxCode");
        Api epe = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, fixtures.site().taxCode()), Fixtures.PASSWORD);
        assertThat(epe.get("/api/v1/geofences").json().valueStream().map(g -> g.get("code").asString())).doesNotContain(origin);
        assertThat(customs.get("/api/v1/geofences/" + origin).json().get("name").asString()).as("untouched").startsWith("KCX Linh Trung");
    }

    private void passage(String plate, Instant at) {
        assertThat(ingest.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1",
                "direction", "OUT", "capturedAt", at.toString(), "plate", plate)).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("a bad position is refused naming the field; an unknown tracker is refused naming its id")
    void badPositionsAreNamed() {
        Api.Response bad = ingest.post("/api/v1/positions", List.of(
                Map.of("plate", plate(), "lat", 10.8, "lon", 106.7, "time", Instant.now().minusSeconds(5).toString()),
                Map.of("plate", "không phải", "lat", 200, "lon", 106.7, "time", "hôm nay")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("[1].plate", "[1].lat", "[1].time");
        Api.Response unknown = ingest.get("/api/v1/osmand?id=imei-000000&lat=10.8&lon=106.7");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("id");
    }

    /**
     * The same journey for two trucks: one's positions arrive in order, the other's shuffled within each minute, in
     * batches, with one in ten sent twice. Both must give the same alarms — a stop by the road, a silent tracker, a
     * late arrival — each once.
     */
    @Test
    @DisplayName("R4.5 10,000 positions out of order and repeated lose no alarm and create no duplicate")
    void outOfOrderAndRepeatedPositionsGiveTheSameAlarms() {
        Instant start = Instant.now().minus(170, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String inOrder = plate();
        String shuffled = plate();
        long tripA = startTrip(inOrder, start);
        long tripB = startTrip(shuffled, start);
        List<Map<String, Object>> journeyA = journey(inOrder, start);
        List<Map<String, Object>> journeyB = journey(shuffled, start);
        assertThat(journeyA.size() + journeyB.size()).isEqualTo(10_000);

        // a feed sends many vehicles per request, minute by minute; B's positions are shuffled within each minute and
        // one in ten is sent twice
        Random random = new Random(7);
        TreeMap<Long, List<Map<String, Object>>> byMinute = new TreeMap<>();
        journeyA.forEach(p -> minuteOf(byMinute, p).add(p));
        int duplicates = 0;
        for (Map<String, Object> p : journeyB) {
            minuteOf(byMinute, p).add(p);
            if (random.nextInt(10) == 0) {
                minuteOf(byMinute, p).add(p);
                duplicates++;
            }
        }
        List<Map<String, Object>> feed = new ArrayList<>();
        byMinute.values().forEach(minute -> {
            List<Map<String, Object>> a = minute.stream().filter(p -> p.get("plate").equals(inOrder)).toList();
            List<Map<String, Object>> b = new ArrayList<>(minute.stream().filter(p -> p.get("plate").equals(shuffled)).toList());
            Collections.shuffle(b, random);
            feed.addAll(a);
            feed.addAll(b);
        });
        int accepted = 0;
        int repeats = 0;
        for (int i = 0; i < feed.size(); i += 400) {
            JsonNode receipt = ingest.post("/api/v1/positions", feed.subList(i, Math.min(i + 400, feed.size()))).json();
            accepted += receipt.get("accepted").asInt();
            repeats += receipt.get("duplicates").asInt();
        }
        assertThat(accepted).isEqualTo(journeyA.size() + journeyB.size());
        assertThat(repeats).isEqualTo(duplicates);
        assertThat(jdbc.sql("select count(*) from vehicle_position where plate = ?").param(shuffled).query(Long.class).single())
                .isEqualTo(journeyB.size());

        // the journey is sent after it happened: while it comes in, the engine may warn that the truck has been silent
        // since the last position so far, and resolve that as the next ones arrive. What stays open is the same for
        // both trucks, each once
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            fixtures.awaitEventsHandled();
            assertThat(openAlarms(tripA)).containsExactlyInAnyOrder(
                    "TRAVEL_TIME_ANOMALY|trip:" + tripA,
                    "UNSCHEDULED_STOP|trip:" + tripA + "|stop:" + start.plus(30, ChronoUnit.MINUTES).toEpochMilli(),
                    "GPS_SILENCE|trip:" + tripA + "|from:" + start.plus(75, ChronoUnit.MINUTES).minusMillis(1500).toEpochMilli());
            assertThat(openAlarms(tripB)).containsExactlyInAnyOrderElementsOf(
                    openAlarms(tripA).stream().map(a -> a.replace("trip:" + tripA, "trip:" + tripB)).toList());
        });
        assertThat(customs.get("/api/v1/trips/" + tripB).json().get("stage").asString()).isEqualTo("ARRIVED");
    }

    @Test
    @DisplayName("R5.7 a trip is started only for an enterprise in the officer's scope; cancelling needs a reason, kept and audited")
    void tripScopeAndCancellation() {
        Fixtures.Site elsewhere = fixtures.site();
        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, elsewhere.subDepartment().id(), null),
                Fixtures.PASSWORD);
        String plate = plate();
        Api.Response refused = stranger.post("/api/v1/trips", Map.of("plate", plate, "enterpriseTaxCode", site.taxCode(),
                "origin", origin, "destination", destination));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("enterpriseTaxCode");

        long id = customs.post("/api/v1/trips", Map.of("plate", plate, "enterpriseTaxCode", site.taxCode(),
                "origin", origin, "destination", destination)).json().get("id").asLong();
        assertThat(stranger.post("/api/v1/trips/" + id + "/cancel", Map.of("reason", "x")).status()).isEqualTo(404);
        Api.Response noReason = customs.post("/api/v1/trips/" + id + "/cancel", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
        JsonNode cancelled = customs.post("/api/v1/trips/" + id + "/cancel",
                Map.of("reason", "Xe quay đầu do hỏng, thay xe khác")).json();
        assertThat(cancelled.get("stage").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("endReason").asString()).isEqualTo("Xe quay đầu do hỏng, thay xe khác");
        assertThat(customs.post("/api/v1/trips/" + id + "/cancel", Map.of("reason", "lần nữa")).json()
                .at("/errors/0/field").asString()).isEqualTo("id");
        assertThat(jdbc.sql("select count(*) from audit_record where target = ?").param("trip:" + id).query(Long.class).single())
                .isEqualTo(2L);
        assertThat(customs.get("/api/v1/trips?enterpriseTaxCode=" + site.taxCode() + "&stage=CANCELLED").json()
                .valueStream().map(t -> t.get("id").asLong()).toList()).contains(id);
        assertThat(stranger.get("/api/v1/trips?enterpriseTaxCode=" + site.taxCode()).json()).isEmpty();
    }

    private static List<Map<String, Object>> minuteOf(TreeMap<Long, List<Map<String, Object>>> byMinute, Map<String, Object> p) {
        return byMinute.computeIfAbsent(Instant.parse((String) p.get("time")).getEpochSecond() / 60, k -> new ArrayList<>());
    }

    private long startTrip(String plate, Instant start) {
        Api.Response trip = ingest.post("/api/v1/trips", Map.of("plate", plate, "enterpriseTaxCode", site.taxCode(),
                "origin", origin, "destination", destination, "startedAt", start.toString()));
        assertThat(trip.status()).isEqualTo(201);
        return trip.json().get("id").asLong();
    }

    /** The keys of a trip's open warnings. */
    private List<String> openAlarms(long trip) {
        return jdbc.sql("select key from warning where (key like ? or key = ?) and status = 'OPEN' order by key")
                .params("%|trip:" + trip + "|%", "TRAVEL_TIME_ANOMALY|trip:" + trip).query(String.class).list();
    }

    /**
     * 5,000 positions, one every 1.5 s: 30 min driving, 40 min standing by the road, 5 min driving, 40 min silent,
     * then driving into the port at 160 min — long after the half hour the 1 km trip is allowed.
     */
    private List<Map<String, Object>> journey(String plate, Instant start) {
        List<Map<String, Object>> positions = new ArrayList<>();
        for (long ms = 0; positions.size() < 5_000; ms += 1_500) {
            double minute = ms / 60_000.0;
            if (minute >= 75 && minute < 115) {
                continue; // silent
            }
            boolean standing = minute >= 30 && minute < 70;
            double north = lat + 0.004 + (standing ? 0 : minute / 10_000);
            double lon = minute >= 160 ? 106.790 : 106.785;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("plate", plate);
            p.put("lat", minute >= 160 ? lat : north);
            p.put("lon", lon);
            p.put("speed", standing ? 0 : 35);
            p.put("heading", 90);
            p.put("time", start.plusMillis(ms).toString());
            p.put("source", "MOT");
            positions.add(p);
        }
        return positions;
    }
}
