package io.epewatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why the health monitor put a camera in its state, in the reader's language. The monitor stores its reason as
 * {@code CODE: technical detail; CODE: …} (the logbook keeps it verbatim, R1.5); a page says each code in words and
 * keeps the technical detail behind a toggle (issue 15). Templates call it as {@code @cameraReason}.
 */
@Component("cameraReason")
class CameraReason {

    private static final Pattern CODED = Pattern.compile("^([A-Z][A-Z_]{2,}):\\s*(.*)$", Pattern.DOTALL);

    private final MessageSource messages;

    CameraReason(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason in words: each code's sentence, joined; text that carries no code is what a person wrote. */
    public String words(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        List<String> said = new ArrayList<>();
        for (String part : reason.split(";\\s*")) {
            Matcher coded = CODED.matcher(part.strip());
            String code = coded.matches() ? coded.group(1) : part.strip().equals("first probe") ? "FIRST_PROBE" : null;
            if (code != null && List.of("HTTP", "ONVIF", "RTSP").contains(code)) {
                code = "PICTURE_RECEIVED";
            }
            said.add(code == null ? part.strip()
                    : messages.getMessage("camera.reason." + code, null, part.strip(), LocaleContextHolder.getLocale()));
        }
        return String.join("; ", said);
    }
}
