package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R3.1: secrets sealed with AES-256-GCM, bound to their owner, with keys from configuration, a keystore or the key file. */
class VaultTest {

    @TempDir
    Path dir;

    @Test
    void theKeyFileIsCreatedPrivateAndSealedValuesOpenOnlyForTheirOwner() throws Exception {
        Vault vault = new Vault(new VaultProperties(Map.of(), null, null, null, null), new io.epewatch.kernel.DataDir(dir), java.time.Clock.systemUTC());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vault.keys")))).isEqualTo("rw-------");
        Vault.Sealed sealed = vault.seal("Mật khẩu ca-mê-ra 1", "camera:1");
        assertThat(sealed.ciphertext()).doesNotContain("camera");
        assertThat(vault.open(sealed, "camera:1")).isEqualTo("Mật khẩu ca-mê-ra 1");
        assertThatThrownBy(() -> vault.open(sealed, "camera:2")).hasMessageContaining("integrity");
        assertThat(vault.seal("same", "camera:1").ciphertext()).as("a fresh nonce each time").isNotEqualTo(vault.seal("same", "camera:1").ciphertext());
        assertThat(new Vault(new VaultProperties(Map.of(), null, null, null, null), new io.epewatch.kernel.DataDir(dir), java.time.Clock.systemUTC()).open(sealed, "camera:1"))
                .as("a restart reads the same key file").isEqualTo("Mật khẩu ca-mê-ra 1");
    }

    @Test
    void keysFromAPkcs12Keystore() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "keystore-pass".toCharArray();
        store.setEntry("hq-2026", new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        Path file = dir.resolve("vault.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        Vault vault = new Vault(new VaultProperties(Map.of(), file, "keystore-pass", "hq-2026", null), new io.epewatch.kernel.DataDir(dir), java.time.Clock.systemUTC());
        assertThat(vault.activeKeyId()).isEqualTo("hq-2026");
        assertThat(vault.keyFileMode()).isFalse();
        assertThat(vault.open(vault.seal("secret", "totp:head"), "totp:head")).isEqualTo("secret");
        assertThat(Files.exists(dir.resolve("vault.keys"))).isFalse();
        assertThatThrownBy(() -> new Vault(new VaultProperties(Map.of(), file, "wrong", "hq-2026", null), new io.epewatch.kernel.DataDir(dir), java.time.Clock.systemUTC()))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void keysFromConfigurationMustBe256Bits() {
        String good = Base64.getEncoder().encodeToString(new byte[32]);
        Vault vault = assertVault(Map.of("k7", good), "k7");
        assertThat(vault.activeKeyId()).isEqualTo("k7");
        assertThatThrownBy(() -> new Vault(new VaultProperties(Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])),
                null, null, "k1", null), new io.epewatch.kernel.DataDir(dir), java.time.Clock.systemUTC())).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new Vault(new VaultProperties(Map.of("k1", good), null, null, "k9", null), new io.epewatch.kernel.DataDir(dir), java.time.Clock.systemUTC()))
                .hasMessageContaining("not among the configured keys");
    }

    private Vault assertVault(Map<String, String> keys, String active) {
        try {
            return new Vault(new VaultProperties(keys, null, null, active, null), new io.epewatch.kernel.DataDir(dir), java.time.Clock.systemUTC());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
