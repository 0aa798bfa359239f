package io.epewatch.clearance;

import java.util.Set;

/** Where a declaration stands in its processing (Decree 87/2012 Art. 10–12; R5.5, R5.6). */
public enum DossierState {
    /** IDA/EDA accepted: number and computed values returned; not registered yet, so it may still be corrected. */
    PROVISIONAL,
    /** Yellow lane: waiting for an officer to check the documents. */
    DOCUMENT_CHECK,
    /** Red lane: waiting for the head to set the form and level of the physical inspection. */
    INSPECTION_ORDER,
    /** Red lane: inspection ordered, waiting for the officer's result. */
    INSPECTION,
    /** A check found a discrepancy: the goods stay until customs decides. */
    HELD,
    /** Checks done; the fee is not recorded as paid yet. */
    FEES_DUE,
    /** Goods released before the fee was paid (under a guarantee): they may leave. */
    RELEASED,
    /** Cleared: the goods may leave. */
    CLEARED,
    /** The goods passed the customs-supervised area (VASSCM confirmation). */
    PASSED,
    CANCELLED,
    /** Replaced by another declaration (IDE/EDE). */
    REPLACED;

    /** The states in which goods may leave under this declaration. */
    public static final Set<DossierState> GOODS_FREE = Set.of(RELEASED, CLEARED, PASSED);

    /** Registered and not cleared or ended: the declaration may still be amended (IDA01/EDA01) or replaced (IDE/EDE). */
    public boolean beforeClearance() {
        return this == DOCUMENT_CHECK || this == INSPECTION_ORDER || this == INSPECTION || this == HELD || this == FEES_DUE;
    }

    public boolean ended() {
        return this == CANCELLED || this == REPLACED;
    }
}
