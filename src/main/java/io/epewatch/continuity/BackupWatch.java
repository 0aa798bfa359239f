package io.epewatch.continuity;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.epewatch.clearance.DossierJournal;
import io.epewatch.identity.AuditTrail;
import io.epewatch.intake.DeclarationIntake;
import io.epewatch.intake.IntakeMode;
import io.epewatch.intake.IntakeState;
import io.epewatch.intake.PairSettings;
import io.epewatch.intake.SystemRole;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup's side of the pair (R6.1): it grants the primary its lease, declares the primary down when it stops
 * asking for longer than the watch window, takes over (at once, or when customs IT confirms), and hands back when the
 * primary returns. Grants and takeovers are decided one at a time, so a grant can never follow a takeover.
 */
@Component
class BackupWatch {

    private static final Logger LOG = LoggerFactory.getLogger(BackupWatch.class);
    private static final String SYSTEM = "system";

    private final DeclarationIntake intake;
    private final DossierJournal journal;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final PairSettings settings;
    private final OutageNotices notices;
    private long lastHeard = System.nanoTime();
    private ScheduledExecutorService ticker;

    BackupWatch(DeclarationIntake intake, DossierJournal journal, AuditTrail audit, TransactionTemplate transactions,
                OutageNotices notices) {
        this.notices = notices;
        this.intake = intake;
        this.journal = journal;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = intake.settings();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (settings.role() != SystemRole.BACKUP) {
            return;
        }
        synchronized (this) {
            lastHeard = System.nanoTime(); // a backup that just started gives the primary a whole window
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("backup-watch").daemon().factory());
        long every = Math.max(50, settings.lease().toMillis() / 10);
        ticker.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** The primary asks for its lease: granted unless this backup has taken over; a primary back before the takeover was confirmed cancels it. */
    synchronized Grant lease() {
        IntakeState state = intake.state();
        if (state.mode() == IntakeMode.PRIMARY_DOWN) {
            state = transition(Set.of(IntakeMode.PRIMARY_DOWN), IntakeMode.STANDBY, false,
                    "the primary asked for its lease again before the takeover was confirmed", SYSTEM);
            if (state != null) {
                notices.primaryBackBeforeTakeover(state.epoch(), state.since());
            } else {
                state = intake.state();
            }
        }
        if (state.mode() != IntakeMode.STANDBY) {
            return new Grant(false, state.epoch(), state.mode(), 0);
        }
        lastHeard = System.nanoTime();
        return new Grant(true, state.epoch(), state.mode(), settings.lease().toMillis());
    }

    synchronized void watch() {
        try {
            IntakeState state = intake.state();
            Duration silent = Duration.ofNanos(System.nanoTime() - lastHeard);
            if (state.mode() == IntakeMode.STANDBY && silent.compareTo(settings.watchWindow()) > 0) {
                LOG.warn("The primary has not asked for its lease for {} ms: declared down", silent.toMillis());
                IntakeState down = transition(Set.of(IntakeMode.STANDBY), IntakeMode.PRIMARY_DOWN, true,
                        "the primary has not renewed its lease for " + silent.toMillis() + " ms", SYSTEM);
                if (down != null) {
                    // R5.9: the outage notice is drafted now, due within 2 hours (or 2 hours into the next working day)
                    notices.draft(OutageNotices.Kind.OUTAGE, down.epoch(), down.since());
                }
                if (settings.takeover() == PairSettings.Takeover.AUTOMATIC) {
                    takeOver(SYSTEM);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("The backup's watch failed this time: {}", e.toString());
        }
    }

    /**
     * Takes declarations from now on, in a new epoch: automatically, or when customs IT confirms. Only on a backup that
     * has declared the primary down, and never while a lease it granted may still run; null otherwise.
     */
    synchronized IntakeState takeOver(String by) {
        if (settings.role() != SystemRole.BACKUP || System.nanoTime() - lastHeard < settings.lease().toNanos()) {
            return null;
        }
        IntakeState taken = transition(Set.of(IntakeMode.PRIMARY_DOWN), IntakeMode.ACCEPTING, true,
                SYSTEM.equals(by) ? "took over automatically: the primary is down" : "took over: confirmed by " + by, by);
        if (taken != null) {
            LOG.warn("The backup takes declarations from now on (epoch {})", taken.epoch());
        }
        return taken;
    }

    /** The primary is back: stop taking declarations. Returns once every declaration admitted before has committed. */
    synchronized Grant handBack() {
        IntakeState state = transition(Set.of(IntakeMode.ACCEPTING), IntakeMode.HANDING_BACK, false,
                "the primary is back and takes back what the backup accepted", SYSTEM);
        IntakeState now = state != null ? state : intake.state();
        return new Grant(false, now.epoch(), now.mode(), 0);
    }

    /**
     * The primary has applied the journal up to {@code applied}. When that is all of it, the backup's declarations are
     * the primary's from now on, the backup stands by in a new epoch and grants the primary its lease.
     */
    synchronized Grant handedBack(long applied) {
        IntakeState state = intake.state();
        if (state.mode() != IntakeMode.HANDING_BACK || applied < journal.last()) {
            return new Grant(false, state.epoch(), state.mode(), 0);
        }
        IntakeState standing = transactions.execute(tx -> {
            int handed = journal.handOver();
            IntakeState moved = intake.move(Set.of(IntakeMode.HANDING_BACK), IntakeMode.STANDBY, true,
                    "handed back to the primary: " + handed + " declarations continue there", SYSTEM);
            audit.record(SYSTEM, AuditTrail.Actions.PAIR_STATE_CHANGED, null, "system:backup",
                    Map.of("mode", IntakeMode.STANDBY.name(), "epoch", moved.epoch(), "handedOver", handed, "journal", applied));
            return moved;
        });
        lastHeard = System.nanoTime();
        notices.draft(OutageNotices.Kind.RESTORED, standing.epoch(), standing.since());
        LOG.warn("Handed back to the primary (epoch {})", standing.epoch());
        return new Grant(true, standing.epoch(), standing.mode(), settings.lease().toMillis());
    }

    private IntakeState transition(Set<IntakeMode> from, IntakeMode to, boolean raiseEpoch, String reason, String by) {
        return transactions.execute(tx -> {
            IntakeState moved = intake.move(from, to, raiseEpoch, reason, by);
            if (moved != null) {
                audit.record(by, AuditTrail.Actions.PAIR_STATE_CHANGED, null, "system:backup",
                        Map.of("mode", to.name(), "epoch", moved.epoch(), "reason", reason));
            }
            return moved;
        });
    }
}
