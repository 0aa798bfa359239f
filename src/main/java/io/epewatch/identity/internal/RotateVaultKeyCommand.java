package io.epewatch.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.SealedSecrets;
import io.epewatch.identity.Vault;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar epewatch.jar rotate-vault-key}: re-seals every secret (camera credentials, TOTP secrets) with the
 * active key. In key-file mode it first adds a fresh key and makes it active; with keys from configuration, add the new
 * key and set {@code epewatch.vault.active-key} before running it. Old keys can be removed once it reports success.
 */
@Component
@ConditionalOnProperty(name = "epewatch.command", havingValue = "rotate-vault-key")
class RotateVaultKeyCommand implements ApplicationRunner {

    private final Vault vault;
    private final List<SealedSecrets> stores;
    private final AuditTrail audit;

    RotateVaultKeyCommand(Vault vault, List<SealedSecrets> stores, AuditTrail audit) {
        this.vault = vault;
        this.stores = stores;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (vault.keyFileMode()) {
            System.out.println("Added vault key " + vault.addKeyToFile() + " and made it active.");
        }
        int resealed = 0;
        for (SealedSecrets store : stores) {
            resealed += store.reseal();
        }
        audit.recordAlone("command:rotate-vault-key", AuditTrail.Actions.CONFIGURATION_CHANGED, null, "vault",
                Map.of("activeKey", vault.activeKeyId(), "resealed", resealed));
        System.out.println("Re-sealed " + resealed + " secrets with key " + vault.activeKeyId() + ".");
    }
}
