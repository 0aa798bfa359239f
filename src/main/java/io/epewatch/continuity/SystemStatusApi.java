package io.epewatch.continuity;

import java.time.Instant;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.intake.DeclarationIntake;
import io.epewatch.intake.IntakeMode;
import io.epewatch.intake.IntakeState;
import io.epewatch.intake.SystemRole;
import io.epewatch.kernel.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where this clearance system stands (R6.1), for anyone, signed in or not: an enterprise's software reads it to know
 * where to send declarations. Customs IT confirms a takeover here.
 */
@RestController
@RequestMapping("/api/v1/system-status")
class SystemStatusApi {

    private final DeclarationIntake intake;
    private final BackupWatch watch;
    private final CurrentCaller caller;

    SystemStatusApi(DeclarationIntake intake, BackupWatch watch, CurrentCaller caller) {
        this.intake = intake;
        this.watch = watch;
        this.caller = caller;
    }

    record SystemStatus(SystemRole role, IntakeMode state, boolean acceptingDeclarations, long epoch, Instant since,
                        String reason) {

        static SystemStatus of(IntakeState s) {
            return new SystemStatus(s.role(), s.mode(), s.accepting(), s.epoch(), s.since(), s.reason());
        }
    }

    @GetMapping
    SystemStatus status() {
        return SystemStatus.of(intake.state());
    }

    /** Customs IT confirms that the backup takes over from a primary it declared down. */
    @PostMapping("/takeover")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    SystemStatus takeOver() {
        IntakeState now = intake.state();
        if (now.role() != SystemRole.BACKUP || now.mode() != IntakeMode.PRIMARY_DOWN) {
            throw new InvalidInputException("state", "takeoverNotDue", "a takeover is confirmed on a backup that has declared the primary down; this is the "
                    + now.role() + " in state " + now.mode(), now.role().name(), now.mode().name());
        }
        IntakeState taken = watch.takeOver(caller.get().name());
        if (taken == null) {
            throw new InvalidInputException("state", "takeoverNotDue", "the primary's last lease may still run, or it asked again: try in a moment",
                    now.role().name(), now.mode().name());
        }
        return SystemStatus.of(taken);
    }
}
