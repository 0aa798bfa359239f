package io.epewatch.kernel.database;

import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A PostgreSQL run by the operator: two roles (docs/security.md), or one when no migration account is given. */
record ExternalDatabase(DatabaseProperties.Db db) implements Database {

    @Override
    public DataSource applicationConnections() {
        return connections(db.username(), db.password());
    }

    @Override
    public DataSource ownerConnections() {
        return blank(db.migrationUsername()) ? applicationConnections() : connections(db.migrationUsername(), db.migrationPassword());
    }

    @Override
    public String applicationRole() {
        return db.username();
    }

    @Override
    public String description() {
        return "external PostgreSQL";
    }

    @Override
    public void close() {
        // the operator's server runs on
    }

    private DataSource connections(String username, String password) {
        DriverManagerDataSource source = new DriverManagerDataSource(db.url(), username, password);
        Properties timeouts = new Properties();
        timeouts.setProperty("connectTimeout", "2");
        timeouts.setProperty("tcpKeepAlive", "true");
        source.setConnectionProperties(timeouts);
        return source;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
