package io.epewatch.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.AuditTrail.Actions;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.SealedSecrets;
import io.epewatch.identity.SecondFactor;
import io.epewatch.identity.Vault;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts an EPE hands over for its cameras (R2.2), sealed by the vault (R3.1). Nobody reads them back except:
 * the system, connecting on an officer's behalf ({@link #useFor}), and an officer who reveals one with a second factor
 * and a reason. Every store, use and reveal is audited; the secret itself never reaches a log or an API answer.
 */
@Service
public class CameraCredentials implements SealedSecrets {

    /** What may be shown about a stored credential: that it exists, who set it and when. */
    public record Status(boolean stored, String updatedBy, Instant updatedAt) {
    }

    /** An opened credential; {@code toString} hides the password so it cannot slip into a log. */
    public record Credential(String username, String password) {
        @Override
        public String toString() {
            return "Credential[" + username + ", ****]";
        }
    }

    private final JdbcClient jdbc;
    private final SiteDiagram diagram;
    private final Vault vault;
    private final SecondFactor secondFactor;
    private final AuditTrail audit;
    private final Clock clock;

    CameraCredentials(JdbcClient jdbc, SiteDiagram diagram, Vault vault, SecondFactor secondFactor, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.diagram = diagram;
        this.vault = vault;
        this.secondFactor = secondFactor;
        this.audit = audit;
        this.clock = clock;
    }

    public Status status(Caller caller, String taxCode, String number) {
        Camera camera = camera(caller, taxCode, number);
        return jdbc.sql("select updated_by, updated_at from camera_credential where camera_id = ?").param(camera.id())
                .query((rs, n) -> new Status(true, rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .optional().orElse(new Status(false, null, null));
    }

    @Transactional
    public void store(Caller caller, String taxCode, String number, String username, String password) {
        Camera camera = camera(caller, taxCode, number);
        if (!caller.isCustoms() && !(caller.has(Role.EPE_USER) && taxCode.equals(caller.access().enterpriseTaxCode()))) {
            throw new AccessDeniedException("you may not set this camera's credentials");
        }
        InputCheck check = new InputCheck();
        check.require("username", username);
        check.maxLength("username", username, 200);
        check.require("password", password);
        check.maxLength("password", password, 200);
        check.throwIfAny();
        Vault.Sealed sealed = vault.seal(username + "\n" + password, context(camera));
        jdbc.sql("""
                        insert into camera_credential (camera_id, password_encrypted, key_id, updated_by, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (camera_id) do update set password_encrypted = excluded.password_encrypted,
                            key_id = excluded.key_id, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(camera.id(), sealed.ciphertext(), sealed.keyId(), caller.name(), Timestamp.from(clock.instant()))
                .update();
        audit.record(caller.name(), Actions.CREDENTIAL_STORED, taxCode, "camera:" + number, Map.of());
    }

    /** An officer reveals a credential: customs staff in scope, with a current second-factor code and a reason. */
    @Transactional
    public Credential reveal(Caller caller, String taxCode, String number, String reason, String code) {
        Camera camera = camera(caller, taxCode, number);
        if (!caller.isCustoms()) {
            throw new AccessDeniedException("only customs staff may reveal camera credentials");
        }
        InputCheck check = new InputCheck();
        if (check.require("reason", reason) && reason.strip().length() < 10) {
            check.reject("reason", "revealReason", "say in at least 10 characters why you need the password");
        }
        check.maxLength("reason", reason, 500);
        if (!secondFactor.enrolled(caller.name())) {
            check.reject("code", "mfaNotEnrolled", "set up two-factor authentication first");
        } else if (!secondFactor.verify(caller.name(), code)) {
            check.reject("code", "totp", "is not a current code or an unused recovery code");
        }
        check.throwIfAny();
        Credential credential = open(camera).orElseThrow(() -> new NotFoundException("credential of camera", number));
        audit.record(caller.name(), Actions.CREDENTIAL_REVEALED, taxCode, "camera:" + number, Map.of("reason", reason.strip()));
        return credential;
    }

    /** The system connects to a camera on a person's behalf (live view, snapshots): used, never shown. */
    @Transactional
    public Optional<Credential> useFor(Caller onBehalfOf, String taxCode, String number, String purpose) {
        Camera camera = camera(onBehalfOf, taxCode, number);
        Optional<Credential> credential = open(camera);
        credential.ifPresent(c -> audit.record(onBehalfOf.name(), Actions.CREDENTIAL_USED, taxCode, "camera:" + number,
                Map.of("purpose", purpose)));
        return credential;
    }

    /**
     * The system's own use on nobody's behalf — the health monitor's probes, gate recognition reading its frames — so
     * it is not audited per connection (that would bury the officers' uses); nothing is shown to anyone.
     */
    public Optional<Credential> forSystemUse(Camera camera) {
        return open(camera);
    }

    /** Re-seals every credential with the active key (after a key rotation); returns how many changed. */
    @Override
    @Transactional
    public int reseal() {
        var rows = jdbc.sql("select camera_id, password_encrypted, key_id from camera_credential where key_id <> ?")
                .param(vault.activeKeyId())
                .query((rs, n) -> new Object[] {rs.getLong("camera_id"), new Vault.Sealed(rs.getString("key_id"), rs.getString("password_encrypted"))})
                .list();
        for (Object[] row : rows) {
            String context = "camera:" + row[0];
            Vault.Sealed resealed = vault.seal(vault.open((Vault.Sealed) row[1], context), context);
            jdbc.sql("update camera_credential set password_encrypted = ?, key_id = ? where camera_id = ?")
                    .params(resealed.ciphertext(), resealed.keyId(), row[0]).update();
        }
        return rows.size();
    }

    private Optional<Credential> open(Camera camera) {
        return jdbc.sql("select password_encrypted, key_id from camera_credential where camera_id = ?").param(camera.id())
                .query((rs, n) -> new Vault.Sealed(rs.getString("key_id"), rs.getString("password_encrypted")))
                .optional()
                .map(sealed -> {
                    String opened = vault.open(sealed, context(camera));
                    int newline = opened.indexOf('\n');
                    return new Credential(opened.substring(0, newline), opened.substring(newline + 1));
                });
    }

    private Camera camera(Caller caller, String taxCode, String number) {
        return diagram.camera(caller.access(), taxCode, number);
    }

    private static String context(Camera camera) {
        return "camera:" + camera.id();
    }
}
