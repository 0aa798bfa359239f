package io.epewatch;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * EPE Watch. {@code java -jar epewatch.jar} runs the server. Commands run and exit: {@code create-admin --username=NAME}
 * creates the first system administrator (there is no default password in production), {@code rotate-vault-key}
 * re-seals secrets with a new key, {@code verify-audit} checks the audit chain against its signed checkpoints,
 * {@code audit-anchor} prints the newest checkpoint to keep elsewhere, {@code replay} replays the risk
 * engine's fact log and compares its warnings with the stored ones. {@code database} runs only the embedded
 * PostgreSQL, for several instances on one machine to share.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EpeWatchApplication {

    /** Commands run without the web server and exit: see README, "Operations". */
    static final java.util.Set<String> COMMANDS = java.util.Set.of("create-admin", "rotate-vault-key", "verify-audit", "audit-anchor",
            "replay");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("database")) {
            io.epewatch.kernel.database.DatabaseCommand.run(args);
            return;
        }
        if (args.length > 0 && args[0].equals("verify-export")) {
            System.exit(verifyExport(args));
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            SpringApplication command = new SpringApplication(EpeWatchApplication.class);
            command.setWebApplicationType(WebApplicationType.NONE);
            command.setAdditionalProfiles("command");
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            System.exit(SpringApplication.exit(command.run(withCommand(args[0], rest))));
        }
        SpringApplication.run(EpeWatchApplication.class, args);
    }

    /** Checks an export package offline: no database, no server. */
    private static int verifyExport(String[] args) throws java.io.IOException {
        if (args.length < 2) {
            System.err.println("usage: java -jar epewatch.jar verify-export PACKAGE.zip");
            return 2;
        }
        io.epewatch.evidence.ExportVerifier.Result result = io.epewatch.evidence.ExportVerifier.verify(java.nio.file.Path.of(args[1]));
        System.out.println((result.valid() ? "Package valid: " : "Package INVALID: ") + result.files() + " files, signed by key "
                + result.signingKeyFingerprint());
        result.problems().forEach(problem -> System.out.println("  " + problem));
        return result.valid() ? 0 : 3;
    }

    private static String[] withCommand(String command, String[] args) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--epewatch.command=" + command;
        return all;
    }
}
