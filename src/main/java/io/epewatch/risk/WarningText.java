package io.epewatch.risk;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A warning's one-line summary in the reader's language: the gate rules' from their evidence and the messages, the
 * others from the explanation the rule wrote in each language. The stored summary stays in English for the API and
 * logs; pages call {@code @warningText.summary(w)}.
 */
@Component("warningText")
public class WarningText {

    private final MessageSource messages;

    WarningText(MessageSource messages) {
        this.messages = messages;
    }

    public String summary(Warning warning) {
        Map<String, Object> evidence = warning.evidence();
        Object camera = evidence.get("gateEvent") instanceof Map<?, ?> gate ? gate.get("cameraNumber") : "?";
        String key;
        Object subject;
        if (evidence.get("undeclaredContainers") instanceof List<?> containers) {
            key = "summary.exitContainers";
            subject = join(containers);
        } else if (evidence.containsKey("undeclaredPlate")) {
            key = "summary.exitPlate";
            subject = evidence.get("undeclaredPlate");
        } else if (evidence.get("invalidContainers") instanceof List<?> invalid) {
            key = "summary.invalidContainers";
            subject = join(invalid.stream().map(c -> c instanceof Map<?, ?> m ? m.get("number") : c).toList());
        } else {
            boolean vietnamese = "vi".equals(LocaleContextHolder.getLocale().getLanguage());
            return vietnamese && warning.explanationVi() != null ? warning.explanationVi() : warning.summary();
        }
        return messages.getMessage(key, new Object[] {subject, camera}, warning.summary(), LocaleContextHolder.getLocale());
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
