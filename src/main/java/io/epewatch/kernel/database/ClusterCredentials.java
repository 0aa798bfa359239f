package io.epewatch.kernel.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;

/**
 * The passwords of the embedded cluster's three roles, generated at its creation and kept beside its files in
 * {@code epewatch-credentials.properties} (mode 0600): the superuser, used only to set the other two up; the schema
 * owner, which runs the migrations; and the application's role, which may not change the audit trail. Never logged.
 */
record ClusterCredentials(String superuser, String owner, String application) {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "epewatch_owner";
    static final String APPLICATION = "epewatch_app";
    static final String FILE = "epewatch-credentials.properties";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    static ClusterCredentials generate() {
        return new ClusterCredentials(password(), password(), password());
    }

    static Optional<ClusterCredentials> read(Path clusterDir) throws IOException {
        Path file = clusterDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));
        return Optional.of(new ClusterCredentials(properties.getProperty(SUPERUSER), properties.getProperty(OWNER),
                properties.getProperty(APPLICATION)));
    }

    void write(Path clusterDir) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(SUPERUSER, superuser);
        properties.setProperty(OWNER, owner);
        properties.setProperty(APPLICATION, application);
        StringWriter text = new StringWriter();
        properties.store(text, "Passwords of the embedded PostgreSQL's roles (keep this file private; back it up with the data)");
        DataDirectories.writeSecret(clusterDir.resolve(FILE), text.toString());
    }

    /** 24 characters from 57 unambiguous letters and digits: about 140 bits, nothing a SQL literal must escape. */
    private static String password() {
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    @Override
    public String toString() {
        return "ClusterCredentials[***]";
    }
}
