package io.epewatch.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A camera's HTTP side on 127.0.0.1: {@code /snapshot.jpg} answers a generated JPEG (a truck's plate drawn on it) behind
 * Digest (MD5, qop=auth) or Basic authentication, checked for real. Switches make it slow or send garbage.
 */
public final class SimulatedHttpCamera implements AutoCloseable {

    public enum Auth { DIGEST, BASIC, NONE }

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    private final HttpServer server;
    private final String username;
    private final String password;
    private final Auth auth;
    private volatile long delayMillis;
    private volatile boolean garbage;

    public SimulatedHttpCamera(Auth auth, String username, String password) throws IOException {
        this.auth = auth;
        this.username = username;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/snapshot.jpg", this::snapshot);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public URI snapshotUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/snapshot.jpg?channel=1");
    }

    public void slow(long millis) {
        delayMillis = millis;
    }

    public void sendGarbage(boolean on) {
        garbage = on;
    }

    private void snapshot(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (!authorized(exchange)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", auth == Auth.DIGEST
                        ? "Digest realm=\"IP Camera\", qop=\"auth\", nonce=\"4e6f6e6365\", opaque=\"0pq\", algorithm=MD5"
                        : "Basic realm=\"IP Camera\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = garbage ? "<html>login</html>".getBytes(StandardCharsets.UTF_8) : frame();
            exchange.getResponseHeaders().add("Content-Type", garbage ? "text/html" : "image/jpeg");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return switch (auth) {
            case NONE -> true;
            case BASIC -> header != null && header.equals("Basic " + java.util.Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
            case DIGEST -> header != null && header.startsWith("Digest ") && digestValid(header, exchange.getRequestURI().toString());
        };
    }

    private boolean digestValid(String header, String requestUri) {
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAMETER.matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (!username.equals(p.get("username")) || !requestUri.equals(p.get("uri")) || !"0pq".equals(p.get("opaque"))) {
            return false;
        }
        String ha1 = md5(username + ":IP Camera:" + password);
        String ha2 = md5("GET:" + requestUri);
        return md5(ha1 + ":4e6f6e6365:" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2).equals(p.get("response"));
    }

    private static byte[] frame() throws IOException {
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 60, 80));
        g.fillRect(0, 0, 320, 180);
        g.setColor(Color.WHITE);
        g.fillRect(100, 110, 130, 34);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("51C-123.45", 106, 134);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static String md5(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
