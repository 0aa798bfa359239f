package io.epewatch.registry;

/**
 * One row of Appendix I evaluated against a camera's declared specs.
 *
 * @param number      the row number in Appendix I (1–15)
 * @param parameter   message key of the parameter ({@code appendix1.row.N})
 * @param requirement what Appendix I asks, as printed there
 * @param declared    what the EPE declared, or null
 * @param verdict     the outcome
 */
public record AppendixIRow(int number, String parameter, String requirement, String declared, Verdict verdict) {

    public enum Verdict { PASS, FAIL, NOT_DECLARED }

    public boolean failed() {
        return verdict == Verdict.FAIL;
    }
}
