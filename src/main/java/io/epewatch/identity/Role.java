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
    /** A user of one export processing enterprise. */
    EPE_USER;

    public String authority() {
        return "ROLE_" + name();
    }
}
