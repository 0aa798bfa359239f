package io.epewatch.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One embedded PostgreSQL for several EPE Watch instances, as an operator starts it ({@code java -jar epewatch.jar
 * database}) in its own JVM, and the arguments an instance needs to use it (issue 22).
 */
public final class SharedDatabase implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("runs on 127\\.0\\.0\\.1:(\\d+)");

    private final AppProcess process;
    private final Path dataDir;
    private final List<String> arguments;

    private SharedDatabase(AppProcess process, Path dataDir, List<String> arguments) {
        this.process = process;
        this.dataDir = dataDir;
        this.arguments = arguments;
    }

    /** Starts it with its files in {@code dataDir} and waits until it listens. */
    public static SharedDatabase start(Path dataDir) throws IOException, InterruptedException {
        AppProcess process = AppProcess.start(Files.createDirectories(dataDir), "database", "database");
        int port = -1;
        for (int i = 0; i < 600 && port < 0; i++) {
            Matcher listening = LISTENING.matcher(process.output());
            if (listening.find()) {
                port = Integer.parseInt(listening.group(1));
            } else {
                Thread.sleep(100);
            }
        }
        if (port < 0) {
            process.close();
            throw new IllegalStateException("the shared database did not start: " + process.output());
        }
        Properties passwords = new Properties();
        passwords.load(new StringReader(Files.readString(dataDir.resolve("pg/epewatch-credentials.properties"))));
        List<String> arguments = List.of("--epewatch.db.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "--epewatch.db.username=epewatch_app", "--epewatch.db.password=" + passwords.getProperty("epewatch_app"),
                "--epewatch.db.migration-username=epewatch_owner",
                "--epewatch.db.migration-password=" + passwords.getProperty("epewatch_owner"));
        return new SharedDatabase(process, dataDir, arguments);
    }

    /** What an instance needs to use it: the URL, the application's role and the schema owner, with their passwords. */
    public List<String> arguments() {
        return arguments;
    }

    /** Its data directory, for {@link DatabaseSuperuser}. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
