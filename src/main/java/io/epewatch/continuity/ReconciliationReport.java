package io.epewatch.continuity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.epewatch.clearance.DossierJournal;
import io.epewatch.intake.DeclarationIntake;
import io.epewatch.intake.SystemRole;
import io.epewatch.kernel.PdfPages;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** Makes the reconciliation report on the primary, and writes it as a PDF or an Excel workbook, in Vietnamese as filed. */
@Component
class ReconciliationReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final String[] TITLES = {"Số tờ khai", "Mã số thuế", "Đăng ký lúc", "Luồng", "Trạng thái trên HT dự phòng",
            "Bước (dự phòng)", "Trạng thái trên HT chính", "Bước (chính)", "Đối chiếu"};

    private final DeclarationIntake intake;
    private final DossierJournal journal;
    private final PairChannel backup;
    private final Clock clock;

    ReconciliationReport(DeclarationIntake intake, DossierJournal journal, PairChannel backup, Clock clock) {
        this.intake = intake;
        this.journal = journal;
        this.backup = backup;
        this.clock = clock;
    }

    /** Null on a backup or a primary without one: there is nothing to reconcile there. */
    Reconciliation make() {
        if (intake.role() != SystemRole.PRIMARY || intake.settings().peer() == null) {
            return null;
        }
        Instant now = clock.instant();
        List<DossierJournal.Picture> ours = journal.takenBack();
        try {
            return Reconciliation.of(now, ours, backup.latest(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reconciliation.of(now, ours, List.of(), "interrupted");
        } catch (IOException | RuntimeException e) {
            return Reconciliation.of(now, ours, List.of(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    static byte[] pdf(Reconciliation r) {
        try (PdfPages pdf = new PdfPages(9, 12, 40, 30, 45)) {
            pdf.centred("BÁO CÁO ĐỐI CHIẾU TỜ KHAI TIẾP NHẬN TRÊN HỆ THỐNG DỰ PHÒNG", pdf.left(), pdf.textWidth(), true);
            pdf.centred("Lập lúc " + TIME.format(r.madeAt()), pdf.left(), pdf.textWidth(), false);
            pdf.y -= pdf.leading() / 2;
            pdf.line("Hệ thống dự phòng tiếp nhận: " + r.takenByBackup() + " tờ khai; hệ thống chính đã xác nhận: "
                    + r.confirmed() + "; sai lệch: " + r.differences(), pdf.left(), true);
            if (!r.backupAnswered()) {
                pdf.wrapped("Không hỏi được hệ thống dự phòng (" + r.backupProblem() + "): báo cáo chỉ gồm những tờ khai hệ thống chính đã nhận lại.", false);
            }
            pdf.y -= pdf.leading() / 2;
            for (Reconciliation.Row row : r.rows()) {
                pdf.wrapped(String.join(" · ", cells(row)), row.standing().difference());
            }
            return pdf.bytes();
        }
    }

    static byte[] xlsx(Reconciliation r) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Đối chiếu");
            sheet.createRow(0).createCell(0).setCellValue("Báo cáo đối chiếu tờ khai tiếp nhận trên hệ thống dự phòng — lập lúc "
                    + TIME.format(r.madeAt()));
            sheet.createRow(1).createCell(0).setCellValue("Dự phòng tiếp nhận: " + r.takenByBackup() + "; chính xác nhận: "
                    + r.confirmed() + "; sai lệch: " + r.differences()
                    + (r.backupAnswered() ? "" : "; không hỏi được hệ thống dự phòng: " + r.backupProblem()));
            Row header = sheet.createRow(3);
            for (int i = 0; i < TITLES.length; i++) {
                header.createCell(i).setCellValue(TITLES[i]);
            }
            int n = 4;
            for (Reconciliation.Row row : r.rows()) {
                Row line = sheet.createRow(n++);
                String[] cells = cells(row);
                for (int i = 0; i < cells.length; i++) {
                    line.createCell(i).setCellValue(cells[i]);
                }
            }
            for (int i = 0; i < TITLES.length; i++) {
                sheet.autoSizeColumn(i);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the reconciliation as Excel", e);
        }
    }

    private static String[] cells(Reconciliation.Row row) {
        return new String[] {row.number(), nullToDash(row.enterpriseTaxCode()),
                row.registeredAt() == null ? "—" : TIME.format(row.registeredAt()), nullToDash(row.lane()),
                nullToDash(row.backupState()), String.valueOf(row.backupSteps()), nullToDash(row.primaryState()),
                row.primarySteps() == null ? "—" : String.valueOf(row.primarySteps()), standing(row.standing())};
    }

    private static String standing(Reconciliation.Standing s) {
        return switch (s) {
            case CONFIRMED -> "Khớp";
            case BEHIND -> "HT chính giữ bản cũ hơn";
            case MISSING_ON_PRIMARY -> "Thiếu trên HT chính";
            case NOT_ON_BACKUP -> "Không còn trên HT dự phòng";
            case UNCHECKED -> "Chưa đối chiếu được";
        };
    }

    private static String nullToDash(String s) {
        return s == null ? "—" : s;
    }
}
