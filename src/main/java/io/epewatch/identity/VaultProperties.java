package io.epewatch.identity;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the vault's keys come from, in this order: {@code keys} from configuration, a PKCS#12 {@code keystore}, or else
 * the key file.
 *
 * @param keys             AES-256 keys by id, Base64 ({@code EPEWATCH_VAULT_KEYS_K2=…})
 * @param keystore         a PKCS#12 keystore whose secret-key entries are the keys, by alias
 *                         ({@code keytool -genseckey -keyalg AES -keysize 256 -storetype PKCS12 -alias k1 …})
 * @param keystorePassword its password ({@code EPEWATCH_VAULT_KEYSTORE_PASSWORD}); never logged
 * @param activeKey        the id (alias) new secrets are sealed with
 * @param keyFile          where the key file lives (default {@code ${epewatch.data-dir}/vault.keys})
 */
@ConfigurationProperties("epewatch.vault")
public record VaultProperties(@DefaultValue Map<String, String> keys, Path keystore, String keystorePassword,
                              String activeKey, Path keyFile) {

    @Override
    public String toString() {
        return "VaultProperties[keys=" + keys.keySet() + ", keystore=" + keystore + ", activeKey=" + activeKey + "]";
    }
}
