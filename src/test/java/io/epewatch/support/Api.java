package io.epewatch.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the running application, as an integration would call it. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new java.net.CookieManager()).build();
    private final String base;
    private final String token;
    private String csrf;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public Api(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Signs in through the login form as a person; later calls carry the session cookie and the CSRF token. */
    public Api signIn(String username, String password) {
        return signIn(username, password, null);
    }

    /** Signs in, entering a TOTP code from {@code totpSecret} when the sign-in asks for one. */
    public Api signIn(String username, String password, String totpSecret) {
        Response login = form("/login", "username=" + encode(username) + "&password=" + encode(password), csrfFrom(get("/login").body()));
        String next = login.headers().firstValue("Location").orElse("");
        if (next.endsWith("/account/mfa/verify") && totpSecret != null) {
            form("/account/mfa/verify", "code=" + TotpCodes.now(totpSecret), csrfFrom(get("/account/mfa/verify").body()));
        }
        Response landing = get(next.isEmpty() || next.endsWith("/") ? "/" : next.replaceAll("^https?://[^/]+", ""));
        if (landing.status() == 302) { // a broker's home is its declarations
            landing = get(landing.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", ""));
        }
        csrf = csrfFrom(landing.body());
        return this;
    }

    /** One attempt at the login form; where it sends the browser ({@code /login?locked=…} when throttled). */
    public String signInAttempt(String username, String password) {
        Response login = form("/login", "username=" + encode(username) + "&password=" + encode(password), csrfFrom(get("/login").body()));
        return login.headers().firstValue("Location").orElse("");
    }

    /** Posts an HTML form with its CSRF token, as the browser does. */
    public Response form(String path, String fields, String token) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + encode(token))));
    }

    public Response form(String path, String fields) {
        return form(path, fields, csrf);
    }

    public static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** A binary download (an export package). */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a server-sent event stream: each event's data arrives in the queue as the server sends it, read on a
     * thread of its own until the server or the test ends the connection.
     */
    public java.util.concurrent.BlockingQueue<String> stream(String path) {
        java.util.concurrent.BlockingQueue<String> data = new java.util.concurrent.LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> response;
        try {
            response = http.send(request(path).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        Thread.ofVirtual().start(() -> {
            try (var lines = response.body()) {
                lines.filter(line -> line.startsWith("data:")).forEach(line -> data.add(line.substring(5).strip()));
            } catch (RuntimeException closed) {
                // the connection ended
            }
        });
        return data;
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Sends this header with every later request (a forwarded address, say). */
    public Api withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Forgets the CSRF token, as a forged cross-site request would lack it. */
    public Api withoutCsrf() {
        csrf = null;
        return this;
    }

    public static String csrfFrom(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return postRaw(path, body instanceof String text ? text : JSON.writeValueAsString(body), null);
    }

    public Response postRaw(String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public Response postBytes(String path, byte[] body) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A body of any type: XML from a camera, multipart. */
    public Response postTyped(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** One part of a multipart form: a field ({@code fileName} null) or a file. */
    public record Part(String name, String fileName, String contentType, byte[] content) {

        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A multipart/form-data body, as a browser's file form sends it. */
    public Response postMultipart(String path, Part... parts) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String boundary = "----epewatch" + System.nanoTime();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"");
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append("\"\r\nContent-Type: ").append(part.contentType());
            }
            body.writeBytes(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postTyped(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public Response postWithKey(String path, Object body, String idempotencyKey) {
        return postRaw(path, JSON.writeValueAsString(body), idempotencyKey);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (csrf != null) {
            builder.header("X-CSRF-TOKEN", csrf);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body;
            try (java.io.InputStream in = response.body()) {
                // an event stream never ends: its status and type are the answer
                body = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Response(response.statusCode(), type, body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
