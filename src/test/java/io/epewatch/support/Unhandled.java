package io.epewatch.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the application has yet to handle: event publications not completed and facts the risk engine has not read. */
public final class Unhandled {

    private Unhandled() {
    }

    public static long count(JdbcClient jdbc) {
        return jdbc.sql("""
                select (select count(*) from event_publication where completion_date is null)
                     + (select count(*) from risk_fact_queue)""").query(Long.class).single();
    }
}
