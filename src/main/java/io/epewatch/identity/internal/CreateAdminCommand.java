package io.epewatch.identity.internal;

import java.util.Set;

import io.epewatch.identity.Passwords;
import io.epewatch.identity.Role;
import io.epewatch.identity.UserAccounts;
import io.epewatch.kernel.InvalidInputException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar epewatch.jar create-admin --username=NAME}: creates the first system administrator.
 * The password comes from {@code EPEWATCH_ADMIN_PASSWORD} or is generated and printed once to the terminal
 * (never to the log). There is no built-in default account outside the demo profile.
 */
@Component
@ConditionalOnProperty(name = "epewatch.command", havingValue = "create-admin")
class CreateAdminCommand implements ApplicationRunner, ExitCodeGenerator {

    private final UserAccounts accounts;
    private int exitCode;

    CreateAdminCommand(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = args.containsOption("username") ? args.getOptionValues("username").getFirst() : "admin";
        String password = System.getenv("EPEWATCH_ADMIN_PASSWORD");
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = Passwords.generate(20);
        }
        try {
            // a generated password is a default password: it must be changed at first sign-in (R6.3)
            accounts.create(username, "System administrator", password, Set.of(Role.SYSTEM_ADMIN), null, null, generated);
        } catch (InvalidInputException e) {
            System.err.println("No administrator created: " + e.getMessage());
            exitCode = 2;
            return;
        }
        System.out.println("Created system administrator '" + username + "'.");
        if (generated) {
            System.out.println("Password (shown once, store it safely): " + password);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
