package io.epewatch.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects every problem of one command before refusing it, so a client learns all bad fields at once.
 * Usage: {@code check.parse("plate", raw, PlateNumber::parse)} returns the value or null and records why.
 */
public final class InputCheck {

    private final List<FieldProblem> problems = new ArrayList<>();

    public void reject(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
    }

    /** Refuses with a message code ({@code problem.<code>} in the message bundles) for the UI's language. */
    public void reject(String field, String code, String reason, Object... args) {
        problems.add(new FieldProblem(field, reason, code, List.of(args)));
    }

    /** Optional text as it is stored: stripped, and null when left blank. */
    public static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    public boolean require(String field, Object value) {
        boolean present = value != null && !(value instanceof String text && text.isBlank());
        if (!present) {
            reject(field, "required", "is required");
        }
        return present;
    }

    /** Required text of at most {@code max} characters; a blank value is only "required", never also "too long". */
    public boolean requireText(String field, String value, int max) {
        boolean present = require(field, value);
        if (present) {
            maxLength(field, value, max);
        }
        return present;
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            reject(field, "maxLength", "must be at most " + max + " characters", max);
        }
    }

    /** Parses a required value; an {@link IllegalArgumentException} from the parser becomes the reason. */
    public <T> T parse(String field, String raw, Function<String, T> parser) {
        if (!require(field, raw)) {
            return null;
        }
        return parseOptional(field, raw, parser);
    }

    public <T> T parseOptional(String field, String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (InvalidValue e) {
            problems.add(new FieldProblem(field, e.getMessage(), e.code(), e.args()));
            return null;
        } catch (IllegalArgumentException e) {
            reject(field, e.getMessage());
            return null;
        }
    }

    /**
     * Parses each entry of a list field ({@code field[0]}, {@code field[1]} …), dropping repeats; at most
     * {@code max} entries. A null list is an empty one.
     */
    public List<String> parseEach(String field, List<String> raws, Function<String, String> parser, int max) {
        if (raws == null) {
            return List.of();
        }
        if (raws.size() > max) {
            reject(field, "at most " + max + " entries");
            return List.of();
        }
        java.util.Set<String> values = new java.util.LinkedHashSet<>();
        for (int i = 0; i < raws.size(); i++) {
            String value = parse(field + "[" + i + "]", raws.get(i), parser);
            if (value != null) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /** Parses an enum value case-insensitively; the reason lists the values allowed. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, String allowed) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be " + allowed);
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
