package io.epewatch.recognition.grammar;

import java.util.Map;

/**
 * Characters OCR confuses because they look alike. Where a grammar allows only a digit (or only a letter), a
 * lookalike of the right kind is almost as good as a read, so it costs little: {@code O} where a digit must stand
 * is {@code 0}.
 */
public final class Lookalikes {

    private static final Map<Character, String> LOOKALIKES = Map.ofEntries(
            Map.entry('0', "ODQUC"), Map.entry('O', "0DQU"), Map.entry('D', "0O"), Map.entry('Q', "0O"),
            Map.entry('1', "ILTJ"), Map.entry('I', "1LTJ"), Map.entry('L', "1I"), Map.entry('T', "1I"), Map.entry('J', "1I"),
            Map.entry('2', "Z"), Map.entry('Z', "2"),
            Map.entry('5', "S"), Map.entry('S', "58"),
            Map.entry('8', "BS"), Map.entry('B', "8"),
            Map.entry('6', "GB"), Map.entry('G', "6C"), Map.entry('C', "G0"),
            Map.entry('4', "A"), Map.entry('A', "4"),
            Map.entry('7', "T"), Map.entry('U', "V0"), Map.entry('V', "U"), Map.entry('9', "g"));

    /**
     * What a lookalike substitution keeps of the read's probability: a letter read where a digit must stand is
     * cheap ({@code O} for {@code 0}); a digit read where a letter must stand costs more, since a plate's series
     * is read from a letter far more often than digits elsewhere pass for a plate.
     */
    static double factor(char read, char chosen) {
        return Character.isDigit(read) && Character.isLetter(chosen) ? 0.3 : 0.7;
    }

    private Lookalikes() {
    }

    public static boolean alike(char a, char b) {
        return a == b || LOOKALIKES.getOrDefault(a, "").indexOf(b) >= 0 || LOOKALIKES.getOrDefault(b, "").indexOf(a) >= 0;
    }
}
