package io.epewatch.continuity;

import io.epewatch.kernel.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The reconciliation report (R6.1) for customs IT and HQ, on the primary: a page, a PDF and an Excel workbook. */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'HQ_ANALYST')")
class ReconciliationPages {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReconciliationReport report;

    ReconciliationPages(ReconciliationReport report) {
        this.report = report;
    }

    @GetMapping("/clearance/reconciliation")
    String page(Model model) {
        model.addAttribute("report", report.make());
        return "continuity/reconciliation";
    }

    @GetMapping("/clearance/reconciliation.pdf")
    ResponseEntity<byte[]> pdf() {
        return file(ReconciliationReport.pdf(made()), MediaType.APPLICATION_PDF, "doi-chieu-du-phong.pdf");
    }

    @GetMapping("/clearance/reconciliation.xlsx")
    ResponseEntity<byte[]> xlsx() {
        return file(ReconciliationReport.xlsx(made()), XLSX, "doi-chieu-du-phong.xlsx");
    }

    private Reconciliation made() {
        Reconciliation r = report.make();
        if (r == null) {
            throw new NotFoundException("reconciliation report", "on this instance: it is made on a primary that has a backup");
        }
        return r;
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
