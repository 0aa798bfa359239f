package io.epewatch.kernel;


/**
 * Whether a read and a declared plate or container number are the same despite OCR errors: an edit distance over
 * letters and digits where swapping lookalikes ({@code O}/{@code 0}, {@code B}/{@code 8}, {@code S}/{@code 5} ...)
 * costs a third of another substitution. For the risk rules: a read {@code 51C-128.45} matches a declared
 * {@code 51C-123.45} at distance 1/3, an unrelated plate does not.
 */
public final class TolerantMatch {

    private static final double LOOKALIKE_COST = 1.0 / 3;

    private TolerantMatch() {
    }

    /** Weighted edit distance between the letters and digits of {@code a} and {@code b}. */
    public static double distance(String a, String b) {
        String x = compact(a);
        String y = compact(b);
        double[] previous = new double[y.length() + 1];
        double[] current = new double[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                char p = x.charAt(i - 1);
                char q = y.charAt(j - 1);
                double substitution = p == q ? 0 : Lookalikes.alike(p, q) ? LOOKALIKE_COST : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }

    /**
     * The same vehicle or container, allowing one OCR slip: at most one ordinary error, or up to three lookalike
     * swaps (a total distance of 1).
     */
    public static boolean matches(String read, String declared) {
        if (read == null || declared == null) {
            return false;
        }
        // the risk rules ask this of every plate in a window: lengths two apart can never be within 1, skip the work
        return Math.abs(compactLength(read) - compactLength(declared)) <= 1 && distance(read, declared) <= 1.0 + 1e-9;
    }

    private static String compact(String text) {
        if (text == null) {
            return "";
        }
        String plate = PlateNumber.withoutCountry(text);
        StringBuilder kept = new StringBuilder(plate.length());
        for (int i = 0; i < plate.length(); i++) {
            char c = Character.toUpperCase(plate.charAt(i));
            if (kept(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static int compactLength(String text) {
        return compact(text).length();
    }

    /**
     * Letters and digits of any script: a Chinese plate's province character ({@code 桂A·12345}) and a Lao plate's
     * letters count as much as Latin ones (issue 21).
     */
    private static boolean kept(char c) {
        return Character.isLetterOrDigit(c);
    }
}
