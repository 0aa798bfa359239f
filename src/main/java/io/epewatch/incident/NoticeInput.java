package io.epewatch.incident;

import java.util.List;

/**
 * An Appendix II notification as filed in the portal or by the API; the enterprise's name, address and tax code
 * come from the registry.
 *
 * @param expectedRestoration ISO-8601 with offset
 * @param planned             work announced in advance (maintenance, repair, power cut — R1.6)
 */
public record NoticeInput(String enterpriseTaxCode, String kind, String description, List<String> affectedCameras,
                          String effect, String expectedRestoration, String technicalContactName,
                          String technicalContactPhone, Boolean planned) {
}
