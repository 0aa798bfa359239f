package io.epewatch.identity;

/** Levels of the customs organisation (R6.2). */
public enum UnitKind {
    /** The General Department of Vietnam Customs (Tổng cục), root of the tree. */
    GENERAL_DEPARTMENT,
    /** A provincial or regional customs department (Cục). */
    DEPARTMENT,
    /** A sub-department (Chi cục) that manages EPEs. */
    SUB_DEPARTMENT,
    /** A headquarters board: supervision, tax, risk management or IT (R6.2, R6.5). */
    HQ_BOARD
}
