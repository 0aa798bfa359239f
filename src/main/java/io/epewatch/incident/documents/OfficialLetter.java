package io.epewatch.incident.documents;

import java.util.List;

/**
 * What a letter of an enterprise to customs says, in the layout of Vietnamese administrative documents: the issuer
 * and its number on the left and the national heading on the right, place and date, the title and its subject, the
 * body, recipients, the signature block. One model, rendered as PDF ({@link LetterPdf}) and DOCX ({@link LetterDocx}).
 *
 * @param issuer    the enterprise's name, upper case as on its letters
 * @param paragraphs the body; a numbered item is a paragraph with its answer after it
 */
public record OfficialLetter(String issuer, String number, String placeAndDate, String title, String subject,
                             List<Paragraph> paragraphs, List<String> recipients, String signatureTitle,
                             String signatureNote) {

    public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    /** @param emphasis a heading or question of the form (bold), else the enterprise's own words */
    public record Paragraph(String text, boolean emphasis) {

        public static Paragraph question(String text) {
            return new Paragraph(text, true);
        }

        public static Paragraph answer(String text) {
            return new Paragraph(text == null || text.isBlank() ? "…" : text, false);
        }
    }
}
