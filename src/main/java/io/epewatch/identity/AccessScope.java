package io.epewatch.identity;

import java.util.Set;

/**
 * Which enterprises a caller may see. Modules apply it in their queries, never only in the UI:
 * {@code everything} (system admins, integration tokens), the enterprises managed by a set of units
 * (officers, heads and unit admins: their unit and the units below it), or one enterprise (EPE users).
 */
public record AccessScope(boolean everything, Set<Long> unitIds, String enterpriseTaxCode) {

    public AccessScope {
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
    }

    public static AccessScope all() {
        return new AccessScope(true, Set.of(), null);
    }

    public static AccessScope units(Set<Long> unitIds) {
        return new AccessScope(false, unitIds, null);
    }

    public static AccessScope enterprise(String taxCode) {
        return new AccessScope(false, Set.of(), taxCode);
    }

    public static AccessScope nothing() {
        return new AccessScope(false, Set.of(), null);
    }
}
