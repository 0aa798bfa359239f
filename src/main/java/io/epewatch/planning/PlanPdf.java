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
 * A monthly plan as a landscape A4 PDF table, to sign and file: date, time, enterprise, officer, kind, result. The font
 * is the Liberation Sans PDFBox ships, embedded, so Vietnamese names print as written.
 */
public final class PlanPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final float MARGIN = 40;
    private static final float SIZE = 9;
    private static final float LEADING = 14;
    /** Column starts and widths, in points, across the landscape page. */
    private static final float[] X = {MARGIN, 70, 135, 175, 265, 520, 640, 700};
    private static final String[] TITLES = {"STT", "Ngày", "Giờ", "Mã số thuế", "Doanh nghiệp", "Công chức", "Loại", "Kết quả"};

    private PlanPdf() {
    }

    public static byte[] of(SupervisionPlan plan, String unitName) {
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
                    text(page, font, 12, MARGIN, y, "Kế hoạch kiểm tra tháng " + plan.month().getMonthValue() + "/"
                            + plan.month().getYear() + " — " + unitName);
                    y -= LEADING * 1.5f;
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
                        fit(font, check.enterpriseName(), X[5] - X[4] - 6), fit(font, check.officer(), X[6] - X[5] - 6),
                        check.unscheduled() ? "Đột xuất" : "Định kỳ", check.result() == null ? ""
                        : check.result().camerasOnline() && check.result().imagesMatchLogbook() && check.result().gateLogConsistent()
                        ? "Đạt" : "Có sai lệch"};
                for (int c = 0; c < cells.length; c++) {
                    text(page, font, SIZE, X[c], y, cells[c]);
                }
                y -= LEADING;
            }
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plan as PDF", e);
        }
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
