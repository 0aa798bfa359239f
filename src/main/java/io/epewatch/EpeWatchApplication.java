package io.epewatch;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * EPE Watch. {@code java -jar epewatch.jar} runs the server; {@code java -jar epewatch.jar create-admin --username=NAME}
 * creates the first system administrator and exits (there is no default password in production).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EpeWatchApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("create-admin")) {
            SpringApplication command = new SpringApplication(EpeWatchApplication.class);
            command.setWebApplicationType(WebApplicationType.NONE);
            command.setAdditionalProfiles("command");
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            System.exit(SpringApplication.exit(command.run(withCommand("create-admin", rest))));
        }
        SpringApplication.run(EpeWatchApplication.class, args);
    }

    private static String[] withCommand(String command, String[] args) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--epewatch.command=" + command;
        return all;
    }
}
