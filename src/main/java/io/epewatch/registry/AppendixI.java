package io.epewatch.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import io.epewatch.registry.AppendixIRow.Verdict;

/**
 * The 15 rows of Appendix I, "minimum technical standard of the camera system at an EPE" (R1.8), each a check
 * of the declared specs. Minimums are read as "at least": a larger sensor, more pixels or a wider lens pass.
 */
public final class AppendixI {

    private static final Set<String> COMPRESSIONS = Set.of("M-JPEG", "MJPEG", "H.264", "H.265", "H.264+", "H.265+");
    private static final Set<String> PROTOCOLS = Set.of("IPV4", "IPV6", "TCP", "DHCP", "HTTP", "SNMP");
    private static final List<String> SAFETY = List.of("EN 60950-1", "CUL 60950-1", "CAN/CSA-C22.2 NO.60950-1-07");

    private AppendixI() {
    }

    public static List<AppendixIRow> evaluate(CameraSpecs s) {
        List<AppendixIRow> rows = new ArrayList<>(15);
        rows.add(row(1, "1/2.8\", CMOS or CCD", join(s.sensorFormat(), s.sensorType()),
                s.sensorFormat() == null || s.sensorType() == null ? null
                        : sensorAtLeast(s.sensorFormat(), 1 / 2.8) && Set.of("CMOS", "CCD").contains(upper(s.sensorType()))));
        rows.add(row(2, "Day/Night", str(s.dayNight()), s.dayNight()));
        rows.add(row(3, "1920x1080", s.resolutionWidth() == null || s.resolutionHeight() == null ? null
                        : s.resolutionWidth() + "x" + s.resolutionHeight(),
                s.resolutionWidth() == null || s.resolutionHeight() == null ? null
                        : s.resolutionWidth() >= 1920 && s.resolutionHeight() >= 1080));
        rows.add(row(4, "White balance", str(s.whiteBalance()), s.whiteBalance()));
        rows.add(row(5, "One of M-JPEG, H.264, H.265, H.264+, H.265+", list(s.compressions()),
                anyOf(s.compressions(), c -> COMPRESSIONS.contains(upper(c)))));
        rows.add(row(6, "2.8 mm to 12 mm", s.focalMinMm() == null || s.focalMaxMm() == null ? null
                        : s.focalMinMm() + "–" + s.focalMaxMm() + " mm",
                s.focalMinMm() == null || s.focalMaxMm() == null ? null : s.focalMinMm() <= 2.8 && s.focalMaxMm() >= 12));
        rows.add(row(7, "≥ 33°", str(s.horizontalViewDeg()), s.horizontalViewDeg() == null ? null : s.horizontalViewDeg() >= 33));
        rows.add(row(8, "30 fps", str(s.frameRate()), s.frameRate() == null ? null : s.frameRate() >= 30));
        rows.add(row(9, "One of IPv4, IPv6, TCP, DHCP, HTTP, SNMP", list(s.protocols()),
                anyOf(s.protocols(), p -> PROTOCOLS.contains(upper(p)))));
        rows.add(row(10, "≥ 146 dB at 1920x1080 or ≥ 120 dB at 2560x1440", s.backlightDb() == null ? null : s.backlightDb() + " dB",
                s.backlightDb() == null ? null : backlightPasses(s)));
        rows.add(row(11, "IP67", s.ipRating(), s.ipRating() == null ? null : ipAtLeast67(s.ipRating())));
        // "Nhiệt độ làm việc tối đa 60 độ C": the camera must be rated to work up to at least 60 °C
        rows.add(row(12, "Works up to 60 °C", s.maxOperatingTempC() == null ? null : s.maxOperatingTempC() + " °C",
                s.maxOperatingTempC() == null ? null : s.maxOperatingTempC() >= 60));
        rows.add(row(13, "≤ 0.0225 lx colour / 0 lx with IR", s.minIlluminationColorLux() == null ? null
                        : s.minIlluminationColorLux() + " lx / " + (s.minIlluminationIrLux() == null ? "?" : s.minIlluminationIrLux()) + " lx",
                s.minIlluminationColorLux() == null || s.minIlluminationIrLux() == null ? null
                        : s.minIlluminationColorLux() <= 0.0225 && s.minIlluminationIrLux() <= 0));
        rows.add(row(14, "ONVIF", str(s.onvif()), s.onvif()));
        rows.add(row(15, "One of EN 60950-1, cUL 60950-1, CAN/CSA-C22.2 No.60950-1-07", list(s.safetyStandards()),
                anyOf(s.safetyStandards(), standard -> SAFETY.contains(upper(standard).replaceAll("\\s+", " ")))));
        return rows;
    }

    private static AppendixIRow row(int number, String requirement, String declared, Boolean pass) {
        Verdict verdict = pass == null ? Verdict.NOT_DECLARED : pass ? Verdict.PASS : Verdict.FAIL;
        return new AppendixIRow(number, "appendix1.row." + number, requirement, declared, verdict);
    }

    /** Optical formats are written 1/x inch; a larger fraction is a larger sensor. */
    static boolean sensorAtLeast(String format, double minimum) {
        String[] parts = format.replace("\"", "").replace("inch", "").strip().split("/");
        try {
            double size = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
                    : Double.parseDouble(parts[0]);
            return size >= minimum - 1e-9;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean backlightPasses(CameraSpecs s) {
        boolean qhd = s.resolutionWidth() != null && s.resolutionHeight() != null
                && s.resolutionWidth() >= 2560 && s.resolutionHeight() >= 1440;
        return s.backlightDb() >= (qhd ? 120 : 146);
    }

    /** IP ratings compare digit by digit: IP68 passes, IP66 does not. */
    static boolean ipAtLeast67(String rating) {
        String digits = rating.toUpperCase(Locale.ROOT).replace("IP", "").strip();
        if (!digits.matches("\\d\\d")) {
            return false;
        }
        return digits.charAt(0) >= '6' && digits.charAt(1) >= '7';
    }

    private static Boolean anyOf(Collection<String> values, Predicate<String> accepted) {
        return values.isEmpty() ? null : values.stream().anyMatch(accepted);
    }

    private static String upper(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static String join(String a, String b) {
        return a == null && b == null ? null : (a == null ? "?" : a) + " " + (b == null ? "?" : b);
    }
}
