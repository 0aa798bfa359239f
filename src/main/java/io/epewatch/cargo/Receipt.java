package io.epewatch.cargo;

/**
 * What an ingest did: {@code CREATED}, {@code UPDATED} (a new version) or {@code UNCHANGED} (a repeat), and the
 * document as stored.
 */
public record Receipt<T>(String outcome, String reference, T document) {
}
