package io.epewatch.casework;

import java.time.Instant;

/**
 * A warning worked as a case.
 *
 * @param violationReference the record of the violation (biên bản) when the outcome is VIOLATION
 * @param stateSince         when it entered its current state
 */
public record CaseFile(long id, long warningId, String enterpriseTaxCode, String rule, int score, String summary,
                       CaseState state, String assignee, String analysis, String proposal, Outcome outcome,
                       String violationReference, String openedBy, Instant openedAt, Instant stateSince,
                       String summaryVi) {

    /** The summary in the reader's language. */
    public String summaryIn(java.util.Locale locale) {
        return "vi".equals(locale.getLanguage()) && summaryVi != null ? summaryVi : summary;
    }

    public enum Outcome { NO_VIOLATION, VIOLATION }
}
