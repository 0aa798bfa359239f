package io.epewatch.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.epewatch.kernel.DataDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM encryption of secrets at rest (R2.2, R3.1): camera passwords, TOTP secrets. Keys have ids; a sealed
 * value names the key that sealed it, so keys can be rotated ({@code rotate-vault-key}). Keys come from
 * {@code epewatch.vault.keys.<id>} (environment {@code EPEWATCH_VAULT_KEYS_<ID>}) with {@code epewatch.vault.active-key},
 * or else from the key file {@code ${epewatch.data-dir}/vault.keys}, created on first start. Never logs a key or a secret.
 */
@Component
public class Vault {

    private static final Logger log = LoggerFactory.getLogger(Vault.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final Path keyFile;
    private final Clock clock;
    private final boolean keyFileMode;
    private String activeKey;

    Vault(VaultProperties properties, DataDir dataDir, Clock clock) throws IOException {
        this.clock = clock;
        this.keyFile = properties.keyFile() != null ? properties.keyFile() : dataDir.resolve("vault.keys");
        this.keyFileMode = properties.keys().isEmpty() && properties.keystore() == null;
        if (!properties.keys().isEmpty()) {
            properties.keys().forEach((id, key) -> keys.put(id, key(id, key)));
            activeKey = properties.activeKey() != null ? properties.activeKey() : keys.keySet().iterator().next();
        } else if (properties.keystore() != null) {
            loadKeystore(properties.keystore(), properties.keystorePassword());
            activeKey = properties.activeKey();
        } else {
            loadOrCreateKeyFile();
        }
        if (!keys.containsKey(activeKey)) {
            throw new IllegalStateException("epewatch.vault.active-key '" + activeKey + "' is not among the configured keys " + keys.keySet());
        }
    }

    /** Seals a secret with the active key; {@code context} binds it to its owner (a camera, a user). */
    public Sealed seal(String secret, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new Sealed(activeKey, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(Sealed sealed, String context) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("vault key '" + sealed.keyId() + "' is not configured; it is needed to open this secret");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret failed its integrity check (wrong key or tampered)", e);
        }
    }

    public String activeKeyId() {
        return activeKey;
    }

    /** Adds a fresh key to the key file and makes it active (key-file mode only); returns its id. */
    public String addKeyToFile() throws IOException {
        String id = "k" + (keys.size() + 1) + "-" + clock.instant().getEpochSecond();
        keys.put(id, new SecretKeySpec(randomKey(), "AES"));
        activeKey = id;
        writeKeyFile();
        return id;
    }

    /** Whether keys come from the key file (not from configuration), so that rotation can add one there. */
    public boolean keyFileMode() {
        return keyFileMode;
    }

    /** A value sealed by the vault: which key, and the nonce plus ciphertext in Base64. */
    public record Sealed(String keyId, String ciphertext) {
        @Override
        public String toString() {
            return "Sealed[" + keyId + "]";
        }
    }

    private void loadKeystore(Path keystore, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, secret) instanceof javax.crypto.SecretKey key) {
                    keys.put(alias, key(alias, Base64.getEncoder().encodeToString(key.getEncoded())));
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            // a wrong password surfaces as an IOException from KeyStore.load
            throw new IllegalStateException("the vault keystore " + keystore + " cannot be read: " + e.getMessage());
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("the vault keystore " + keystore + " holds no secret keys");
        }
    }

    private void loadOrCreateKeyFile() throws IOException {
        if (!Files.exists(keyFile)) {
            keys.put("k1", new SecretKeySpec(randomKey(), "AES"));
            activeKey = "k1";
            writeKeyFile();
            log.warn("No vault key configured: created {} — keep it with the database backups and out of the repository; "
                    + "set epewatch.vault.keys.* to use keys from your secret store instead", keyFile);
            return;
        }
        Properties file = new Properties();
        try (InputStream in = Files.newInputStream(keyFile)) {
            file.load(in);
        }
        for (String id : file.stringPropertyNames()) {
            if (!id.equals("active")) {
                keys.put(id, key(id, file.getProperty(id)));
            }
        }
        activeKey = file.getProperty("active");
    }

    private void writeKeyFile() throws IOException {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Properties file = new Properties();
        keys.forEach((id, key) -> file.setProperty(id, Base64.getEncoder().encodeToString(key.getEncoded())));
        file.setProperty("active", activeKey);
        Path temporary = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            file.store(out, "EPE Watch vault keys (AES-256). Secret: back it up with the database, never commit it.");
        }
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.move(temporary, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static SecretKeySpec key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("vault key '" + id + "' is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("vault key '" + id + "' must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
