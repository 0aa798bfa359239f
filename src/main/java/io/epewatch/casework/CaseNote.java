package io.epewatch.casework;

import java.time.Instant;

public record CaseNote(long id, String author, String text, Instant at) {
}
