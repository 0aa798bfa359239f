package io.epewatch.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunisolar calendar, computed — not typed in — for the Vietnamese time zone (UTC+7). A month begins
 * on the day of the new moon in Vietnam; month 11 is the one holding the winter solstice; in a year with thirteen
 * months the leap month is the first one without a principal solar term. Because the day of a new moon depends on
 * the time zone, the Vietnamese calendar differs from the Chinese (UTC+8) in some years (Tết 1985, 2007, 2030).
 *
 * <p>New moons and the sun's longitude follow the series in J. Meeus, <i>Astronomical Algorithms</i> (accurate to a
 * few minutes over 1900–2100, enough to tell the day).
 */
final class LunarCalendar {

    /** Vietnam's offset from UTC, in days. */
    private static final double ZONE = 7 / 24.0;
    private static final double SYNODIC_MONTH = 29.530588853;
    /** The Julian day of the new moon of 1900-01-01, from which new moons are counted. */
    private static final double NEW_MOON_EPOCH = 2415021.076998695;
    private static final long JULIAN_DAY_OF_UNIX_EPOCH = 2440588;

    private LunarCalendar() {
    }

    /**
     * The Gregorian date of a lunar date.
     *
     * @param leap the day is in the leap month numbered {@code month}
     * @throws IllegalArgumentException when the year has no such leap month
     */
    public static LocalDate toSolar(int year, int month, int day, boolean leap) {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("no lunar date " + day + "/" + month + "/" + year);
        }
        long a11 = month < 11 ? month11(year - 1) : month11(year);
        long b11 = month < 11 ? month11(year) : month11(year + 1);
        long k = Math.round((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        int offset = month - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) { // thirteen months between the two solstice months: one is a leap month
            int leapOffset = leapMonthOffset(a11);
            int leapMonth = Math.floorMod(leapOffset - 2, 12) == 0 ? 12 : Math.floorMod(leapOffset - 2, 12);
            if (leap && month != leapMonth) {
                throw new IllegalArgumentException("lunar year " + year + " has no leap month " + month);
            }
            if (leap || offset >= leapOffset) {
                offset++;
            }
        } else if (leap) {
            throw new IllegalArgumentException("lunar year " + year + " has no leap month");
        }
        return fromJulianDay(newMoonDay(k + offset) + day - 1);
    }

    /** Tết: the first day of the lunar year that begins in this Gregorian year. */
    public static LocalDate newYear(int year) {
        return toSolar(year, 1, 1, false);
    }

    /** The day of the new moon number {@code k} (counted from January 1900) in Vietnam, as a Julian day number. */
    static long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + ZONE);
    }

    /** The sun's longitude at the start of a Vietnamese day, as one of the twelve 30° sectors (0 = 0°–30°). */
    static int sunSector(long julianDay) {
        return (int) Math.floor(sunLongitude(julianDay - 0.5 - ZONE) / Math.PI * 6);
    }

    /** The first day of the lunar month 11 (the one holding the winter solstice) of this Gregorian year. */
    static long month11(int year) {
        long off = toJulianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        // past 270° of longitude (the winter solstice) already: the month began one new moon earlier
        return sunSector(newMoon) >= 9 ? newMoonDay(k - 1) : newMoon;
    }

    /** How many months after month 11 the leap month comes: the first month in which the sun enters no new sector. */
    static int leapMonthOffset(long a11) {
        long k = Math.round((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        int i = 1;
        int sector = sunSector(newMoonDay(k + i));
        int last;
        do {
            last = sector;
            i++;
            sector = sunSector(newMoonDay(k + i));
        } while (sector != last && i < 14);
        return i - 1;
    }

    /** The Julian date (UT) of the k-th mean new moon after 1900-01-01, with the main periodic corrections. */
    static double newMoon(long k) {
        double t = k / 1236.85; // Julian centuries since 1900
        double t2 = t * t;
        double t3 = t2 * t;
        double mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
        double sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double correction = (0.1734 - 0.000393 * t) * sin(sunAnomaly) + 0.0021 * sin(2 * sunAnomaly)
                - 0.4068 * sin(moonAnomaly) + 0.0161 * sin(2 * moonAnomaly) - 0.0004 * sin(3 * moonAnomaly)
                + 0.0104 * sin(2 * latitude) - 0.0051 * sin(sunAnomaly + moonAnomaly)
                - 0.0074 * sin(sunAnomaly - moonAnomaly) + 0.0004 * sin(2 * latitude + sunAnomaly)
                - 0.0004 * sin(2 * latitude - sunAnomaly) - 0.0006 * sin(2 * latitude + moonAnomaly)
                + 0.0010 * sin(2 * latitude - moonAnomaly) + 0.0005 * sin(2 * moonAnomaly + sunAnomaly);
        // terrestrial time to universal time
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + correction - deltaT;
    }

    /** The sun's apparent longitude, in radians [0, 2π), at a Julian date. */
    static double sunLongitude(double julianDate) {
        double t = (julianDate - 2451545.0) / 36525; // Julian centuries since J2000
        double t2 = t * t;
        double anomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double mean = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(anomaly)
                + (0.019993 - 0.000101 * t) * sin(2 * anomaly) + 0.000290 * sin(3 * anomaly);
        double longitude = Math.toRadians(mean + centre);
        return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
    }

    static long toJulianDay(LocalDate date) {
        return date.toEpochDay() + JULIAN_DAY_OF_UNIX_EPOCH;
    }

    static LocalDate fromJulianDay(long julianDay) {
        return LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_UNIX_EPOCH);
    }

    private static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }
}
