package io.epewatch.risk.engine;

import java.time.Instant;

/**
 * One warning as the officer sees it, folding the occurrences a rule found on the same subject (a container, a
 * vehicle, a camera down): how many there were, the first and the last, and how many are still unexplained. It is
 * raised with its first open occurrence and resolved with its last (issue 15: 61 identical warnings for one container
 * leaving through one gate were one concern).
 */
final class WarningGroup {

    final String key;
    final String enterprise;
    int occurrences;
    int open;
    Instant first;
    Instant last;

    WarningGroup(String key, String enterprise) {
        this.key = key;
        this.enterprise = enterprise;
    }

    void occurred(Instant at) {
        occurrences++;
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
    }
}
