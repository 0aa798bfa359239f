package io.epewatch.risk.engine;

import java.util.Map;

/** What a rule found, before it is stored as a warning. */
record WarningDraft(String rule, String summary, Map<String, Object> evidence) {
}
