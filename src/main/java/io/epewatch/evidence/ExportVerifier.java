package io.epewatch.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.epewatch.kernel.Sha256;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an export package without the server ({@code java -jar epewatch.jar verify-export FILE}): the manifest's
 * Ed25519 signature, and every file's SHA-256 against the manifest; names each file that does not match.
 */
public final class ExportVerifier {

    /** @param signingKeyFingerprint compare it with the installation's ({@code signing.pub}) to know who signed */
    public record Result(boolean valid, List<String> problems, int files, String signingKeyFingerprint) {
    }

    private ExportVerifier() {
    }

    public static Result verify(Path zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        List<String> problems = new ArrayList<>();
        byte[] manifestBytes = entries.remove("manifest.json");
        byte[] signature = entries.remove("manifest.sig");
        if (manifestBytes == null || signature == null) {
            return new Result(false, List.of("manifest.json or manifest.sig is missing"), 0, null);
        }
        JsonNode manifest = JsonMapper.builder().build().readTree(manifestBytes);
        String fingerprint = null;
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(manifest.get("signingKey").asString())));
            fingerprint = Sha256.hex(key.getEncoded()).substring(0, 32);
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key);
            check.update(manifestBytes);
            if (!check.verify(Base64.getDecoder().decode(new String(signature, StandardCharsets.US_ASCII).strip()))) {
                problems.add("manifest.json: the signature does not match (the manifest was changed)");
            }
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            problems.add("manifest.json: the signature cannot be checked (" + e.getMessage() + ")");
        }
        int files = 0;
        for (JsonNode file : manifest.get("files")) {
            files++;
            String name = file.get("name").asString();
            byte[] content = entries.remove(name);
            if (content == null) {
                problems.add(name + ": missing from the package");
            } else if (!Sha256.hex(content).equals(file.get("sha256").asString())) {
                problems.add(name + ": SHA-256 does not match the manifest (the file was changed)");
            }
        }
        entries.keySet().forEach(extra -> problems.add(extra + ": not listed in the manifest"));
        return new Result(problems.isEmpty(), problems, files, fingerprint);
    }

}
