package io.epewatch.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a bulk import did, row by row: each row is taken (and stored in its own transaction) or refused with the
 * fields and reasons, so one bad row never stops or half-writes the others.
 *
 * @param rows one entry per data row; {@code row} counts from 2 (row 1 is the header), as a spreadsheet shows it
 */
public record ImportReport(int total, int created, int updated, int unchanged, int rejected, List<Row> rows) {

    public record Row(int row, String outcome, String reference, List<FieldProblem> errors) {
    }

    /** One row's result: its outcome (CREATED, UPDATED, UNCHANGED) and the reference of what was stored. */
    public record Taken(String outcome, String reference) {
    }

    /** Runs {@code take} on every row; an {@link InvalidInputException} refuses that row only. */
    public static ImportReport of(CsvTable table, Function<Map<String, String>, Taken> take) {
        List<Row> rows = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (int i = 0; i < table.rows().size(); i++) {
            try {
                Taken taken = take.apply(table.rows().get(i));
                rows.add(new Row(i + 2, taken.outcome(), taken.reference(), List.of()));
                switch (taken.outcome()) {
                    case "CREATED" -> created++;
                    case "UPDATED" -> updated++;
                    default -> unchanged++;
                }
            } catch (InvalidInputException e) {
                rows.add(new Row(i + 2, "REJECTED", null, e.problems()));
                rejected++;
            }
        }
        return new ImportReport(rows.size(), created, updated, unchanged, rejected, rows);
    }
}
