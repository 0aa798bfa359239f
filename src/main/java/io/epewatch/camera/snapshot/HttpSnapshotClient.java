package io.epewatch.camera.snapshot;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Fetches a JPEG snapshot over HTTP with the camera's Basic or Digest authentication (R2.2: customs uses the accounts
 * the EPE hands over). Every call has a connect and a total timeout, so a hung camera costs one bounded wait and never
 * blocks the others; redirects are not followed (a camera has no business sending us elsewhere).
 */
public class HttpSnapshotClient {

    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public HttpSnapshotClient(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    public Snapshot fetch(URI url, String username, String password) throws SnapshotFailure {
        Instant started = clock.instant();
        HttpResponse<byte[]> response = send(url, Optional.empty());
        if (response.statusCode() == 401 && username != null) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            response = send(url, Optional.of(authorization(challenge, url, username, password)));
            if (response.statusCode() == 401) {
                throw new SnapshotFailure(SnapshotFailure.Kind.UNAUTHORIZED, "the camera refused the account (HTTP 401)");
            }
        }
        if (response.statusCode() == 401) {
            throw new SnapshotFailure(SnapshotFailure.Kind.UNAUTHORIZED, "the camera asks for an account and none is stored");
        }
        if (response.statusCode() != 200) {
            throw new SnapshotFailure(SnapshotFailure.Kind.HTTP_ERROR, "the camera answered HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (body.length < 4 || (body[0] & 0xFF) != 0xFF || (body[1] & 0xFF) != 0xD8) {
            throw new SnapshotFailure(SnapshotFailure.Kind.NOT_AN_IMAGE, "the answer is not a JPEG image");
        }
        Instant done = clock.instant();
        return new Snapshot(body, done, Duration.between(started, done));
    }

    private HttpResponse<byte[]> send(URI url, Optional<String> authorization) throws SnapshotFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.body().length > MAX_BYTES) {
                throw new SnapshotFailure(SnapshotFailure.Kind.NOT_AN_IMAGE, "the answer is larger than " + MAX_BYTES + " bytes");
            }
            return response;
        } catch (HttpTimeoutException e) {
            throw new SnapshotFailure(SnapshotFailure.Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new SnapshotFailure(SnapshotFailure.Kind.UNREACHABLE, "connection refused or host unreachable");
        } catch (IOException e) {
            throw new SnapshotFailure(SnapshotFailure.Kind.UNREACHABLE, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotFailure(SnapshotFailure.Kind.TIMEOUT, "interrupted");
        }
    }

    private static String authorization(String challenge, URI url, String username, String password) throws SnapshotFailure {
        if (challenge.regionMatches(true, 0, "Digest", 0, 6)) {
            byte[] cnonce = new byte[8];
            RANDOM.nextBytes(cnonce);
            String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            try {
                return DigestChallenge.parse(challenge).answer(username, password, "GET", path, HexFormat.of().formatHex(cnonce));
            } catch (IllegalArgumentException e) {
                throw new SnapshotFailure(SnapshotFailure.Kind.UNAUTHORIZED, "the camera's digest challenge is unreadable");
            }
        }
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        throw new SnapshotFailure(SnapshotFailure.Kind.UNAUTHORIZED, "the camera asks for an unsupported authentication scheme");
    }
}
