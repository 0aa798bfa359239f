package io.epewatch.risk;

import java.util.List;

import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.risk.engine.Analysis;

/**
 * What an officer narrows the inbox to: an enterprise, a status, a rule, a lowest severity, only the warnings nobody
 * has marked as seen. Every part is optional.
 */
public record WarningQuery(String enterpriseTaxCode, WarningStatus status, String rule, Severity atLeast,
                           boolean unseenOnly) {

    public static final WarningQuery ALL = new WarningQuery(null, null, null, null, false);

    public WarningQuery {
        enterpriseTaxCode = InputCheck.blankToNull(enterpriseTaxCode);
        rule = InputCheck.blankToNull(rule);
        if (rule != null && !Analysis.ruleCodes().contains(rule)) {
            throw new InvalidInputException("rule", "unknown rule '" + rule + "'; one of " + Analysis.ruleCodes());
        }
    }

    public static WarningQuery of(String enterpriseTaxCode, WarningStatus status) {
        return new WarningQuery(enterpriseTaxCode, status, null, null, false);
    }

    /** The severities at or above {@link #atLeast}, all of them when none is set. */
    List<String> severities() {
        Severity lowest = atLeast == null ? Severity.LOW : atLeast;
        return java.util.Arrays.stream(Severity.values()).filter(s -> s.compareTo(lowest) >= 0).map(Enum::name).toList();
    }
}
