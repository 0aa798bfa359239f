package io.epewatch.declaration;

import java.math.BigDecimal;

/** One goods line of a declaration: what, under which HS code, how much (R5.1). */
public record GoodsLine(int line, String hsCode, String description, BigDecimal quantity, String unit,
                        BigDecimal netWeightKg, BigDecimal grossWeightKg) {
}
