package io.epewatch.risk.live;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar epewatch.jar replay}: replays the whole fact log ({@link Replay}); exit code 3 and the differences
 * when the warnings it gives are not the stored ones.
 */
@Component
@ConditionalOnProperty(name = "epewatch.command", havingValue = "replay")
class ReplayCommand implements ApplicationRunner, ExitCodeGenerator {

    private final Replay replay;
    private int exitCode;

    ReplayCommand(Replay replay) {
        this.replay = replay;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> differences = replay.differences();
        if (differences.isEmpty()) {
            System.out.println("Replay of " + replay.facts() + " facts gives the stored warnings exactly.");
        } else {
            System.out.println("Replay DIFFERS from the stored warnings in " + differences.size() + " places:");
            differences.stream().limit(50).forEach(d -> System.out.println("  " + d));
            exitCode = 3;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
