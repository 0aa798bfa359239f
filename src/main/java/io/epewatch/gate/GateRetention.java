package io.epewatch.gate;

import java.sql.Timestamp;
import java.time.Period;

import io.epewatch.kernel.database.MonthlyPartitions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gate passages are kept by month for {@code epewatch.retention.gate-events} (five years by default: they are the
 * customs record of what crossed the gate, and cases refer to them); their idempotency keys go with them.
 */
@Component
class GateRetention {

    GateRetention(MonthlyPartitions partitions, JdbcClient jdbc,
                  @Value("${epewatch.retention.gate-events:P5Y}") Period retention) {
        if (retention.toTotalMonths() < 12) {
            throw new IllegalArgumentException("epewatch.retention.gate-events is " + retention
                    + "; gate passages are kept at least 12 months, as the footage they point to (R2.2)");
        }
        partitions.register(new MonthlyPartitions.Table("gate_event", "captured_at", retention));
        partitions.onRetention("gate_event", cutoff -> jdbc.sql("delete from gate_idempotency where created_at < ?")
                .param(Timestamp.from(cutoff)).update());
    }
}
