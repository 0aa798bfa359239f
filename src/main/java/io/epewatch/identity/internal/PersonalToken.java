package io.epewatch.identity.internal;

import io.epewatch.identity.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A person's own token (a declarant's software): the request acts as that person, with the roles and scope the
 * account has now — a disabled account or a revoked role takes effect at once. The secret is not kept.
 */
final class PersonalToken extends AbstractAuthenticationToken implements CallerPrincipal {

    private final Caller caller;

    PersonalToken(SignedInUser user) {
        super(user.getAuthorities());
        this.caller = user.caller();
        setAuthenticated(true);
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return this;
    }

    @Override
    public String getName() {
        return caller.name();
    }
}
