package io.epewatch.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A road-vehicle plate in one canonical form (grammar and what is refused in {@code docs/plates.md}).
 * <p>
 * Vietnamese plates (Circular 24/2023/TT-BCA and its predecessors 58/2020 and 15/2014) are written as they are:
 * <pre>
 *   car, trailer        51C-123.45  29A-1234  50LD-044.11  51R-022.34   province series "-" number
 *   motorbike, moped    59-P1 332.02  15-MD1 453.66  54-L6 4897      province "-" series digit " " number
 *   diplomatic, foreign 80NG-123-45  29NN-456-01  80QT-012-34       province NG|NN|QT "-" country "-" order
 *   military            TM-12-34  KA-56-78                           two letters "-" dd "-" dd
 * </pre>
 * A plate of another country carries its country before it (a gate at a border EPE sees Lao, Cambodian and
 * Chinese trucks): {@code LA ກຂ 1234}, {@code KH 2A-1234}, {@code CN 桂A·12345}; {@code XX ...} is a plate whose
 * country is not known (the text as read, letters and digits only).
 * <p>
 * Input may use any spacing, dashes and dots, or none ({@code 51c12345}, {@code 59X1-123.45}), with or without the
 * country. Without separators, {@code 51C12345} could be a car or a motorbike ({@code 51-C1 2345}); cars win,
 * because gates see trucks and new plates carry 5 digits.
 */
public record PlateNumber(String value) {

    /** Where a plate was issued; {@code XX}: not known. */
    public enum Country { VN, LA, KH, CN, XX }

    /** The character of each Chinese province on its plates (云 Yunnan and 桂 Guangxi border Vietnam). */
    public static final String CHINESE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    private static final String PROVINCE = "(\\d{2})";
    /** A dot stands before the last two of five digits: {@code 20.88} is not a plate number (issue 21). */
    private static final String NUMBER = "(\\d{3}[.\\s]?\\d{2}|\\d{4})";
    private static final String GAP = "[\\s\\-.]*";
    private static final String SEPARATOR = "[\\s\\-.]+";

    /** Series and number written apart: the series token is unambiguous. */
    private static final Pattern SEPARATED = Pattern.compile(PROVINCE + GAP + "([A-Z]{1,2})(\\d?)" + SEPARATOR + NUMBER);
    private static final Pattern CAR = Pattern.compile(PROVINCE + GAP + "([A-Z]{1,2})()" + NUMBER);
    private static final Pattern MOTORBIKE = Pattern.compile(PROVINCE + GAP + "([A-Z]{1,2})(\\d)" + NUMBER);
    /** Diplomatic missions (NG), foreign organisations and persons (NN), international organisations (QT). */
    private static final Pattern DIPLOMATIC = Pattern.compile(PROVINCE + GAP + "(NG|NN|QT)" + GAP + "(\\d{3})" + GAP + "(\\d{2})");
    /** Military: the first letter is the branch (A, B, H, K, Q, T), two pairs of digits. */
    private static final Pattern MILITARY = Pattern.compile("([ABHKQT][A-Z])" + GAP + "(\\d{2})" + GAP + "(\\d{2})");

    /** Laos: one or two Lao consonants and four digits. */
    private static final Pattern LAO = Pattern.compile("([\\u0E81-\\u0EAE]{1,2})" + GAP + "(\\d{4})");
    /** Cambodia: a digit, one or two letters, four digits. */
    private static final Pattern CAMBODIA = Pattern.compile("(\\d[A-Z]{1,2})" + GAP + "(\\d{4})");
    /** China: the province's character, the city's letter, five characters (six for new-energy vehicles); no I or O. */
    private static final Pattern CHINA = Pattern.compile("([" + CHINESE_PROVINCES + "])([A-HJ-NP-Z])[\\s·•.\\-]*([A-HJ-NP-Z0-9]{5,6})");
    private static final Pattern COUNTRY = Pattern.compile("(VN|LA|KH|CN|XX)[\\s:]+(.+)");
    /** The country as canonical plates carry it: two letters and a space. */
    private static final Pattern LABEL = Pattern.compile("(VN|LA|KH|CN|XX) ");
    private static final String UNKNOWN = Country.XX + " ";

    private static final Set<String> DIPLOMATIC_SERIES = Set.of("NG", "NN", "QT");
    private static final int UNKNOWN_MIN = 2;
    private static final int UNKNOWN_MAX = 12;

    private static final Pattern CANONICAL = Pattern.compile(String.join("|", List.of(
            "\\d{2}[A-Z]{1,2}-(\\d{3}\\.\\d{2}|\\d{4})",
            "\\d{2}-[A-Z]{1,2}\\d (\\d{3}\\.\\d{2}|\\d{4})",
            "\\d{2}(NG|NN|QT)-\\d{3}-\\d{2}",
            "[ABHKQT][A-Z]-\\d{2}-\\d{2}",
            "LA [\\u0E81-\\u0EAE]{1,2} \\d{4}",
            "KH \\d[A-Z]{1,2}-\\d{4}",
            "CN \\p{IsHan}[A-Z]·[A-Z0-9]{5,6}",
            "XX [\\p{L}\\p{N}]{" + UNKNOWN_MIN + "," + UNKNOWN_MAX + "}")));

