package io.epewatch.incident;

/** What failed, and so how many working days the EPE has to restore it. */
public enum IncidentKind {
    /** Cameras or recorders (R2.3): 10 working days. */
    EQUIPMENT(10),
    /** The transmission channel to customs (R2.4): 3 working days. */
    CHANNEL(3);

    private final int workingDays;

    IncidentKind(int workingDays) {
        this.workingDays = workingDays;
    }

    public int workingDays() {
        return workingDays;
    }
}
