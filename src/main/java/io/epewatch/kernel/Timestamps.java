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

    private Timestamps() {
    }

    public static Instant parse(String raw) {
        try {
            // PostgreSQL keeps microseconds: truncate now so a stored value compares equal to a re-sent one
            return OffsetDateTime.parse(raw.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 date-time with offset, like 2026-11-23T08:15:00+07:00");
        }
    }

    /** A calendar date as YYYY-MM-DD; the reason is translated for forms ({@code problem.date}). */
    public static java.time.LocalDate date(String raw) {
        try {
            return java.time.LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValue("date", "must be a date (yyyy-mm-dd)");
        }
    }

    /** A month as YYYY-MM. */
    public static java.time.YearMonth month(String raw) {
        try {
            return java.time.YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a month as YYYY-MM, like 2026-12");
        }
    }

    /** A local date and time as YYYY-MM-DDTHH:mm (Vietnam's, where the caller means it so). */
    public static java.time.LocalDateTime localDateTime(String raw) {
        try {
            return java.time.LocalDateTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a local date and time as YYYY-MM-DDTHH:mm, like 2026-12-03T09:30");
        }
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
