package io.epewatch.camera.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest authentication (RFC 7616) as IP cameras speak it: MD5 or SHA-256, {@code qop=auth} or none. Parses the
 * camera's {@code WWW-Authenticate} challenge and answers it for one request. Snapshots and ONVIF SOAP calls use it.
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithm, boolean qopAuth) {

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    public static DigestChallenge parse(String header) {
        Map<String, String> parameters = new HashMap<>();
        Matcher m = PARAMETER.matcher(header.substring(header.indexOf(' ') + 1));
        while (m.find()) {
            parameters.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (!parameters.containsKey("nonce") || !parameters.containsKey("realm")) {
            throw new IllegalArgumentException("digest challenge without realm or nonce");
        }
        String qop = parameters.getOrDefault("qop", "");
        return new DigestChallenge(parameters.get("realm"), parameters.get("nonce"), parameters.get("opaque"),
                parameters.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT),
                java.util.Arrays.stream(qop.split(",")).map(String::strip).anyMatch("auth"::equals));
    }

    /** The {@code Authorization} header for one request; {@code cnonce} is the client's random nonce. */
    public String answer(String username, String password, String method, String uri, String cnonce) {
        String ha1 = hash(username + ":" + realm + ":" + password);
        String ha2 = hash(method + ":" + uri);
        String nc = "00000001";
        String response = qopAuth ? hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2) : hash(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", algorithm=").append(algorithm)
                .append(", response=\"").append(response).append('"');
        if (qopAuth) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (opaque != null) {
            header.append(", opaque=\"").append(opaque).append('"');
        }
        return header.toString();
    }

    private String hash(String value) {
        try {
            String name = algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DigestChallenge[" + realm + ", " + algorithm + "]";
    }
}
