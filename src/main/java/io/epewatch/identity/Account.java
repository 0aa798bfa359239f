package io.epewatch.identity;

import java.util.Set;

/** A person's account as administrators see it; no password material. */
public record Account(String username, String displayName, Long unitId, String enterpriseTaxCode, Set<Role> roles,
                      boolean enabled, boolean mustChangePassword, boolean mfaEnabled) {
}
