package io.epewatch.identity;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keys      AES-256 keys by id, Base64 ({@code EPEWATCH_VAULT_KEYS_K2=…}); when empty the key file is used
 * @param activeKey the id new secrets are sealed with
 * @param keyFile   where the key file lives (default {@code ${epewatch.data-dir}/vault.keys})
 */
@ConfigurationProperties("epewatch.vault")
public record VaultProperties(@DefaultValue Map<String, String> keys, String activeKey, Path keyFile) {
}
