package io.epewatch.identity;

/** Roles of people. Machines authenticate with API tokens and carry scopes instead. */
public enum Role {
    /** Runs the installation; sees everything. */
    SYSTEM_ADMIN,
    /** Administers the accounts of one unit only (R6.3). */
    UNIT_ADMIN,
    /** Director of a sub-department: decides escalations and supervision measures (R2.5, R4.8). */
    HEAD,
    /** Customs officer assigned to camera supervision (R4.2). */
    OFFICER,
    /** Risk-management analyst at headquarters: reads across all units, tunes rules later; changes nothing else. */
    HQ_ANALYST,
    /** A user of one export processing enterprise: its own cameras, diagram, logbook and incidents. */
    EPE_USER,
    /** A declarant or customs broker (R6.2); declares for enterprises once the declaration module processes them. */
    DECLARANT;

    /** Roles only a system administrator grants (R6.3: a unit admin never creates admins). */
    public boolean administrative() {
        return this == SYSTEM_ADMIN || this == UNIT_ADMIN;
    }

    /** Roles of enterprise-side people, tied to an enterprise rather than a customs unit. */
    public boolean enterpriseSide() {
        return this == EPE_USER || this == DECLARANT;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
