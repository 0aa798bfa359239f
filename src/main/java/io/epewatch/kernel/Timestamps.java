package io.epewatch.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Parsing of the instants feeds send: ISO-8601 with an offset, never a bare local time whose zone is a guess. */
public final class Timestamps {

    /** How far ahead of our clock a sender's clock may run before its timestamps are refused. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(15);

    /**
     * Instants outside this window are refused wherever they are sent: nothing EPE Watch keeps happened before 2000
     * or is due after 2099 (a transit deadline), and a year 0001 or +999999999 is a sender's bug, not a date to store.
     */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    /** Calendar dates (holidays, plans) may reach further, but not past what PostgreSQL and the calendar compute. */
    private static final java.time.LocalDate FIRST_DATE = java.time.LocalDate.of(1900, 1, 1);
    private static final java.time.LocalDate LAST_DATE = java.time.LocalDate.of(2199, 12, 31);

    private Timestamps() {
    }

    public static Instant parse(String raw) {
        Instant instant;
        try {
            // PostgreSQL keeps microseconds: truncate now so a stored value compares equal to a re-sent one
            instant = OffsetDateTime.parse(raw.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (java.time.DateTimeException e) {
            throw new InvalidValue("dateTime", "must be an ISO-8601 date-time with offset, like 2026-11-23T08:15:00+07:00");
        }
        return plausible(instant);
    }

    /** Refuses an instant outside {@link #EARLIEST} … {@link #LATEST}, naming the window. */
    public static Instant plausible(Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new IllegalArgumentException("is outside the plausible range 2000-01-01 to 2099-12-31 (" + instant + ")");
        }
        return instant;
    }

    /** A calendar date as YYYY-MM-DD; the reason is translated for forms ({@code problem.date}). */
    public static java.time.LocalDate date(String raw) {
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValue("date", "must be a date (yyyy-mm-dd)");
        }
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new InvalidValue("date", "must be a date (yyyy-mm-dd)");
        }
        return date;
    }

    /** A month as YYYY-MM. */
    public static java.time.YearMonth month(String raw) {
        try {
            java.time.YearMonth month = java.time.YearMonth.parse(raw.strip());
            if (month.getYear() < FIRST_DATE.getYear() || month.getYear() > LAST_DATE.getYear()) {
                throw new IllegalArgumentException("must be a month between 1900 and 2199");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a month as YYYY-MM, like 2026-12");
        }
    }

    /** A local date and time as YYYY-MM-DDTHH:mm (Vietnam's, where the caller means it so). */
    public static java.time.LocalDateTime localDateTime(String raw) {
        try {
            java.time.LocalDateTime local = java.time.LocalDateTime.parse(raw.strip());
            if (local.getYear() < FIRST_DATE.getYear() || local.getYear() > LAST_DATE.getYear()) {
                throw new IllegalArgumentException("must be a date and time between 1900 and 2199");
            }
            return local;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a local date and time as YYYY-MM-DDTHH:mm, like 2026-12-03T09:30");
        }
    }

    /**
     * What a browser's date-time field sends (no offset) as the Vietnam time the officer or declarant typed;
     * anything else (blank, already with an offset) as it came, for {@link #parse} to judge.
     */
    public static String withVietnamOffset(String local) {
        return local == null || local.isBlank() || local.length() > 19 || local.contains("+") || local.endsWith("Z")
                ? local : local + (local.length() == 16 ? ":00" : "") + "+07:00";
    }

    /** A time of day as HH:mm. */
    public static java.time.LocalTime timeOfDay(String raw) {
        try {
            return java.time.LocalTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a time of day as HH:mm, like 07:30");
        }
    }

    /** Parses an instant of a query or form field, refusing a bad one as {@link InvalidInputException} naming the field. */
    public static Instant parseAny(String raw, String field) {
        try {
            return parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    /** Parses and refuses instants in the future beyond {@link #CLOCK_TOLERANCE}. */
    public static Instant parsePast(String raw, Clock clock) {
        Instant instant = parse(raw);
        if (instant.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            throw new IllegalArgumentException("is in the future (" + raw.strip() + "); check the sender's clock");
        }
        return instant;
    }
}
