package io.epewatch.kernel;

import java.util.List;
import java.util.Locale;

/**
 * A container number as ISO 6346 writes it: a 3-letter owner code, a category letter (U freight,
 * J detachable equipment, Z trailer/chassis), a 6-digit serial and a check digit — {@code MSKU1234565}.
 * <p>
 * A gate <em>reads</em> numbers and may read them wrong, so {@link #parse} accepts any value of the right
 * shape (4 letters, 7 digits) and tells through {@link #valid()} whether category and check digit hold.
 * A declaration <em>states</em> numbers, so {@link #parseDeclared} refuses an invalid one.
 */
public record ContainerNumber(String value) {

    public ContainerNumber {
        if (value == null || !value.matches("[A-Z]{4}\\d{7}")) {
            throw new IllegalArgumentException("must be 4 letters and 7 digits, like MSKU1234565");
        }
    }

    /** Accepts spaces, dashes, dots and lower case as printed on doors ({@code MSKU 123456-5}). */
    public static ContainerNumber parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("is required");
        }
        String compact = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-./]", "");
        return new ContainerNumber(compact);
    }

    public static ContainerNumber parseDeclared(String raw) {
        ContainerNumber number = parse(raw);
        if (!number.valid()) {
            throw new IllegalArgumentException(number.invalidReason());
        }
        return number;
    }

    /** Completes owner code, category and serial ({@code MSKU123456}) with the check digit ISO 6346 gives. */
    public static ContainerNumber withCheckDigit(String firstTen) {
        if (firstTen == null || !firstTen.matches("[A-Z]{3}[UJZ]\\d{6}")) {
            throw new IllegalArgumentException("must be owner code, category and serial, like MSKU123456");
        }
        return new ContainerNumber(firstTen + computeCheckDigit(firstTen));
    }

    public String ownerCode() {
        return value.substring(0, 3);
    }

    public char category() {
        return value.charAt(3);
    }

    public int checkDigit() {
        return value.charAt(10) - '0';
    }

    /** The check digit ISO 6346 computes from the first ten characters. */
    public int expectedCheckDigit() {
        return computeCheckDigit(value.substring(0, 10));
    }

    public boolean valid() {
        return invalidReason() == null;
    }

    /**
     * Why a number cannot be right: a message code ({@code category}, {@code checkDigit}), its arguments, and the
     * reason in English for the API and logs.
     */
    public record Invalidity(String code, List<Object> args, String english) {
    }

    /** Why the number cannot be right, or null when it can. */
    public Invalidity invalidity() {
        if ("UJZ".indexOf(category()) < 0) {
            return new Invalidity("category", List.of(String.valueOf(category())), "category letter must be U, J or Z, not " + category());
        }
        if (checkDigit() != expectedCheckDigit()) {
            return new Invalidity("checkDigit", List.of(checkDigit(), expectedCheckDigit()),
                    "check digit is " + checkDigit() + " but ISO 6346 gives " + expectedCheckDigit());
        }
        return null;
    }

    /** Why the number cannot be right, in English, or null when it can. */
    public String invalidReason() {
        Invalidity invalidity = invalidity();
        return invalidity == null ? null : invalidity.english();
    }

    /** ISO 6346: letters take 10..38 skipping multiples of 11; each position weighs 2^i; sum mod 11 mod 10. */
    static int computeCheckDigit(String firstTen) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += characterValue(firstTen.charAt(i)) << i;
        }
        return sum % 11 % 10;
    }

    private static int characterValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int value = 10 + (c - 'A');
        // A=10, B=12 ... 11, 22 and 33 are skipped
        value += (value - 1) / 10;
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
