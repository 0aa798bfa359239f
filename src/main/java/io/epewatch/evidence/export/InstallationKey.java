package io.epewatch.evidence.export;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's Ed25519 signing key for export packages, kept in {@code ${epewatch.data-dir}/signing.key} (created
 * at first use, mode 600). Its fingerprint identifies the installation that signed a package.
 */
@Component
class InstallationKey implements io.epewatch.evidence.EvidenceExports.PackageSigner {

    private final KeyPair keys;

    InstallationKey(@Value("${epewatch.data-dir:./data}") Path dataDir) throws IOException, GeneralSecurityException {
        Path privateFile = dataDir.resolve("signing.key");
        Path publicFile = dataDir.resolve("signing.pub");
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            keys = new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile))));
        } else {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(dataDir);
            Files.write(privateFile, keys.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.write(publicFile, keys.getPublic().getEncoded());
        }
    }

    @Override
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

    @Override
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    @Override
    public String fingerprint() {
        return fingerprint(keys.getPublic());
    }

    static String fingerprint(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, 32);
    }
}
