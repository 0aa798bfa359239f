package io.epewatch.planning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A monthly plan as a landscape A4 PDF, to sign and file: the heading of an administrative document (the issuing unit
 * under its parent on the left, the national motto on the right, place and date), the title, the table — date, time,
 * enterprise, officer by name, kind, result — and the signature block of the person who drew it and of the head who
 * approves it. The font is the Liberation Sans PDFBox ships, embedded, so Vietnamese names print as written.
 */
public final class PlanPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final float MARGIN = 40;
    private static final float SIZE = 9;
    private static final float LEADING = 14;
    /** Column starts and widths, in points, across the landscape page. */
    private static final float[] X = {MARGIN, 70, 135, 175, 265, 480, 650, 710};
    private static final String[] TITLES = {"STT", "Ngày", "Giờ", "Mã số thuế", "Doanh nghiệp", "Công chức", "Loại", "Kết quả"};

    private PlanPdf() {
    }

    /**
     * The document's heading and who signs it.
     *
     * @param parentUnitName the unit above the issuing one (the department), printed above it
     * @param nameOf         a person's full name from the user name the plan stores
     */
    public record Heading(String parentUnitName, String unitName, java.util.function.Function<String, String> nameOf) {
    }

    public static byte[] of(SupervisionPlan plan, String unitName) {
        return of(plan, new Heading("", unitName, username -> username));
    }

    public static byte[] of(SupervisionPlan plan, Heading heading) {
        String unitName = heading.unitName();
        PDRectangle landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        try (PDDocument document = new PDDocument(); InputStream fontFile = PlanPdf.class.getResourceAsStream(FONT)) {
            PDFont font = PDType0Font.load(document, fontFile);
            PDPageContentStream page = null;
            float y = 0;
            int n = 0;
            for (int row = -1; row < plan.checks().size(); row++) {
                if (page == null || y < MARGIN) {
                    if (page != null) {
                        page.close();
                    }
                    PDPage next = new PDPage(landscape);
                    document.addPage(next);
                    page = new PDPageContentStream(document, next);
                    y = landscape.getHeight() - MARGIN;
                    if (document.getNumberOfPages() == 1) {
                        y = heading(page, font, landscape, plan, heading, y);
                    } else {
                        text(page, font, 10, MARGIN, y, "Kế hoạch kiểm tra tháng " + plan.month().getMonthValue() + "/"
                                + plan.month().getYear() + " — " + unitName + " (tiếp theo)");
                        y -= LEADING * 1.5f;
                    }
                    for (int c = 0; c < TITLES.length; c++) {
                        text(page, font, SIZE, X[c], y, TITLES[c]);
                    }
                    y -= LEADING;
                }
                if (row < 0) {
                    continue;
                }
                SupervisionCheck check = plan.checks().get(row);
                String[] cells = {Integer.toString(++n), DAY.format(check.at()), TIME.format(check.at()), check.enterpriseTaxCode(),
                        fit(font, check.enterpriseName(), X[5] - X[4] - 6), fit(font, heading.nameOf().apply(check.officer()), X[6] - X[5] - 6),
                        check.unscheduled() ? "Đột xuất" : "Định kỳ", check.result() == null ? ""
                        : check.result().camerasOnline() && check.result().imagesMatchLogbook() && check.result().gateLogConsistent()
                        ? "Đạt" : "Có sai lệch"};
                for (int c = 0; c < cells.length; c++) {
                    text(page, font, SIZE, X[c], y, cells[c]);
                }
                y -= LEADING;
            }
            if (y < MARGIN + 110) {
                page.close();
                PDPage next = new PDPage(landscape);
                document.addPage(next);
                page = new PDPageContentStream(document, next);
                y = landscape.getHeight() - MARGIN;
            }
            signatures(page, font, landscape, plan, heading, y - LEADING);
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plan as PDF", e);
        }
    }

    /** The administrative heading, the title and the place and date; returns where the table starts. */
    private static float heading(PDPageContentStream page, PDFont font, PDRectangle paper, SupervisionPlan plan, Heading heading,
                                 float top) throws IOException {
        float left = MARGIN + 150;
        float right = paper.getWidth() - MARGIN - 170;
        centred(page, font, 10, left, top, heading.parentUnitName().toUpperCase(java.util.Locale.ROOT));
        centred(page, font, 10, left, top - LEADING, heading.unitName().toUpperCase(java.util.Locale.ROOT));
        centred(page, font, 10, right, top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        centred(page, font, 10, right, top - LEADING, "Độc lập - Tự do - Hạnh phúc");
        java.time.LocalDate drawn = java.time.LocalDate.ofInstant(plan.generatedAt(), java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        centred(page, font, 9, right, top - 2.5f * LEADING, "ngày " + drawn.getDayOfMonth() + " tháng " + drawn.getMonthValue()
                + " năm " + drawn.getYear());
        float y = top - 4 * LEADING;
        centred(page, font, 13, paper.getWidth() / 2, y, "KẾ HOẠCH KIỂM TRA THÁNG " + plan.month().getMonthValue() + "/"
                + plan.month().getYear());
        centred(page, font, 10, paper.getWidth() / 2, y - LEADING, "Kế hoạch kiểm tra luân phiên các doanh nghiệp chế xuất — "
                + heading.unitName());
        return y - 2.5f * LEADING;
    }

    /** Who drew the plan and the head who approves it, each with a space to sign above the printed name. */
    private static void signatures(PDPageContentStream page, PDFont font, PDRectangle paper, SupervisionPlan plan, Heading heading,
                                   float top) throws IOException {
        float left = MARGIN + 150;
        float right = paper.getWidth() - MARGIN - 170;
        centred(page, font, 10, left, top, "NGƯỜI LẬP");
        centred(page, font, 8, left, top - LEADING, "(Ký, ghi rõ họ tên)");
        centred(page, font, 10, left, top - 5 * LEADING, heading.nameOf().apply(plan.generatedBy()));
        centred(page, font, 10, right, top, "CHI CỤC TRƯỞNG");
        centred(page, font, 8, right, top - LEADING, "(Ký, ghi rõ họ tên, đóng dấu)");
    }

    private static void centred(PDPageContentStream page, PDFont font, float size, float centre, float y, String text) throws IOException {
        text(page, font, size, centre - font.getStringWidth(text) / 1000 * size / 2, y, text);
    }

    private static void text(PDPageContentStream page, PDFont font, float size, float x, float y, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }

    /** The text, cut with an ellipsis where it would run into the next column. */
    private static String fit(PDFont font, String text, float width) throws IOException {
        String fitted = text;
        while (fitted.length() > 1 && font.getStringWidth(fitted) / 1000 * SIZE > width) {
            fitted = fitted.substring(0, fitted.length() - 2) + "…";
        }
        return fitted;
    }
}
