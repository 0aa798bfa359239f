package io.epewatch.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.AuditVerification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar epewatch.jar verify-audit [--anchor=FILE]}: walks the audit chain against its signed checkpoints
 * (and an anchor kept elsewhere, from {@code audit-anchor}); exit code 3 and the first problem if broken.
 */
@Component
@ConditionalOnProperty(name = "epewatch.command", havingValue = "verify-audit")
class VerifyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditTrail audit;
    private int exitCode;

    VerifyAuditCommand(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<String> anchors = args.getOptionValues("anchor");
        String anchor = anchors == null || anchors.isEmpty() ? null : Files.readString(Path.of(anchors.getFirst()), StandardCharsets.UTF_8);
        AuditVerification result = audit.verify(anchor);
        String against = result.checkpoints() + " signed checkpoint(s)" + (anchor == null ? "" : " including the anchor")
                + (result.latestCheckpoint() == null ? "" : ", the newest of " + result.latestCheckpoint());
        if (result.intact()) {
            System.out.println("Audit trail intact: " + result.recordsChecked() + " records checked against " + against + ".");
        } else {
            System.out.println("Audit trail BROKEN" + (result.firstBrokenRecord() == null ? "" : " at record " + result.firstBrokenRecord())
                    + ": " + result.problem() + " (" + result.recordsChecked() + " records before it are intact; compared with "
                    + against + ").");
            exitCode = 3;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
