package io.epewatch.continuity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.epewatch.clearance.DossierJournal;
import io.epewatch.intake.PairSettings;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The primary's calls to its backup, each with the pair's secret and a short timeout: a silent backup is an answer too.
 * One client for the lease keeper and the reconciliation report; used only on a primary that has a backup.
 */
@org.springframework.stereotype.Component
class PairChannel {

    static final String SECRET_HEADER = "X-Pair-Secret";
    static final String GZIP = "application/gzip";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(800)).build();
    private final URI base;
    private final String secret;
    private final JsonMapper json;
    private final Duration timeout;

    PairChannel(PairSettings settings, JsonMapper json) {
        this.base = settings.peer();
        this.secret = settings.secret();
        this.json = json;
        this.timeout = settings.lease().dividedBy(2);
    }

    Grant lease(long epoch) throws IOException, InterruptedException {
        return json.readValue(post("/api/v1/pair/lease", Map.of("epoch", epoch)), Grant.class);
    }

    /** Asks the backup to stop taking declarations; answers once every declaration it admitted has committed. */
    Grant handBack() throws IOException, InterruptedException {
        return json.readValue(post("/api/v1/pair/hand-back", Map.of()), Grant.class);
    }

    List<DossierJournal.Entry> journal(long after, int limit) throws IOException, InterruptedException {
        return get("/api/v1/pair/journal?after=" + after + "&limit=" + limit, new TypeReference<>() { });
    }

    List<DossierJournal.Picture> latest() throws IOException, InterruptedException {
        return get("/api/v1/pair/journal/latest", new TypeReference<>() { });
    }

    /** The outage notices customs IT published on the backup (R5.9). */
    List<OutageNotices.OutageNotice> notices() throws IOException, InterruptedException {
        return get("/api/v1/pair/notices", new TypeReference<>() { });
    }

    /** Tells the backup the journal is applied up to {@code applied}; a grant when that is all of it. */
    Grant handedBack(long applied) throws IOException, InterruptedException {
        return json.readValue(post("/api/v1/pair/handed-back", Map.of("applied", applied)), Grant.class);
    }

    /** Sends the primary's directory (R6.3), gzip-compressed: tens of thousands of accounts are megabytes of JSON. */
    Directory.Applied directory(Directory snapshot) throws IOException, InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            json.writeValue(gzip, snapshot);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/pair/directory")).timeout(Duration.ofSeconds(60))
                .header(SECRET_HEADER, secret).header("Content-Type", GZIP)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build();
        return json.readValue(send(request), Directory.Applied.class);
    }

    /** A read from the backup: a journal page may carry documents, so it waits longer than a lease call. */
    private <T> T get(String path, TypeReference<T> type) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header(SECRET_HEADER, secret).GET().build();
        return json.readValue(send(request), type);
    }

    private String post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(path.endsWith("hand-back") ? Duration.ofSeconds(30) : timeout)
                .header(SECRET_HEADER, secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return send(request);
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the backup answered " + request.uri().getPath() + " with " + response.statusCode());
        }
        return response.body();
    }
}
