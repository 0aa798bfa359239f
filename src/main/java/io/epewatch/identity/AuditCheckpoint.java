package io.epewatch.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed statement of where the audit trail stood: how many records it held, the last one's id and hash, and when.
 * Checkpoints are kept outside the database ({@code audit-checkpoints.log}), each linked to the one before by the hash
 * of its line and signed with the installation key, so whoever rewrites the table — deletes its newest records,
 * truncates it, re-hashes it from a point or rebuilds it whole — cannot make it agree with them.
 *
 * @param count        records in the trail up to and including {@code lastId}
 * @param previousLine SHA-256 of the previous checkpoint's line ({@code 0…0} for the first)
 * @param keyFingerprint the installation key that signed it
 * @param signature    Ed25519 over {@link #signedText()}, base64
 */
record AuditCheckpoint(long count, long lastId, String lastHash, Instant at, String previousLine,
                              String keyFingerprint, String signature) {

    static final String NONE = "0".repeat(64);

    /** What the signature covers: every field but itself. */
    String signedText() {
        return String.join("\u001f", Long.toString(count), Long.toString(lastId), lastHash, at.toString(), previousLine,
                keyFingerprint);
    }

    AuditCheckpoint signedBy(InstallationKey key) {
        String signed = Base64.getEncoder().encodeToString(key.sign(
                new AuditCheckpoint(count, lastId, lastHash, at, previousLine, key.fingerprint(), null)
                        .signedText().getBytes(StandardCharsets.UTF_8)));
        return new AuditCheckpoint(count, lastId, lastHash, at, previousLine, key.fingerprint(), signed);
    }

    boolean signatureHolds(InstallationKey key) {
        try {
            return key.fingerprint().equals(keyFingerprint) && signature != null
                    && key.verify(signedText().getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One line of JSON, as written to the file and printed by {@code audit-anchor}. */
    String line(JsonMapper json) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("count", count);
        fields.put("lastId", lastId);
        fields.put("lastHash", lastHash);
        fields.put("at", at.toString());
        fields.put("previousLine", previousLine);
        fields.put("key", keyFingerprint);
        fields.put("signature", signature);
        return json.writeValueAsString(fields);
    }

    /** Reads a line; refuses anything that is not a complete checkpoint. */
    static AuditCheckpoint parse(String line, JsonMapper json) {
        JsonNode node = json.readTree(line);
        for (String field : new String[] {"count", "lastId", "lastHash", "at", "previousLine", "key", "signature"}) {
            if (!node.hasNonNull(field)) {
                throw new IllegalArgumentException("no " + field);
            }
        }
        return new AuditCheckpoint(node.get("count").asLong(), node.get("lastId").asLong(), node.get("lastHash").asString(),
                Instant.parse(node.get("at").asString()), node.get("previousLine").asString(), node.get("key").asString(),
                node.get("signature").asString());
    }
}
