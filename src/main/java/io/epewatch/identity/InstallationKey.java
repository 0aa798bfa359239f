package io.epewatch.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import io.epewatch.kernel.Sha256;
import io.epewatch.kernel.DataDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's Ed25519 key, kept in {@code ${epewatch.data-dir}/signing.key} (created at first use, mode 600)
 * with its public half in {@code signing.pub}. It signs evidence export packages and the audit trail's checkpoints;
 * its fingerprint names the installation that signed. Instances of one installation (issue 22) share one key: point
 * {@code epewatch.signing-key-dir} at the same files (a mounted secret).
 */
@Component
public class InstallationKey {

    private final KeyPair keys;

    InstallationKey(DataDir dataDir, @Value("${epewatch.signing-key-dir:}") String keyDir)
            throws IOException, GeneralSecurityException {
        Path directory = keyDir.isBlank() ? dataDir.root() : Path.of(keyDir);
        Path privateFile = directory.resolve("signing.key");
        Path publicFile = directory.resolve("signing.pub");
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            keys = new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile))));
        } else {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(directory);
            Files.write(privateFile, keys.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.write(publicFile, keys.getPublic().getEncoded());
        }
    }

    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Whether {@code signature} over {@code data} was made by this installation's key. */
    public boolean verify(byte[] data, byte[] signature) {
        try {
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(keys.getPublic());
            check.update(data);
            return check.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String fingerprint() {
        return fingerprint(keys.getPublic());
    }

    static String fingerprint(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, 32);
    }
}
