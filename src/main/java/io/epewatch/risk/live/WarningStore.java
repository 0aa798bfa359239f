package io.epewatch.risk.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.epewatch.risk.engine.Finding;
import io.epewatch.risk.engine.WarningChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the engine's warning changes to the {@code warning} table: one row per key, never deleted. */
@Component
class WarningStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WarningStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return the warning's id when the change raised (or re-opened) it */
    Optional<Long> apply(WarningChange change, Instant now) {
        Timestamp at = Timestamp.from(now);
        return switch (change) {
            case WarningChange.Raised raised -> {
                Finding f = raised.finding();
                yield jdbc.sql("""
                                insert into warning (key, rule, enterprise_tax_code, gate_event_id, occurred_at, summary,
                                    explanation_vi, evidence, severity, score, status, raised_at, status_changed_at,
                                    occurrences, last_occurred_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'OPEN', ?, ?, ?, ?)
                                on conflict (key) do update set status = 'OPEN', status_reason = null,
                                    summary = excluded.summary, explanation_vi = excluded.explanation_vi,
                                    evidence = excluded.evidence, score = excluded.score,
                                    status_changed_at = excluded.status_changed_at, occurrences = excluded.occurrences,
                                    last_occurred_at = greatest(warning.last_occurred_at, excluded.last_occurred_at)
                                where warning.status <> 'OPEN'
                                returning id""")
                        .params(f.key(), f.rule(), f.enterprise(), f.gateEventId(), Timestamp.from(f.occurredAt()),
                                f.english(), f.vietnamese(), json.writeValueAsString(f.evidence()), f.severity().name(),
                                f.score(), at, at, f.occurrences(), Timestamp.from(f.lastOccurredAt()))
                        .query(Long.class).optional();
            }
            case WarningChange.Merged merged -> {
                Finding f = merged.finding();
                jdbc.sql("""
                                update warning set summary = ?, explanation_vi = ?, evidence = ?::jsonb, score = ?,
                                    occurrences = ?, last_occurred_at = greatest(last_occurred_at, ?) where key = ?""")
                        .params(f.english(), f.vietnamese(), json.writeValueAsString(f.evidence()), f.score(),
                                merged.occurrences(), Timestamp.from(f.lastOccurredAt()), f.key()).update();
                yield Optional.empty();
            }
            case WarningChange.Resolved resolved -> {
                jdbc.sql("""
                                update warning set status = 'RESOLVED_BY_DATA', status_reason = ?, status_changed_at = ?
                                where key = ? and status = 'OPEN'""")
                        .params(resolved.reason(), at, resolved.key()).update();
                yield Optional.empty();
            }
        };
    }
}
