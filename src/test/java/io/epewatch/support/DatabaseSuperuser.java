package io.epewatch.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What someone holding the embedded cluster's superuser password can do — the attacker of the audit tests, and the
 * reader that checks what the application may not: connects with the passwords kept in the data directory.
 */
public final class DatabaseSuperuser {

    private DatabaseSuperuser() {
    }

    public static Connection connect(Path dataDir, String role) throws IOException, SQLException {
        Path cluster = dataDir.resolve("pg");
        Properties passwords = new Properties();
        passwords.load(new StringReader(Files.readString(cluster.resolve("epewatch-credentials.properties"))));
        List<String> pid = Files.readAllLines(cluster.resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres", role,
                passwords.getProperty(role));
    }

    /** A JdbcClient on one connection as the superuser; close the connection when done. */
    public static JdbcClient jdbc(Connection connection) {
        return JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    /** The pid of the running postmaster of a data directory. */
    public static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst().strip());
    }
}
