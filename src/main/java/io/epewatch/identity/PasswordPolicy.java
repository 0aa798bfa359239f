package io.epewatch.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.epewatch.kernel.InputCheck;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: 12 to 128 characters, not a common or breached password from the bundled list
 * ({@code security/common-passwords.txt}), not the user name, not one repeated character. Length over
 * composition rules, as NIST SP 800-63B advises.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() throws IOException {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
        }
        this.common = Set.copyOf(words);
    }

    void check(InputCheck check, String field, String password, String username) {
        if (!check.require(field, password)) {
            return;
        }
        if (password.length() < MIN_LENGTH) {
            check.reject(field, "passwordShort", "must be at least " + MIN_LENGTH + " characters", MIN_LENGTH);
        } else if (password.length() > MAX_LENGTH) {
            check.reject(field, "maxLength", "must be at most " + MAX_LENGTH + " characters", MAX_LENGTH);
        } else if (common.contains(password.toLowerCase(Locale.ROOT))) {
            check.reject(field, "passwordCommon", "is a common or breached password; choose another");
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            check.reject(field, "passwordUsername", "must not contain the user name");
        } else if (password.chars().distinct().count() < 4) {
            check.reject(field, "passwordRepetitive", "uses too few different characters");
        }
    }

    int size() {
        return common.size();
    }
}
