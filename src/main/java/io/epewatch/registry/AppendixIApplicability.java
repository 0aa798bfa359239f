package io.epewatch.registry;

import java.time.LocalDate;

/**
 * Whether the Appendix I minimum specs bind an enterprise's cameras (R1.8, Decision 247 I.1.3).
 * Decree 18/2021 took effect on 2021-04-25; Decision 247 on its signing day, 2022-03-02.
 */
public enum AppendixIApplicability {
    /** Established on or after 2022-03-02: the cameras must meet Appendix I. */
    APPLIES,
    /** Investment certificate issued before 2021-04-25. */
    EXEMPT_LICENSED_BEFORE_DECREE_18,
    /** Established 2021-04-25 … 2022-03-01, operating and already equipped with cameras. */
    EXEMPT_OPERATING_WITH_CAMERAS,
    /** Neither date is known: customs cannot tell yet. */
    UNKNOWN;

    public static final LocalDate DECREE_18_EFFECTIVE = LocalDate.of(2021, 4, 25);
    public static final LocalDate DECISION_247_EFFECTIVE = LocalDate.of(2022, 3, 2);

    public static AppendixIApplicability of(LocalDate establishedOn, LocalDate investmentCertificateOn,
                                            boolean operatingWithCameras) {
        if (investmentCertificateOn != null && investmentCertificateOn.isBefore(DECREE_18_EFFECTIVE)) {
            return EXEMPT_LICENSED_BEFORE_DECREE_18;
        }
        LocalDate established = establishedOn != null ? establishedOn : investmentCertificateOn;
        if (established == null) {
            return UNKNOWN;
        }
        if (established.isBefore(DECREE_18_EFFECTIVE)) {
            return EXEMPT_LICENSED_BEFORE_DECREE_18;
        }
        if (established.isBefore(DECISION_247_EFFECTIVE) && operatingWithCameras) {
            return EXEMPT_OPERATING_WITH_CAMERAS;
        }
        // An EPE established between the two dates without cameras is not named by I.1.3.a; it has to equip
        // itself now, so we hold it to the current minimum (see docs/architecture.md, "doubts").
        return APPLIES;
    }

    public boolean binding() {
        return this == APPLIES;
    }
}
