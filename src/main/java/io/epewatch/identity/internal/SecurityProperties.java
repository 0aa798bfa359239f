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
 * @param maxFailedSignIns  failed sign-ins (passwords or second-factor codes) of one account, from anywhere, before
 *                          each further attempt waits 1 s, 2 s, 4 s … up to {@code lockout}
 * @param maxFailedSignInsPerAddress failed sign-ins from one client address, whatever the accounts, before that
 *                          address waits out {@code lockout}
 * @param lockout           the longest wait; failures older than this are forgotten, so nobody is locked out for good
 * @param trustedProxies    addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed
 *                          (none by default: the client is the TCP peer, whatever a header says)
 */
@ConfigurationProperties("epewatch.security")
public record SecurityProperties(
        @DefaultValue({"SYSTEM_ADMIN", "UNIT_ADMIN", "HEAD", "OFFICER", "HQ_ANALYST"}) Set<Role> mfaRequiredRoles,
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("20") int maxFailedSignInsPerAddress,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue Set<String> trustedProxies) {

    public SecurityProperties {
        mfaRequiredRoles = mfaRequiredRoles == null || mfaRequiredRoles.isEmpty() ? Set.of() : EnumSet.copyOf(mfaRequiredRoles);
        trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
    }

    public boolean mfaRequired(Set<Role> roles) {
        return roles.stream().anyMatch(mfaRequiredRoles::contains);
    }
}
