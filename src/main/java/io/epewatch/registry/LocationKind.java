package io.epewatch.registry;

/** Where in the EPE a camera looks (R1.1, R1.3). */
public enum LocationKind {
    /** A gate of the EPE: plates and container numbers are read here (R1.2). */
    GATE,
    /** The door of a storage area: goods moving in and out (R1.3). */
    WAREHOUSE_GATE,
    /** An open storage yard, covered whole (R1.3). */
    YARD,
    /** Inside a warehouse, where the EPE has cameras (R1.3). */
    WAREHOUSE_INSIDE,
    /** Another area where the law requires a camera but not an online link (R1.7 b). */
    OTHER_REQUIRED;

    /** R1.7: gates, storage doors, yards and inside storage are linked online; other required cameras are not. */
    public boolean mustConnectOnline() {
        return this != OTHER_REQUIRED;
    }

    /** Storage locations say which goods they hold. */
    public boolean holdsGoods() {
        return this == WAREHOUSE_GATE || this == YARD || this == WAREHOUSE_INSIDE;
    }
}
