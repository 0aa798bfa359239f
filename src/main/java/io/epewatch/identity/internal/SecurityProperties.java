package io.epewatch.identity.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.epewatch.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in rules ({@code epewatch.security.*}).
 *
 * @param mfaRequiredRoles  roles that must sign in with TOTP (R3.1): by default every role that can watch live video,
 *                          reveal camera credentials or export evidence
 * @param maxFailedSignIns  failed sign-ins from one address before that address is locked out for the account
 * @param lockout           how long such a lockout lasts; it expires by itself, so nobody is locked out for good
 */
@ConfigurationProperties("epewatch.security")
public record SecurityProperties(
        @DefaultValue({"SYSTEM_ADMIN", "UNIT_ADMIN", "HEAD", "OFFICER", "HQ_ANALYST"}) Set<Role> mfaRequiredRoles,
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockout) {

    public SecurityProperties {
        mfaRequiredRoles = mfaRequiredRoles == null || mfaRequiredRoles.isEmpty() ? Set.of() : EnumSet.copyOf(mfaRequiredRoles);
    }

    public boolean mfaRequired(Set<Role> roles) {
        return roles.stream().anyMatch(mfaRequiredRoles::contains);
    }
}
