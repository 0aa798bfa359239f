package io.epewatch.calendar;

import java.time.LocalDate;

/**
 * A change to the working calendar that the government announces each year — an extra day off, or a weekend day
 * worked instead (a swap) — entered by an administrator with the document it comes from.
 *
 * @param dayOff true for a day off, false for a day worked
 * @param source the announcement, e.g. "Thông báo 6150/TB-LĐTBXH ngày 14/11/2024"
 */
public record Adjustment(LocalDate date, boolean dayOff, String reason, String source) {
}
