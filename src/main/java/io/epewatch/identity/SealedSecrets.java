package io.epewatch.identity;

/** A store of values sealed by the {@link Vault}; after a key rotation each re-seals its values with the active key. */
public interface SealedSecrets {

    /** Re-seals every value not sealed with the active key; returns how many it re-sealed. */
    int reseal();
}
