package io.epewatch.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;

import io.epewatch.kernel.IntakeClosedException;
import jakarta.annotation.PostConstruct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether this instance takes declarations now, checked in every transaction that writes a declaration (R6.1). On a
 * backup the check holds a lock shared until the commit, so a hand-back, which takes it exclusively, waits for every
 * declaration already admitted and lets none in after it. On a primary the lease is checked when the write
 * starts and again just before it commits.
 */
@Service
public class DeclarationIntake {

    /** Admissions hold it shared, changes of state exclusively. */
    private static final long INTAKE_LOCK = 0x494E54414B45L;

    private final JdbcClient jdbc;
    private final PairSettings settings;
    private final Clock clock;
    private final PrimaryLease lease = new PrimaryLease();
    private volatile boolean recovering;

    DeclarationIntake(JdbcClient jdbc, PairSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The state row follows the configured role: a role changed by configuration starts from its first mode. */
    @PostConstruct
    void settle() {
        IntakeMode first = settings.role() == SystemRole.BACKUP ? IntakeMode.STANDBY : IntakeMode.FENCED;
        jdbc.sql("""
                        insert into intake_state (id, role, mode, epoch, since, reason, changed_by) values (1, ?, ?, 1, ?, 'first start', 'system')
                        on conflict (id) do update set role = excluded.role, mode = excluded.mode, since = excluded.since,
                            reason = 'the role was changed by configuration', changed_by = 'system'
                        where intake_state.role is distinct from excluded.role""")
                .params(settings.role().name(), first.name(), Timestamp.from(clock.instant())).update();
    }

    public SystemRole role() {
        return settings.role();
    }

    public PairSettings settings() {
        return settings;
    }

    /** Refuses, with the state named, unless this instance takes declarations now; joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void admit() {
        if (settings.role() == SystemRole.BACKUP) {
            // shared, until the commit; a hand-back waits for it exclusively, and no admission queues past a waiting
            // hand-back (a row lock shared by a stream of writers would starve it). Read after the lock: the state then.
            jdbc.sql("select pg_advisory_xact_lock_shared(?)").param(INTAKE_LOCK).query(Object.class).single();
            IntakeState state = jdbc.sql("select * from intake_state where id = 1").query(this::toState).single();
            if (!state.accepting()) {
                throw closed(state);
            }
            return;
        }
        if (!settings.paired()) {
            return;
        }
        if (!primaryAccepting()) {
            throw closed(state());
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!primaryAccepting()) {
                    throw closed(state()); // the lease ran out while this write was on its way: it never happened
                }
            }
        });
    }

    private boolean primaryAccepting() {
        return !recovering && lease.valid();
    }

    public IntakeState state() {
        IntakeState row = jdbc.sql("select * from intake_state where id = 1").query(this::toState).single();
        if (settings.role() == SystemRole.BACKUP) {
            return row;
        }
        IntakeMode mode = !settings.paired() || primaryAccepting() ? IntakeMode.ACCEPTING
                : recovering ? IntakeMode.RECOVERING : IntakeMode.FENCED;
        return new IntakeState(row.role(), mode, row.epoch(), row.since(), row.reason(), row.changedBy(), row.journalApplied());
    }

    /**
     * Moves a backup from one of {@code from} to {@code to}, under the intake's exclusive lock (which waits for every
     * declaration admitted before); a raised epoch tells this state apart from every one before it. Null when the
     * backup was not in one of {@code from}.
     */
    @Transactional
    public IntakeState move(Set<IntakeMode> from, IntakeMode to, boolean raiseEpoch, String reason, String by) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(INTAKE_LOCK).query(Object.class).single();
        IntakeState now = jdbc.sql("select * from intake_state where id = 1 for update").query(this::toState).single();
        if (!from.contains(now.mode())) {
            return null;
        }
        jdbc.sql("update intake_state set mode = ?, epoch = epoch + ?, since = ?, reason = ?, changed_by = ? where id = 1")
                .params(to.name(), raiseEpoch ? 1 : 0, Timestamp.from(clock.instant()), reason, by).update();
        return state();
    }

    /** A primary granted the lease until {@code untilNanos} (monotonic), in the backup's epoch. */
    public void leaseGranted(long epoch, long untilNanos) {
        adoptEpoch(epoch);
        lease.extend(untilNanos);
    }

    /** A primary refused the lease, or gone too long without it. */
    public void leaseLost() {
        lease.drop();
    }

    /** A primary taking back the backup's declarations: it takes none of its own meanwhile. */
    public void recovering(boolean now) {
        recovering = now;
        if (now) {
            lease.drop();
        }
    }

    /** A primary has applied the backup's journal up to {@code seq}: kept in the same transaction as what it applied. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void journalApplied(long seq) {
        jdbc.sql("update intake_state set journal_applied = greatest(journal_applied, ?) where id = 1").param(seq).update();
    }

    private void adoptEpoch(long epoch) {
        jdbc.sql("update intake_state set epoch = ?, since = ?, reason = 'lease granted by the backup', changed_by = 'backup' where id = 1 and epoch <> ?")
                .params(epoch, Timestamp.from(clock.instant()), epoch).update();
    }

    private IntakeClosedException closed(IntakeState state) {
        String why = switch (state.mode()) {
            case STANDBY -> "this is the backup system and the primary is up: send declarations to the primary";
            case PRIMARY_DOWN -> "this is the backup system; the primary is not answering and the takeover waits for customs IT to confirm it";
            case HANDING_BACK -> "this is the backup system handing back to the primary, which takes declarations again in a moment";
            case FENCED -> "this primary has no lease from the backup system, which may be taking declarations: send them to the backup";
            case RECOVERING -> "this primary is taking back what the backup system accepted and takes declarations again in a moment";
            case ACCEPTING -> "this system is taking declarations";
        };
        return new IntakeClosedException(state.role().name(), state.mode().name(), state.epoch(), why);
    }

    private IntakeState toState(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new IntakeState(SystemRole.valueOf(rs.getString("role")), IntakeMode.valueOf(rs.getString("mode")),
                rs.getLong("epoch"), rs.getTimestamp("since").toInstant(), rs.getString("reason"),
                rs.getString("changed_by"), rs.getLong("journal_applied"));
    }
}
