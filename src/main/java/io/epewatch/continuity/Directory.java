package io.epewatch.continuity;

import java.util.List;

import io.epewatch.clearance.ClearanceDirectory;
import io.epewatch.identity.AccountDirectory;
import io.epewatch.registry.EnterpriseDirectory;

/**
 * What the primary sends the backup so that the same people may do the same things there (R6.3) and declarations are
 * checked as on the primary (R6.4): units and accounts, enterprises with their managing units, registered goods and
 * standings. Each module exports and mirrors its own part.
 */
record Directory(AccountDirectory.Snapshot accounts, List<EnterpriseDirectory.Entry> enterprises,
                 ClearanceDirectory.Snapshot clearance) {

    /** What a mirror changed on the backup. */
    record Applied(AccountDirectory.Mirrored accounts, int enterprises, int clearance) {

        boolean changed() {
            return accounts.changed() || enterprises + clearance > 0;
        }
    }
}
