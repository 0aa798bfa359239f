package io.epewatch.identity.internal;

import java.util.Collection;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated integration: scopes become {@code SCOPE_*} authorities. The secret is not kept. */
final class IntegrationToken extends AbstractAuthenticationToken implements CallerPrincipal {

    private final Caller caller;

    IntegrationToken(String name, Set<String> scopes) {
        super(authorities(scopes));
        this.caller = new Caller("token:" + name, Set.of(), scopes, null, AccessScope.all());
        setAuthenticated(true);
    }

    private static Collection<SimpleGrantedAuthority> authorities(Set<String> scopes) {
        return scopes.stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList();
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
