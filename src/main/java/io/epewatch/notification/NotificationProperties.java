package io.epewatch.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from         the sender of notification e-mails
 * @param sweepEvery   how often deadlines and follow-ups are checked for notices due
 * @param deliverEvery how often pending e-mails are sent (and failed ones retried)
 * @param maxAttempts  how many times an e-mail is tried before it is given up (the notice stays in the app)
 */
@ConfigurationProperties("epewatch.notification")
public record NotificationProperties(String from, Duration sweepEvery, Duration deliverEvery, Integer maxAttempts) {

    public NotificationProperties {
        from = from == null ? "epewatch@localhost" : from;
        sweepEvery = sweepEvery == null ? Duration.ofMinutes(15) : sweepEvery;
        deliverEvery = deliverEvery == null ? Duration.ofSeconds(30) : deliverEvery;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
    }
}
