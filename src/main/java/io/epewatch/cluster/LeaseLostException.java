package io.epewatch.cluster;

/** This instance no longer holds the partition it was about to write for: another member took it over. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String kind, int partition) {
        super("the lease of " + kind + " partition " + partition + " is no longer this instance's");
    }
}
