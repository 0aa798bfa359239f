package io.epewatch.registry.web;

import java.util.Arrays;
import java.util.List;

import io.epewatch.kernel.InvalidValue;

/** Parsers for typed form values; each failure message becomes the text beside the field. */
final class FormValues {

    private FormValues() {
    }

    static Integer integer(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValue("integer", "must be a whole number");
        }
    }

    static Double decimal(String raw) {
        try {
            return Double.valueOf(raw.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidValue("number", "must be a number");
        }
    }

    /** "H.264, H.265" → [H.264, H.265] */
    static List<String> list(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Boolean yesNo(String raw) {
        return raw == null || raw.isBlank() ? null : Boolean.valueOf(raw);
    }
}
