package io.epewatch.identity;

/** A provincial customs department (Cục) or a sub-department (Chi cục) that manages EPEs. */
public enum UnitKind {
    DEPARTMENT,
    SUB_DEPARTMENT
}
