package io.epewatch.kernel;

/**
 * This instance does not take declarations now (R6.1): a backup while the primary is up, a primary while the backup
 * has taken over or is handing back. Answered 503 naming the role and the state, so the declarant's software knows to
 * send to the other base URL, or to wait.
 */
public class IntakeClosedException extends RuntimeException {

    private final String role;
    private final String state;
    private final long epoch;

    public IntakeClosedException(String role, String state, long epoch, String reason) {
        super(reason);
        this.role = role;
        this.state = state;
        this.epoch = epoch;
    }

    public String role() {
        return role;
    }

    public String state() {
        return state;
    }

    public long epoch() {
        return epoch;
    }
}
