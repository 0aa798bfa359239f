package io.epewatch.incident.documents;

import io.epewatch.kernel.PdfPages;

/** Renders an {@link OfficialLetter} as an A4 PDF with the margins of an administrative document. */
public final class LetterPdf {

    private static final float MARGIN_LEFT = 85;   // 3 cm, as administrative documents have it
    private static final float MARGIN_RIGHT = 57;  // 2 cm
    private static final float MARGIN_TOP = 57;
    private static final float SIZE = 12;
    private static final float LEADING = 16;

    private LetterPdf() {
    }

    public static byte[] render(OfficialLetter letter) {
        try (PdfPages writer = new PdfPages(SIZE, LEADING, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP)) {
            float half = writer.textWidth() / 2;
            // the heading: issuer and number on the left, the nation and its motto on the right
            float top = writer.y;
            writer.centred(letter.issuer(), MARGIN_LEFT, half * 0.8f, true);
            writer.centred("-------", MARGIN_LEFT, half * 0.8f, false);
            writer.centred("Số: " + letter.number(), MARGIN_LEFT, half * 0.8f, false);
            float left = writer.y;
            writer.y = top;
            writer.centred(OfficialLetter.NATION, MARGIN_LEFT + half * 0.8f, half * 1.2f, true);
            writer.centred(OfficialLetter.MOTTO, MARGIN_LEFT + half * 0.8f, half * 1.2f, true);
            writer.centred("---------------", MARGIN_LEFT + half * 0.8f, half * 1.2f, false);
            writer.y = Math.min(writer.y, left) - LEADING / 2;
            writer.right(letter.placeAndDate());
            writer.y -= LEADING;
            writer.centred(letter.title(), MARGIN_LEFT, 2 * half, true);
            writer.centred(letter.subject(), MARGIN_LEFT, 2 * half, true);
            writer.y -= LEADING / 2;
            for (OfficialLetter.Paragraph p : letter.paragraphs()) {
                writer.wrapped(p.text(), p.emphasis());
            }
            writer.y -= LEADING;
            float signature = writer.y;
            writer.line("Nơi nhận:", MARGIN_LEFT, true);
            for (String recipient : letter.recipients()) {
                writer.line("- " + recipient, MARGIN_LEFT, false);
            }
            writer.y = signature;
            for (String line : letter.signatureTitle().split("\n")) {
                writer.centred(line, MARGIN_LEFT + half, half, true);
            }
            writer.centred(letter.signatureNote(), MARGIN_LEFT + half, half, false);
            return writer.bytes();
        }
    }
}
