package io.epewatch.casework;

/** A head closed a case with its outcome. */
public record CaseDecided(long caseId, long warningId, String enterpriseTaxCode, CaseFile.Outcome outcome) {
}
