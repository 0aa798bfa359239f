package io.epewatch.kernel;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file as the bulk imports take it (RFC 4180): UTF-8 (a byte-order mark is allowed, other encodings are
 * refused rather than guessed — Vietnamese would be garbled), a header row naming the columns (case and spaces
 * ignored), comma or semicolon separated (Excel in Vietnam writes semicolons), fields quoted with {@code "} when they
 * hold separators, quotes or line breaks.
 */
public final class CsvTable {

    public static final int MAX_ROWS = 10_000;

    private final List<String> columns;
    private final List<Map<String, String>> rows;

    private CsvTable(List<String> columns, List<Map<String, String>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** @throws InvalidInputException naming {@code body} and what is wrong with the file */
    public static CsvTable parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "is not UTF-8 text: save the file as CSV UTF-8");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = (int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
            throw new InvalidInputException("body", "line " + line + " contains a NUL character (U+0000), which no field may hold");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw new InvalidInputException("body", "is empty: the first row must name the columns");
        }
        List<String> header = records.getFirst().stream().map(CsvTable::columnName).toList();
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidInputException("body", "has " + (records.size() - 1) + " rows; at most " + MAX_ROWS
                    + " per file");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.getFirst().isBlank()) {
                continue; // a blank line
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String value = i < record.size() ? record.get(i).strip() : "";
                row.put(header.get(i), value.isEmpty() ? null : value);
            }
            rows.add(row);
        }
        return new CsvTable(header, rows);
    }

    public List<String> columns() {
        return columns;
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    /** Splits a list cell ({@code MSKU4670691; TEMU2709541} or with {@code |}); null for an empty cell. */
    public static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return List.of(cell.strip().split("\\s*[;|]\\s*"));
    }

    /**
     * Splits a vehicles cell, {@code 51C-123.45: MSKU4670691 TEMU2709541; 29H-555.01: CSQU3054383}, into plates and
     * the containers each carries (space separated); null for an empty cell.
     */
    public static Map<String, List<String>> vehicles(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        Map<String, List<String>> vehicles = new LinkedHashMap<>();
        for (String vehicle : cell.strip().split("\\s*;\\s*")) {
            String[] parts = vehicle.split(":", 2);
            vehicles.put(parts[0].strip(), parts.length < 2 || parts[1].isBlank() ? List.of()
                    : List.of(parts[1].strip().split("[\\s|]+")));
        }
        return vehicles;
    }

    private static String columnName(String raw) {
        return raw.strip().replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static List<List<String>> records(String text) {
        char separator = separator(text);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException("body", "ends inside a quoted field: a closing \" is missing");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** The header row's separator: semicolon when it has more semicolons than commas. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
    }
}
