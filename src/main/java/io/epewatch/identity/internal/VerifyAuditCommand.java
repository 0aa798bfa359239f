package io.epewatch.identity.internal;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.AuditVerification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code java -jar epewatch.jar verify-audit}: walks the audit chain; exit code 3 and the first broken record if broken. */
@Component
@ConditionalOnProperty(name = "epewatch.command", havingValue = "verify-audit")
class VerifyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditTrail audit;
    private int exitCode;

    VerifyAuditCommand(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerification result = audit.verify();
        if (result.intact()) {
            System.out.println("Audit trail intact: " + result.recordsChecked() + " records checked.");
        } else {
            System.out.println("Audit trail BROKEN at record " + result.firstBrokenRecord() + ": " + result.problem()
                    + " (" + result.recordsChecked() + " records before it are intact).");
            exitCode = 3;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
