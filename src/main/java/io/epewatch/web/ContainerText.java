package io.epewatch.web;

import io.epewatch.kernel.ContainerNumber;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why a container number read at a gate cannot be right, in the reader's language (the stored reason is English, for
 * the API). Templates call it as {@code @containerText.invalid(number, storedReason)}.
 */
@Component("containerText")
class ContainerText {

    private final MessageSource messages;

    ContainerText(MessageSource messages) {
        this.messages = messages;
    }

    public String invalid(String number, String storedReason) {
        ContainerNumber.Invalidity invalidity;
        try {
            invalidity = ContainerNumber.parse(number).invalidity();
        } catch (IllegalArgumentException e) {
            return storedReason;
        }
        return invalidity == null ? storedReason : messages.getMessage("container.invalid." + invalidity.code(),
                invalidity.args().toArray(), storedReason, LocaleContextHolder.getLocale());
    }
}
