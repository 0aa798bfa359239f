package io.epewatch.incident.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.epewatch.incident.AppendixII;
import io.epewatch.incident.Incident;
import io.epewatch.incident.IncidentKind;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Appendix II notice and the late notice as PDF and DOCX, read back (R2.3, R2.4). */
class IncidentLettersTest {

    private static final String COMPANY = "Công ty TNHH Điện tử Nguyễn Ứng Long (DNCX)";
    private static final Incident.LateNotice LATE = new Incident.LateNotice("Nhà cung cấp chưa giao bộ nguồn thay thế",
            Instant.parse("2026-03-12T03:00:00Z"), "epe-user", Instant.parse("2026-03-09T02:00:00Z"));
    private static final Incident INCIDENT = new Incident(42, "0312345678", IncidentKind.EQUIPMENT, Incident.Origin.NOTICE,
            false, new AppendixII(COMPANY, "Lô 12, KCX Tân Thuận, Quận 7, TP. Hồ Chí Minh", "0312345678",
            "Camera G1 ở cổng chính hỏng nguồn do sét đánh", List.of("G1", "Y1"), "Không ghi hình được xe ra tại cổng chính",
            Instant.parse("2026-02-20T08:00:00Z"), "Trần Văn Kỹ", "0908 123 456"),
            Instant.parse("2026-02-13T08:00:00Z"), LocalDate.of(2026, 3, 6), null, null, null, null, null, "epe-user",
            List.of(), List.of(), List.of(LATE), LocalDate.of(2026, 3, 7), false, List.of(), io.epewatch.incident.IncidentState.OVERDUE, null);

    @Test
    @DisplayName("R2.3 the Appendix II PDF has the national heading and the company's name with its diacritics")
    void appendixIIPdf() throws Exception {
        byte[] pdf = LetterPdf.render(IncidentLetters.appendixII(INCIDENT, "Chi cục Hải quan KCX Tân Thuận"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines wrap where the page ends: compare words, not line breaks
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
                    .contains(COMPANY).contains("CÔNG TY TNHH ĐIỆN TỬ NGUYỄN ỨNG LONG")
                    .contains("Về sự cố hệ thống ca-mê-ra giám sát").contains("G1, Y1 (2 ca-mê-ra)")
                    .contains("ngày 13 tháng 02 năm 2026").contains("Chi cục Hải quan KCX Tân Thuận");
        }
    }

    @Test
    @DisplayName("R2.3 the Appendix II DOCX opens and reads back with the company's name and the heading")
    void appendixIIDocx() throws Exception {
        byte[] docx = LetterDocx.render(IncidentLetters.appendixII(INCIDENT, "Chi cục Hải quan KCX Tân Thuận"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains(OfficialLetter.NATION).contains(OfficialLetter.MOTTO).contains(COMPANY)
                    .contains("5. Đầu mối kỹ thuật").contains("0908 123 456");
        }
    }

    @Test
    @DisplayName("R2.3 the late notice gives the reason, the deadline missed and the new expected time")
    void lateNotice() throws Exception {
        byte[] pdf = LetterPdf.render(IncidentLetters.lateNotice(INCIDENT, LATE, "Chi cục Hải quan KCX Tân Thuận"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines wrap where the page ends: compare words, not line breaks
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("chậm khắc phục").contains("06/03/2026").contains("Nhà cung cấp chưa giao bộ nguồn")
                    .contains("10:00 ngày 12/03/2026");
        }
    }
}
