package io.epewatch.support;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** What an authenticator app shows now for a secret. */
public final class TotpCodes {

    private TotpCodes() {
    }

    public static String now(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
