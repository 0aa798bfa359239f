package io.epewatch.identity;

import java.security.SecureRandom;

/** Generated passwords: one-time initial passwords and the first administrator's. */
public final class Passwords {

    /** No look-alike characters (0/O, 1/l/I), so a password read aloud or copied by hand survives. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String generate(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
