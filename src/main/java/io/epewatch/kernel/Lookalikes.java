package io.epewatch.kernel;

import java.util.Map;

/**
 * Characters OCR confuses because they look alike ({@code O}/{@code 0}, {@code B}/{@code 8} ...): recognition's
 * grammars correct a read with them, and the risk rules forgive them when matching a read against a declared number
 * ({@link TolerantMatch}).
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

    private Lookalikes() {
    }

    /** What OCR may have read as {@code c}, likeliest first (its own lookalikes, then those that name it). */
    public static String of(char c) {
        StringBuilder out = new StringBuilder(LOOKALIKES.getOrDefault(c, ""));
        LOOKALIKES.forEach((other, alike) -> {
            if (alike.indexOf(c) >= 0 && out.indexOf(String.valueOf(other)) < 0) {
                out.append(other);
            }
        });
        return out.toString();
    }

    /** Whether OCR may read one for the other (or they are the same). */
    public static boolean alike(char a, char b) {
        return a == b || LOOKALIKES.getOrDefault(a, "").indexOf(b) >= 0 || LOOKALIKES.getOrDefault(b, "").indexOf(a) >= 0;
    }
}
