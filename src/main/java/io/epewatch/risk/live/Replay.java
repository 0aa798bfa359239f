package io.epewatch.risk.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.epewatch.risk.RiskProperties;
import io.epewatch.risk.engine.Analysis;
import io.epewatch.risk.engine.WarningChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the whole fact log into a fresh engine and compares the warnings it gives with the stored ones (key, status,
 * occurrences). The engine is deterministic: a difference means the log or the warnings were changed outside it.
 */
@Component
public class Replay {

    private final FactLog facts;
    private final JdbcClient jdbc;
    private final RiskProperties properties;
    private final EnginePartitions partitions;

    Replay(FactLog facts, JdbcClient jdbc, RiskProperties properties, EnginePartitions partitions) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.partitions = partitions;
    }

    public long facts() {
        return facts.size();
    }

    /**
     * What a replay of the whole log gives that the warning table does not say, and the other way round. Each
     * partition is replayed into an engine of its own, as it was read (issue 22). Once the retention has dropped the
     * log's oldest months, warnings about what happened before the log's start plus the engine's window are left out
     * of the comparison: the facts they came from are gone.
     */
    public List<String> differences() {
        Map<String, String> replayed = new TreeMap<>();
        for (int part = 0; part < partitions.count(); part++) {
            replay(part, replayed);
        }
        Instant horizon = facts.trimmedBefore().map(start -> start.plus(properties.defaults().retention())).orElse(Instant.EPOCH);
        Map<String, String> stored = new TreeMap<>();
        jdbc.sql("select key, status, occurrences, occurred_at from warning").query((rs, n) -> {
            if (rs.getTimestamp("occurred_at").toInstant().isBefore(horizon)) {
                replayed.remove(rs.getString("key"));
            } else {
                stored.put(rs.getString("key"), rs.getString("status") + " x" + rs.getInt("occurrences"));
            }
            return null;
        }).list();
        List<String> differences = new ArrayList<>();
        for (String key : replayed.keySet()) {
            if (!replayed.get(key).equals(stored.get(key))) {
                differences.add(key + ": replay " + replayed.get(key) + ", stored " + stored.get(key));
            }
        }
        stored.keySet().stream().filter(k -> !replayed.containsKey(k))
                .forEach(k -> differences.add(k + ": replay none, stored " + stored.get(k)));
        return differences;
    }

    private void replay(int part, Map<String, String> replayed) {
        Analysis analysis = new Analysis(properties.defaults());
        facts.replay(part, Instant.EPOCH, fact -> {
            for (WarningChange change : analysis.accept(fact)) {
                switch (change) {
                    // a raised warning carries the occurrences it folds so far, as the store keeps them
                    case WarningChange.Raised r -> replayed.put(r.key(), "OPEN x" + r.finding().occurrences());
                    case WarningChange.Merged m -> replayed.put(m.key(), "OPEN x" + m.occurrences());
                    case WarningChange.Resolved r -> replayed.put(r.key(), "RESOLVED_BY_DATA x"
                            + occurrences(replayed.get(r.key())));
                }
            }
        });
    }

    /** The occurrences kept in a replayed state ("OPEN x2"), or 1 for a new one. */
    private static int occurrences(String state) {
        return state == null ? 1 : Integer.parseInt(state.substring(state.indexOf('x') + 1));
    }
}
