package io.epewatch.planning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A monthly plan as an Excel workbook, one row per check, for the sub-department's records. */
public final class PlanWorkbook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private PlanWorkbook() {
    }

    public static byte[] of(SupervisionPlan plan, String unitName) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Kế hoạch " + plan.month());
            sheet.createRow(0).createCell(0).setCellValue("Kế hoạch kiểm tra tháng " + plan.month().getMonthValue() + "/"
                    + plan.month().getYear() + " — " + unitName);
            Row header = sheet.createRow(2);
            String[] titles = {"STT", "Ngày", "Giờ", "Mã số thuế", "Doanh nghiệp", "Công chức", "Loại", "Kết quả", "Ghi chú"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            int r = 3;
            for (SupervisionCheck c : plan.checks()) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 2);
                row.createCell(1).setCellValue(DAY.format(c.at()));
                row.createCell(2).setCellValue(TIME.format(c.at()));
                row.createCell(3).setCellValue(c.enterpriseTaxCode());
                row.createCell(4).setCellValue(c.enterpriseName());
                row.createCell(5).setCellValue(c.officer());
                row.createCell(6).setCellValue(c.unscheduled() ? "Đột xuất" : "Định kỳ");
                row.createCell(7).setCellValue(c.result() == null ? "" : verdict(c.result()));
                row.createCell(8).setCellValue(c.result() == null || c.result().remarks() == null ? "" : c.result().remarks());
                r++;
            }
            for (int i = 0; i < titles.length; i++) {
                sheet.autoSizeColumn(i);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plan as Excel", e);
        }
    }

    private static String verdict(Checklist c) {
        return c.camerasOnline() && c.imagesMatchLogbook() && c.gateLogConsistent() ? "Đạt" : "Có sai lệch";
    }
}
