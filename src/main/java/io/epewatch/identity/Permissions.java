package io.epewatch.identity;

/** Authorization expressions shared by the modules' controllers, so each rule is written once. */
public final class Permissions {

    /** People of any role, not machine tokens: what concerns a person (their notices, their e-mail address). */
    public static final String PEOPLE = "hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN','HEAD','OFFICER','HQ_ANALYST','EPE_USER','DECLARANT')";
    /** People of any role (their scope then limits what they see) and tokens with the read scope. */
    public static final String READ = PEOPLE + " or hasAuthority('SCOPE_read')";
    public static final String INGEST_DECLARATIONS = "hasAuthority('SCOPE_ingest:declarations')";
    public static final String INGEST_GATE_EVENTS = "hasAuthority('SCOPE_ingest:gate-events')";
    public static final String INGEST_CARGO = "hasAuthority('SCOPE_ingest:cargo')";
    public static final String INGEST_GPS = "hasAuthority('SCOPE_ingest:gps')";
    /** Customs staff and EPE users: both sides of the supervision, each narrowed to their scope by the services. */
    public static final String CUSTOMS_AND_EPE = "hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN','HEAD','OFFICER','EPE_USER')";
    /** People who may change registry data; the service narrows this to their scope. */
    public static final String EDIT_REGISTRY = CUSTOMS_AND_EPE;
    public static final String CUSTOMS = "hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN','HEAD','OFFICER')";
    /** HQ risk analysts (and system administrators): the watch list and the rules' thresholds. */
    public static final String RISK_ANALYSIS = "hasAnyRole('SYSTEM_ADMIN','HQ_ANALYST')";
    /** Officers and heads working warnings as cases (R4.6–R4.8); the casework module narrows per state. */
    public static final String CASEWORK = "hasAnyRole('HEAD','OFFICER')";
    /** Heads decide: order an inspection, close a case (R4.8). */
    public static final String CASE_DECISION = "hasRole('HEAD')";
    /**
     * Risk warnings and scores are customs' targeting: customs staff, HQ analysts and read tokens, never the
     * supervised enterprise's people (issue 15); the risk module also hides them from enterprise-side scopes.
     */
    public static final String RISK_WARNINGS = "hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN','HEAD','OFFICER','HQ_ANALYST') or hasAuthority('SCOPE_read')";
    /** People who watch cameras (R4.7); the camera module narrows this per camera. */
    public static final String CUSTOMS_WATCH = "hasAnyRole('SYSTEM_ADMIN','HEAD','OFFICER','HQ_ANALYST')";
    /** People who keep a camera's footage as evidence (R2.2): customs staff who watch; HQ analysts watch and search only. */
    public static final String KEEP_FOOTAGE = "hasAnyRole('SYSTEM_ADMIN','HEAD','OFFICER')";

    private Permissions() {
    }
}
