package io.epewatch.identity.internal;

import jakarta.servlet.http.HttpSession;

/**
 * Where a signed-in person stands: a new account first changes its initial password (R6.3), then a role that needs
 * MFA enrols or enters its code (R3.1); only then is the rest of the application reachable.
 */
public enum SignInStep {
    CHANGE_PASSWORD("/account/password"),
    MFA_ENROL("/account/mfa"),
    MFA_VERIFY("/account/mfa/verify"),
    DONE("/");

    static final String SESSION_ATTRIBUTE = "epewatch.sign-in-step";

    private final String page;

    SignInStep(String page) {
        this.page = page;
    }

    public String page() {
        return page;
    }

    static SignInStep after(boolean mustChangePassword, boolean mfaEnabled, boolean mfaRequired) {
        if (mustChangePassword) {
            return CHANGE_PASSWORD;
        }
        if (mfaEnabled) {
            return MFA_VERIFY;
        }
        return mfaRequired ? MFA_ENROL : DONE;
    }

    public static SignInStep of(HttpSession session) {
        Object step = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return step instanceof SignInStep known ? known : DONE;
    }

    public static void set(HttpSession session, SignInStep step) {
        session.setAttribute(SESSION_ATTRIBUTE, step);
    }
}
