package io.epewatch.registry;

import java.time.LocalDate;

/** What a clerk enters to register or edit an enterprise. */
public record EnterpriseInput(String taxCode, String name, String address, LocalDate establishedOn,
                              LocalDate investmentCertificateOn, Boolean operatingWithCameras, String contactName,
                              String contactPhone, Long managingUnitId) {
}
