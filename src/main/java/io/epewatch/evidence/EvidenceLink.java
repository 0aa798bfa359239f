package io.epewatch.evidence;

/** What a piece of evidence proves something about. Evidence linked to a case is held while the case is open. */
public record EvidenceLink(Kind kind, String ref) {

    public enum Kind { GATE_EVENT, WARNING, CASE, DECLARATION }
}
