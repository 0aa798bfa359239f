package io.epewatch.identity.internal;

import java.util.Collection;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a bearer token, acting as the {@link Caller} the token stands for. The secret is not kept. */
final class TokenAuthentication extends AbstractAuthenticationToken implements CallerPrincipal {

    private final Caller caller;

    private TokenAuthentication(Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(authorities);
        this.caller = caller;
        setAuthenticated(true);
    }

    /** An integration: its scopes become {@code SCOPE_*} authorities. */
    static TokenAuthentication integration(String name, Set<String> scopes) {
        return new TokenAuthentication(scopes.stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList(),
                new Caller("token:" + name, Set.of(), scopes, null, AccessScope.all()));
    }

    /**
     * A person's own token (a declarant's software): the request acts as that person, with the roles and scope the
     * account has now — a disabled account or a revoked role takes effect at once.
     */
    static TokenAuthentication personal(SignedInUser user) {
        return new TokenAuthentication(user.getAuthorities(), user.caller());
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
