package io.epewatch.evidence;

/** What an officer asks to export: one camera's evidence in a time window, and why (audited). */
public record ExportRequest(String enterpriseTaxCode, String cameraNumber, String from, String to, String reason) {
}
