package io.epewatch.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times are stored in UTC and shown in Vietnam's time zone. Templates call it as {@code @timeFormat}. */
@Component("timeFormat")
public class TimeFormat {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);

    public String show(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
