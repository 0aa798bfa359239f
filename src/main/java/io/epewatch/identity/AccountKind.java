package io.epewatch.identity;

/**
 * Whose account it is: the installation's operators (no unit, no enterprise), customs staff of a unit, or the people
 * of one enterprise. Which roles an account may hold follows from its kind, whoever grants them: an enterprise's
 * account never holds a customs role, and customs staff never an enterprise's.
 */
public enum AccountKind {
    INSTALLATION, CUSTOMS, ENTERPRISE;

    /**
     * Whether an account with these roles must belong to an enterprise: any enterprise-side role does, except a
     * customs broker — a DECLARANT alone, of no unit — which declares under the mandates enterprises give it (R6.2).
     */
    public static boolean enterpriseRequired(java.util.Set<Role> roles, Long unitId) {
        boolean broker = roles.equals(java.util.Set.of(Role.DECLARANT)) && unitId == null;
        return !broker && roles.stream().anyMatch(Role::enterpriseSide);
    }

    public static AccountKind of(Long unitId, String enterpriseTaxCode) {
        if (enterpriseTaxCode != null && !enterpriseTaxCode.isBlank()) {
            return ENTERPRISE;
        }
        return unitId != null ? CUSTOMS : INSTALLATION;
    }

    /**
     * Whether an account of this kind, in a unit of {@code unitKind} (null outside customs), may hold {@code role}.
     * HQ analysts read nationwide, so only headquarters boards' staff are analysts (R6.2).
     */
    public boolean mayHold(Role role, UnitKind unitKind) {
        return switch (role) {
            case SYSTEM_ADMIN -> this != ENTERPRISE;
            case UNIT_ADMIN, HEAD, OFFICER -> this == CUSTOMS;
            case HQ_ANALYST -> this == CUSTOMS && unitKind == UnitKind.HQ_BOARD;
            case EPE_USER -> this == ENTERPRISE;
            // an EPE's own declarant, or a customs broker belonging to no enterprise, declaring under mandates (R6.2)
            case DECLARANT -> this == ENTERPRISE || this == INSTALLATION;
        };
    }
}
