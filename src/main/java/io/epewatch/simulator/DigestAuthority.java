package io.epewatch.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks HTTP/RTSP Digest (RFC 7616/2617, MD5, with or without qop=auth) and Basic credentials against one account. */
final class DigestAuthority {

    static final String REALM = "IP Camera";
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    private final String username;
    private final String password;

    DigestAuthority(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** A fresh server nonce for a Digest challenge. */
    static String newNonce() {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong()).array());
    }

    boolean open() {
        return username == null;
    }

    String challenge(String nonce, boolean qop) {
        return "Digest realm=\"" + REALM + "\", " + (qop ? "qop=\"auth\", " : "") + "nonce=\"" + nonce + "\", opaque=\"0pq\", algorithm=MD5";
    }

    boolean valid(String header, String method, String nonce) {
        if (open()) {
            return true;
        }
        if (header == null || !header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAMETER.matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (!username.equals(p.get("username")) || !nonce.equals(p.get("nonce")) || p.get("uri") == null) {
            return false;
        }
        String ha1 = md5(username + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + p.get("uri"));
        String expected = p.get("qop") == null
                ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2);
        return expected.equals(p.get("response"));
    }

    boolean validBasic(String header) {
        return open() || header != null && header.equals("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** WS-UsernameToken PasswordDigest: Base64(SHA-1(nonce + created + password)). */
    boolean validUsernameToken(String user, String digest, String nonce, String created) {
        if (open()) {
            return true;
        }
        if (user == null || digest == null || nonce == null || created == null || !user.equals(username)) {
            return false;
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(Base64.getDecoder().decode(nonce));
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest()).equals(digest);
        } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String md5(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
