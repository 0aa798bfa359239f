package io.epewatch.continuity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.epewatch.clearance.DossierJournal;
import io.epewatch.identity.AuditTrail;
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
 * The primary's side of the pair (R6.1): it asks the backup for its lease several times a lease, and takes
 * declarations only while it holds one. Refused because the backup has taken over, it takes back what the backup
 * accepted — the backup stops first — and then holds the lease again. A primary that cannot reach its backup lets
 * its lease run out: it cannot tell a dead backup from one that has taken over.
 */
@Component
class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    private static final int PAGE = 100;

    private final DeclarationIntake intake;
    private final DossierJournal journal;
    private final AuditTrail audit;
    private ScheduledExecutorService ticker;
    private final PairChannel backup;
    private boolean unreachable;

    LeaseKeeper(DeclarationIntake intake, DossierJournal journal, AuditTrail audit, PairChannel backup) {
        this.backup = backup;
        this.intake = intake;
        this.journal = journal;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        PairSettings settings = intake.settings();
        if (settings.role() != SystemRole.PRIMARY || settings.peer() == null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("primary-lease").daemon().factory());
        long every = Math.max(50, settings.lease().toMillis() / 4);
        ticker.scheduleWithFixedDelay(this::renew, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    void renew() {
        long asked = System.nanoTime();
        try {
            Grant grant = backup.lease(intake.state().epoch());
            if (unreachable) {
                LOG.warn("The backup answers again");
                unreachable = false;
            }
            if (grant.granted()) {
                intake.leaseGranted(grant.epoch(), asked + grant.leaseMillis() * 1_000_000L);
            } else {
                intake.leaseLost();
                LOG.warn("The backup holds the intake ({}, epoch {}): taking back what it accepted", grant.backupMode(), grant.epoch());
                recover();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!unreachable) {
                LOG.warn("Cannot reach the backup ({}); the lease runs out unless it answers", e.toString());
                unreachable = true;
            }
        }
    }

    /**
     * The backup stops; its journal is applied page by page, each page with how far it got, so a primary that dies
     * half-way starts again where it stopped; then the backup hands back and grants the lease.
     */
    private void recover() throws Exception {
        intake.recovering(true);
        try {
            Grant stopped = backup.handBack();
            if (stopped.backupMode() != IntakeMode.HANDING_BACK && stopped.backupMode() != IntakeMode.STANDBY) {
                LOG.warn("The backup did not stop ({}); trying again", stopped.backupMode());
                return;
            }
            int applied = 0;
            long upTo = intake.state().journalApplied();
            while (true) {
                List<DossierJournal.Entry> page = backup.journal(upTo, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                applied += journal.apply(page);
                upTo = page.getLast().seq();
            }
            long asked = System.nanoTime();
            Grant grant = backup.handedBack(upTo);
            if (!grant.granted()) {
                LOG.warn("The backup has not handed back yet ({}); trying again", grant.backupMode());
                return;
            }
            audit.recordAlone("system", AuditTrail.Actions.PAIR_STATE_CHANGED, null, "system:primary",
                    Map.of("mode", IntakeMode.ACCEPTING.name(), "epoch", grant.epoch(), "declarationsTakenBack", applied,
                            "journal", upTo));
            intake.leaseGranted(grant.epoch(), asked + grant.leaseMillis() * 1_000_000L);
            LOG.warn("Took back {} declarations from the backup (journal up to {}); taking declarations again (epoch {})",
                    applied, upTo, grant.epoch());
        } finally {
            intake.recovering(false);
        }
    }
}
