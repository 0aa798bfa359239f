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
public class ContainerText {

    private final MessageSource messages;

    ContainerText(MessageSource messages) {
        this.messages = messages;
    }

    public String invalid(String number, String storedReason) {
        ContainerNumber parsed;
        try {
            parsed = ContainerNumber.parse(number);
        } catch (IllegalArgumentException e) {
            return storedReason;
        }
        if ("UJZ".indexOf(parsed.category()) < 0) {
            return messages.getMessage("container.invalid.category", new Object[] {String.valueOf(parsed.category())}, storedReason,
                    LocaleContextHolder.getLocale());
        }
        if (parsed.checkDigit() != parsed.expectedCheckDigit()) {
            return messages.getMessage("container.invalid.checkDigit", new Object[] {parsed.checkDigit(), parsed.expectedCheckDigit()},
                    storedReason, LocaleContextHolder.getLocale());
        }
        return storedReason;
    }
}
