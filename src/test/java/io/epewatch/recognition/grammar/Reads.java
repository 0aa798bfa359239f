package io.epewatch.recognition.grammar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.recognition.CharChoice;

/** Recogniser output written by hand: each character read with {@code p}, and alternatives where a test needs them. */
final class Reads {

    private Reads() {
    }

    static List<CharChoice> of(String text) {
        return of(text, 0.98);
    }

    static List<CharChoice> of(String text, double p) {
        List<CharChoice> chars = new ArrayList<>();
        for (char c : text.toCharArray()) {
            chars.add(new CharChoice(c, p, Map.of(c, p)));
        }
        return chars;
    }

    /** {@code text} with the character at {@code index} read as {@code best} (p) and {@code second} (q) behind it. */
    static List<CharChoice> misread(String text, int index, char best, double p, char second, double q) {
        List<CharChoice> chars = new ArrayList<>(of(text));
        Map<Character, Double> alternatives = new LinkedHashMap<>();
        alternatives.put(best, p);
        alternatives.put(second, q);
        chars.set(index, new CharChoice(best, p, alternatives));
        return chars;
    }
}
