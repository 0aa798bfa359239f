package io.epewatch.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.SealedSecrets;
import io.epewatch.identity.SecondFactor;
import io.epewatch.identity.Vault;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** TOTP enrolment and verification (R3.1); the secret is sealed by the vault, recovery codes are kept only as hashes. */
@Service
public class MfaAccounts implements SecondFactor, SealedSecrets {

    private static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Totp totp;
    private final Vault vault;
    private final AuditTrail audit;
    private final Clock clock;
    private final SignInThrottle throttle;

    MfaAccounts(JdbcClient jdbc, Totp totp, Vault vault, AuditTrail audit, Clock clock, SignInThrottle throttle) {
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.totp = totp;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** Confirms enrolment with a first code from the app and returns the recovery codes, shown once. */
    @Transactional
    public List<String> enrol(String username, String secret, String code) {
        if (!totp.verify(secret, code)) {
            throw new InvalidInputException("code", "totpCode", "is not the current code of your authenticator app");
        }
        Vault.Sealed sealed = vault.seal(secret, context(username));
        jdbc.sql("update user_account set totp_secret = ?, totp_enabled = true where username = ?")
                .params(sealed.keyId() + ":" + sealed.ciphertext(), username).update();
        long id = jdbc.sql("select id from user_account where username = ?").param(username).query(Long.class).single();
        jdbc.sql("delete from recovery_code where user_id = ?").param(id).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = randomCode();
            codes.add(recovery);
            jdbc.sql("insert into recovery_code (user_id, code_hash) values (?, ?)").params(id, Sha256.hex(recovery)).update();
        }
        audit.record(username, AuditTrail.Actions.MFA_ENROLLED, null, "user:" + username, Map.of());
        return codes;
    }

    @Override
    public boolean enrolled(String username) {
        return jdbc.sql("select count(*) from user_account where username = ? and totp_enabled").param(username)
                .query(Integer.class).single() > 0;
    }

    /**
     * A current TOTP code, or an unused recovery code (then spent). Failures count against the account like wrong
     * passwords, so a million codes cannot be tried: while the account must wait, no code is checked.
     */
    @Override
    @Transactional
    public boolean verify(String username, String code) {
        if (code == null || code.isBlank() || !throttle.wait(username, null).isZero()) {
            return false;
        }
        boolean valid = codeHolds(username, code);
        if (valid) {
            throttle.succeeded(username);
        } else {
            throttle.failed(username, null);
        }
        return valid;
    }

    private boolean codeHolds(String username, String code) {
        String stored = jdbc.sql("select totp_secret from user_account where username = ? and totp_enabled")
                .param(username).query(String.class).optional().orElse(null);
        if (stored == null) {
            return false;
        }
        String secret = openSecret(username, stored);
        if (totp.verify(secret, code)) {
            return true;
        }
        int spent = jdbc.sql("""
                        update recovery_code set used_at = ? where used_at is null and code_hash = ?
                        and user_id = (select id from user_account where username = ?)""")
                .params(Timestamp.from(clock.instant()), Sha256.hex(code.strip().toLowerCase()), username).update();
        if (spent > 0) {
            audit.record(username, "MFA_RECOVERY_CODE_USED", null, "user:" + username, Map.of());
        }
        return spent > 0;
    }

    @Override
    @Transactional
    public int reseal() {
        var rows = jdbc.sql("select username, totp_secret from user_account where totp_secret is not null and totp_secret not like ?")
                .param(vault.activeKeyId() + ":%")
                .query((rs, n) -> new String[] {rs.getString("username"), rs.getString("totp_secret")}).list();
        for (String[] row : rows) {
            String secret = openSecret(row[0], row[1]);
            Vault.Sealed sealed = vault.seal(secret, context(row[0]));
            jdbc.sql("update user_account set totp_secret = ? where username = ?").params(sealed.keyId() + ":" + sealed.ciphertext(), row[0]).update();
        }
        return rows.size();
    }

    /** A stored TOTP secret is {@code keyId:ciphertext}, sealed for its owner. */
    private String openSecret(String username, String stored) {
        int colon = stored.indexOf(':');
        return vault.open(new Vault.Sealed(stored.substring(0, colon), stored.substring(colon + 1)), context(username));
    }

    static String context(String username) {
        return "totp:" + username;
    }

    private static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
