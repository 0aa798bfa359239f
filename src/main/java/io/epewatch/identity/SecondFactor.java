package io.epewatch.identity;

/** The caller's second factor (R3.1), for actions that need it again at the moment: revealing a camera password. */
public interface SecondFactor {

    boolean enrolled(String username);

    /** A current TOTP code or an unused recovery code. */
    boolean verify(String username, String code);
}
