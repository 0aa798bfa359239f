package io.epewatch.registry;

import java.time.LocalDate;

/**
 * An export processing enterprise (DNCX) and the sub-department that manages it.
 *
 * @param operatingWithCameras it was already operating with a camera system before Decision 247 (R1.8 exemption)
 */
public record Enterprise(long id, String taxCode, String name, String address, LocalDate establishedOn,
                         LocalDate investmentCertificateOn, boolean operatingWithCameras, String contactName,
                         String contactPhone, long managingUnitId) {

    public AppendixIApplicability appendixI() {
        return AppendixIApplicability.of(establishedOn, investmentCertificateOn, operatingWithCameras);
    }
}
