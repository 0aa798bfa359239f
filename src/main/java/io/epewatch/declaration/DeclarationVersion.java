package io.epewatch.declaration;

import java.time.Instant;

/** One version of a declaration as the feed sent it ({@code body} is the JSON received). */
record DeclarationVersion(int version, Instant receivedAt, String body) {
}
