package io.epewatch.identity.internal;

import io.epewatch.identity.AuditTrail;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar epewatch.jar audit-anchor > anchor.json}: writes a checkpoint of the audit trail as it stands and
 * prints it — one signed line to keep away from this installation (another machine, paper, an e-mail to the
 * inspectorate). {@code verify-audit --anchor=anchor.json} later proves the trail up to it was not rewritten, even by
 * someone who also controls this machine's files.
 */
@Component
@ConditionalOnProperty(name = "epewatch.command", havingValue = "audit-anchor")
class AuditAnchorCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditTrail audit;
    private int exitCode;

    AuditAnchorCommand(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        audit.anchor().ifPresentOrElse(System.out::println, () -> {
            System.err.println("No anchor: the audit trail is empty, or it no longer continues its last checkpoint "
                    + "(run verify-audit).");
            exitCode = 3;
        });
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
