package io.epewatch.continuity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.epewatch.clearance.DossierJournal;
import io.epewatch.clearance.DossierJournal.Picture;

/**
 * The reconciliation report (R6.1, R6.4): what the backup took, what the primary confirmed, and every difference.
 * Made on the primary from its own copies and the backup's journal, read when the report is asked for. Public for
 * the page's template only.
 *
 * @param backupAnswered false when the backup could not be asked: the rows then show only what the primary holds
 */
record Reconciliation(Instant madeAt, boolean backupAnswered, String backupProblem, List<Row> rows) {

    /** How the primary's copy of one declaration compares with the backup's. */
    public enum Standing {
        /** The primary holds the backup's last picture of it, or a later one of its own. */
        CONFIRMED,
        /** The primary holds an older picture: the backup changed it after the last hand-back. */
        BEHIND,
        /** The backup accepted it and the primary does not have it. */
        MISSING_ON_PRIMARY,
        /** The primary took it back, and the backup no longer lists it (its database was replaced or rolled back). */
        NOT_ON_BACKUP,
        /** The primary took it back; the backup could not be asked this time. */
        UNCHECKED;

        public boolean difference() {
            return this == BEHIND || this == MISSING_ON_PRIMARY || this == NOT_ON_BACKUP;
        }
    }

    public record Row(String number, String enterpriseTaxCode, Instant registeredAt, String lane, String backupState,
               int backupSteps, String primaryState, Integer primarySteps, Standing standing) {
    }

    static Reconciliation of(Instant madeAt, List<Picture> onPrimary, List<Picture> onBackup, String backupProblem) {
        Map<String, Picture> primary = new TreeMap<>();
        onPrimary.forEach(p -> primary.put(p.number(), p));
        Map<String, Picture> backup = new TreeMap<>();
        onBackup.forEach(p -> backup.put(p.number(), p));
        List<Row> rows = new ArrayList<>();
        for (Picture b : backup.values()) {
            Picture p = primary.get(b.number());
            Standing standing = p == null ? Standing.MISSING_ON_PRIMARY
                    : p.steps() >= b.steps() ? Standing.CONFIRMED : Standing.BEHIND;
            rows.add(new Row(b.number(), b.enterpriseTaxCode(), b.registeredAt(), b.lane(), b.state(), b.steps(),
                    p == null ? null : p.state(), p == null ? null : p.steps(), standing));
        }
        for (Picture p : primary.values()) {
            if (!backup.containsKey(p.number())) {
                rows.add(new Row(p.number(), p.enterpriseTaxCode(), p.registeredAt(), p.lane(), null, 0, p.state(), p.steps(),
                        backupProblem == null ? Standing.NOT_ON_BACKUP : Standing.UNCHECKED));
            }
        }
        rows.sort(Comparator.comparing(Row::number));
        return new Reconciliation(madeAt, backupProblem == null, backupProblem, List.copyOf(rows));
    }

    public long takenByBackup() {
        return rows.stream().filter(r -> r.backupState() != null).count();
    }

    public long confirmed() {
        return rows.stream().filter(r -> r.standing() == Standing.CONFIRMED).count();
    }

    public long differences() {
        return rows.stream().filter(r -> r.standing().difference()).count();
    }
}
