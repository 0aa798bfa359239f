package io.epewatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The jar's start class, compiled for Java 17 so that {@code java -jar epewatch.jar} works wherever the default
 * {@code java} is older than the application needs (Java 21): it then runs the same command again on a newer JDK
 * ({@code EPEWATCH_JAVA_HOME}, {@code JAVA_HOME}, or the newest under {@code /usr/lib/jvm}), or says what is missing.
 */
public final class Launcher {

    static final int REQUIRED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() >= REQUIRED) {
            // reflection: this class must load on Java 17, the application's classes need 21
            Class.forName("io.epewatch.EpeWatchApplication").getMethod("main", String[].class).invoke(null, (Object) args);
            return;
        }
        Optional<Path> java = newerJava();
        List<String> command = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        if (java.isEmpty() || command.isEmpty()) {
            System.err.println("EPE Watch needs Java " + REQUIRED + " or newer; this is Java " + Runtime.version().feature()
                    + ". Install a JDK " + REQUIRED + "+ (e.g. apt-get install openjdk-21-jdk-headless) or point "
                    + "EPEWATCH_JAVA_HOME at one.");
            System.exit(1);
        }
        List<String> again = new ArrayList<>();
        again.add(java.get().toString());
        again.addAll(command);
        Process process = new ProcessBuilder(again).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.exit(process.waitFor());
    }

    private static Optional<Path> newerJava() throws IOException {
        for (String variable : new String[] {"EPEWATCH_JAVA_HOME", "JAVA_HOME"}) {
            String home = System.getenv(variable);
            if (home != null && featureOf(Path.of(home)) >= REQUIRED) {
                return Optional.of(Path.of(home, "bin", "java"));
            }
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureOf(home) >= REQUIRED)
                    .max(Comparator.comparingInt(Launcher::featureOf))
                    .map(home -> home.resolve("bin/java"));
        }
    }

    /** The major version from a JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}), or 0. */
    static int featureOf(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = version.startsWith("1.") ? version.substring(2) : version;
                    return Integer.parseInt(major.split("[.\\-+]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