    public PlateNumber {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("is not a plate in canonical form");
        }
    }

    /**
     * A plate as a clerk, a reader or a camera writes it: Vietnamese, or with the layout of Laos, Cambodia or China,
     * or with its country written before it ({@code XX} for any other).
     */
    public static PlateNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        String text = raw.strip().toUpperCase(Locale.ROOT).replace('Đ', 'D');
        // Vietnamese first: a military plate KH-12-34 written "KH 12 34" is not a Cambodian plate
        PlateNumber plate = vietnamese(text);
        if (plate != null) {
            return plate;
        }
        Matcher country = COUNTRY.matcher(text);
        if (country.matches()) {
            return parseIn(Country.valueOf(country.group(1)), country.group(2), raw);
        }
        plate = foreign(text);
        if (plate == null) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is not a plate (expected e.g. 51C-123.45, 29A-1234, "
                    + "59-P1 332.02, 80NG-123-45, KH 2A-1234, CN 桂A·12345, or XX and the text of another country's plate)");
        }
        return plate;
    }

    /** A plate read that fits no known layout: kept as read, its country unknown. */
    public static PlateNumber unknownCountry(String raw) {
        String text = compactOf(raw == null ? "" : raw.toUpperCase(Locale.ROOT).replace('Đ', 'D'));
        if (text.length() < UNKNOWN_MIN || text.length() > UNKNOWN_MAX || text.chars().noneMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a plate of an unknown country has " + UNKNOWN_MIN + " to " + UNKNOWN_MAX
                    + " letters and digits, at least one a digit");
        }
        return new PlateNumber(UNKNOWN + text);
    }

    private static PlateNumber parseIn(Country country, String rest, String raw) {
        PlateNumber plate = switch (country) {
            case VN -> vietnamese(rest);
            case XX -> unknownCountry(rest);
            default -> foreign(rest);
        };
        if (plate == null || plate.country() != country) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is not a plate of " + country
                    + " (expected " + example(country) + ")");
        }
        return plate;
    }

    private static PlateNumber vietnamese(String text) {
        Matcher m = DIPLOMATIC.matcher(text);
        if (m.matches()) {
            return new PlateNumber(province(m.group(1)) + m.group(2) + "-" + m.group(3) + "-" + m.group(4));
        }
        m = MILITARY.matcher(text);
        if (m.matches()) {
            return new PlateNumber(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
        }
        for (Pattern form : new Pattern[] {SEPARATED, CAR, MOTORBIKE}) {
            m = form.matcher(text);
            if (m.matches()) {
                return of(m.group(1), m.group(2), m.group(3), m.group(4).replaceAll("\\D", ""));
            }
        }
        return null;
    }

    private static PlateNumber foreign(String text) {
        Matcher m = LAO.matcher(text);
        if (m.matches()) {
            return new PlateNumber("LA " + m.group(1) + " " + m.group(2));
        }
        m = CAMBODIA.matcher(text);
        if (m.matches()) {
            return new PlateNumber("KH " + m.group(1) + "-" + m.group(2));
        }
        m = CHINA.matcher(text);
        if (m.matches()) {
            return new PlateNumber("CN " + m.group(1) + m.group(2) + "·" + m.group(3));
        }
        return null;
    }

    private static String example(Country country) {
        return switch (country) {
            case VN -> "51C-123.45";
            case LA -> "LA ກຂ 1234";
            case KH -> "KH 2A-1234";
            case CN -> "CN 桂A·12345";
            case XX -> "XX and 2 to 12 letters and digits";
        };
    }

    private static String province(String province) {
        if (Integer.parseInt(province) < 11) {
            throw new IllegalArgumentException("province code " + province + " does not exist (11 to 99)");
        }
        return province;
    }

    private static PlateNumber of(String province, String series, String seriesDigit, String digits) {
        province(province);
        if (DIPLOMATIC_SERIES.contains(series)) {
            if (!seriesDigit.isEmpty() || digits.length() != 5) {
                throw new IllegalArgumentException("a plate of series " + series + " carries a 3-digit country and a 2-digit order (80NG-123-45)");
            }
            // 80NG12345 written without its dashes is a diplomatic plate, not a car of series NG
            return new PlateNumber(province + series + "-" + digits.substring(0, 3) + "-" + digits.substring(3));
        }
        String number = digits.length() == 5 ? digits.substring(0, 3) + "." + digits.substring(3) : digits;
        if (seriesDigit.isEmpty()) {
            return new PlateNumber(province + series + "-" + number);
        }
        return new PlateNumber(province + "-" + series + seriesDigit + " " + number);
    }

    /**
     * A plate's text without the country written before it ({@code KH 2A-1234} → {@code 2A-1234}); any other text as
     * it is. The country is a label, not characters read.
     */
    public static String withoutCountry(String text) {
        return text.length() > 3 && text.charAt(2) == ' ' && LABEL.matcher(text).lookingAt() ? text.substring(3) : text;
    }

    /** Whether the text is a plate whose country is not known ({@code XX …}). */
    public static boolean ofUnknownCountry(String text) {
        return text != null && text.startsWith(UNKNOWN);
    }

    public Country country() {
        if (value.length() > 3 && value.charAt(2) == ' ') {
            return Country.valueOf(value.substring(0, 2));
        }
        return Country.VN;
    }

    /**
     * Letters and digits only ({@code 51C12345}, {@code KH2A1234}, {@code CN桂A12345}): how plates are compared and
     * scored.
     */
    public String compact() {
        return compactOf(value);
    }

    private static String compactOf(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** The registering province of a Vietnamese civil plate, or null (military, other countries). */
    public String provinceCode() {
        return country() == Country.VN && Character.isDigit(value.charAt(0)) ? value.substring(0, 2) : null;
    }

    /** Motorbike plates carry a digit in the series and are printed in two rows. */
    public boolean motorbike() {
        return country() == Country.VN && Character.isDigit(value.charAt(0)) && value.charAt(2) == '-';
    }

    @Override
    public String toString() {
        return value;
    }
}
