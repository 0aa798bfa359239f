package io.epewatch.kernel.database;

import javax.sql.DataSource;

/** The PostgreSQL EPE Watch uses: the embedded one, or an external one named by configuration. */
interface Database extends AutoCloseable {

    /** Unpooled connections as the application's role. */
    DataSource applicationConnections();

    /** Unpooled connections as the schema owner, which runs the migrations. */
    DataSource ownerConnections();

    /** The role the application connects as: the migrations grant it what it needs and withhold the rest. */
    String applicationRole();

    /** What to call it in health and logs. */
    String description();

    @Override
    void close();
}
