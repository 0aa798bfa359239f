package io.epewatch.notification.web;

import io.epewatch.notification.Notice;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A notice's title and text in the reader's language, from its kind and arguments; a notice stored without
 * arguments (before issue 15) shows as it was stored. Templates call it as {@code @noticeText}.
 */
@Component("noticeText")
class NoticeText {

    private final MessageSource messages;

    NoticeText(MessageSource messages) {
        this.messages = messages;
    }

    public String subject(Notice notice) {
        return say("notice.subject." + notice.kind(), notice, notice.subject());
    }

    public String body(Notice notice) {
        return say("notice.body." + notice.kind(), notice, notice.body());
    }

    private String say(String key, Notice notice, String stored) {
        if (notice.args() == null) {
            return stored;
        }
        // whole numbers go in as numbers, so that a message may choose its words by them
        Object[] args = notice.args().stream().map(a -> a != null && a.matches("\\d{1,9}") ? (Object) Long.valueOf(a) : a).toArray();
        return messages.getMessage(key, args, stored, LocaleContextHolder.getLocale());
    }
}
