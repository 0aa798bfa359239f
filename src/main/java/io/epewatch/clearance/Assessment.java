package io.epewatch.clearance;

import java.math.BigDecimal;

/**
 * What the system computes and returns at the provisional registration (VNACCS: the IDC/EDC screen after IDA/EDA):
 * totals, the value in dong, duty and the fee.
 *
 * @param exchangeRate dong per unit of the invoice currency
 * @param dutyVnd      import/export duty; goods of an EPE under its type codes are outside the tariff (non-tariff zone)
 * @param feeVnd       the customs fee per declaration
 */
public record Assessment(int lines, BigDecimal totalValue, String currency, BigDecimal exchangeRate,
                         BigDecimal totalValueVnd, BigDecimal grossWeightKg, BigDecimal dutyVnd, String dutyBasis,
                         BigDecimal feeVnd) {
}
