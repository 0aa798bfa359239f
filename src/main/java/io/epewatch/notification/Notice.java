package io.epewatch.notification;

import java.time.Instant;
import java.util.List;

/** One notice in a person's inbox. */
public record Notice(long id, NoticeKind kind, String subject, String body, String link, Instant createdAt, Instant readAt,
                     String emailState, List<String> args) {
}
