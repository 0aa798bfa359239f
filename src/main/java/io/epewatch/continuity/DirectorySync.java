package io.epewatch.continuity;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.epewatch.intake.DeclarationIntake;
import io.epewatch.intake.IntakeMode;
import io.epewatch.intake.PairSettings;
import io.epewatch.intake.SystemRole;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The primary sends its {@link Directory} — units, accounts, enterprises, registered goods — to the backup (R6.3,
 * R6.4) every {@code epewatch.pair.directory-sync} while it holds the lease: never while the backup takes
 * declarations, when what the backup's administrators change there is what counts. The backup writes only what
 * differs; a directory that changed nothing leaves no trace. In the same tick the primary brings back the outage
 * notices published on the backup (R5.9).
 */
@Component
class DirectorySync {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);

    private final DeclarationIntake intake;
    private final DirectoryMirror directory;
    private final PairChannel backup;
    private final OutageNotices notices;
    private ScheduledExecutorService ticker;
    private boolean failing;

    DirectorySync(DeclarationIntake intake, DirectoryMirror directory, PairChannel backup, OutageNotices notices) {
        this.notices = notices;
        this.intake = intake;
        this.directory = directory;
        this.backup = backup;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        PairSettings settings = intake.settings();
        if (settings.role() != SystemRole.PRIMARY || settings.peer() == null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("directory-sync").daemon().factory());
        long every = settings.directorySync().toMillis();
        ticker.scheduleWithFixedDelay(this::send, Math.min(every, 2_000), every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    void send() {
        if (intake.state().mode() != IntakeMode.ACCEPTING) {
            return;
        }
        try {
            Directory.Applied mirrored = backup.directory(directory.export());
            if (failing) {
                LOG.warn("The directory reaches the backup again");
                failing = false;
            }
            if (mirrored.changed()) {
                LOG.info("Directory sent to the backup: {}", mirrored);
            }
            int kept = notices.keepFromBackup(backup.notices());
            if (kept > 0) {
                LOG.info("{} outage notices published on the backup now show here too", kept);
            }
            if (mirrored.accounts().keptLocal() > 0) {
                LOG.debug("{} accounts of the primary have a namesake made on the backup, which keeps its own",
                        mirrored.accounts().keptLocal());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!failing) {
                LOG.warn("Cannot send the directory to the backup ({}); trying again in {}", e.toString(), intake.settings().directorySync());
                failing = true;
            }
        }
    }
}
