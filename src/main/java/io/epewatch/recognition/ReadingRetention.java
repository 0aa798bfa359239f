package io.epewatch.recognition;

import java.sql.Timestamp;

import io.epewatch.kernel.database.MonthlyPartitions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A passage's readings go when the passage does (its month dropped by the gate events' retention). */
@Component
class ReadingRetention {

    ReadingRetention(MonthlyPartitions partitions, JdbcClient jdbc) {
        partitions.onRetention("gate_event", cutoff -> jdbc.sql("delete from gate_reading where captured_at < ?")
                .param(Timestamp.from(cutoff)).update());
    }
}
