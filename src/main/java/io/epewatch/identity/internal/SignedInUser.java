package io.epewatch.identity.internal;

import java.util.Collection;

import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in through the login form. The password hash is erased after authentication. */
final class SignedInUser implements UserDetails, CredentialsContainer, CallerPrincipal {

    private final Caller caller;
    private final String displayName;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final boolean mfaEnabled;
    private String passwordHash;

    SignedInUser(Caller caller, String displayName, String passwordHash, boolean enabled, boolean mustChangePassword,
                 boolean mfaEnabled) {
        this.caller = caller;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.mfaEnabled = mfaEnabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    boolean mfaEnabled() {
        return mfaEnabled;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return caller.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.name();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + caller.name() + "]";
    }
}
