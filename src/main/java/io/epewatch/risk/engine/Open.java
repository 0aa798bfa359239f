package io.epewatch.risk.engine;

/** A warning the engine remembers: open, or resolved by later data (and then reopened if the facts say so). */
final class Open {

    Finding finding;
    int occurrences = 1;
    boolean resolved;

    Open(Finding finding) {
        this.finding = finding;
    }

    /** The part of the key after the rule code. */
    String subject() {
        return finding.key().substring(finding.rule().length() + 1);
    }
}
