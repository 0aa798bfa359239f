package io.epewatch.tracking;

/**
 * A trip as an officer or integration starts it.
 *
 * @param startedAt when the vehicle left the origin (ISO-8601 with offset); now when left out
 */
public record TripInput(String plate, String enterpriseTaxCode, String reference, String origin, String destination,
                        String startedAt) {
}
