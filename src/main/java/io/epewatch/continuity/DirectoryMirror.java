package io.epewatch.continuity;

import io.epewatch.clearance.ClearanceDirectory;
import io.epewatch.identity.AccountDirectory;
import io.epewatch.registry.EnterpriseDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Both ends of {@link Directory}: the primary exports it from each module; the backup applies all of it in one
 * transaction, units first (enterprises name theirs).
 */
@Service
class DirectoryMirror {

    private final AccountDirectory accounts;
    private final EnterpriseDirectory enterprises;
    private final ClearanceDirectory clearance;

    DirectoryMirror(AccountDirectory accounts, EnterpriseDirectory enterprises, ClearanceDirectory clearance) {
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.clearance = clearance;
    }

    Directory export() {
        return new Directory(accounts.export(), enterprises.export(), clearance.export());
    }

    @Transactional
    Directory.Applied apply(Directory directory) {
        AccountDirectory.Mirrored people = accounts.mirror(directory.accounts());
        int firms = enterprises.mirror(directory.enterprises());
        return new Directory.Applied(people, firms, clearance.mirror(directory.clearance()));
    }
}
