package io.epewatch.tracking;

import java.time.Period;

import io.epewatch.kernel.database.MonthlyPartitions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * GPS positions are kept by month for {@code epewatch.retention.positions} (12 months by default). They are most of
 * the database at national scale (docs/deployment.md): a month's partition is dropped whole when it expires.
 */
@Component
class PositionRetention {

    PositionRetention(MonthlyPartitions partitions, @Value("${epewatch.retention.positions:P12M}") Period retention) {
        if (retention.toTotalMonths() < 1) {
            throw new IllegalArgumentException("epewatch.retention.positions is " + retention
                    + "; keep positions at least a month (P1M): trips and their warnings read them back");
        }
        partitions.register(new MonthlyPartitions.Table("vehicle_position", "at", retention));
    }
}
