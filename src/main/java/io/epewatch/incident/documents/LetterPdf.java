package io.epewatch.incident.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Renders an {@link OfficialLetter} as an A4 PDF. The font is Liberation Sans, which PDFBox itself ships (so nothing
 * is fetched at run time) and which has every Vietnamese letter; it is embedded, so the diacritics print and copy
 * as written. Bold is drawn by stroking the glyphs, the one weight being regular.
 */
public final class LetterPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN_LEFT = 85;   // 3 cm, as administrative documents have it
    private static final float MARGIN_RIGHT = 57;  // 2 cm
    private static final float MARGIN_TOP = 57;
    private static final float SIZE = 12;
    private static final float LEADING = 16;

    private LetterPdf() {
    }

    public static byte[] render(OfficialLetter letter) {
        try (PDDocument document = new PDDocument(); InputStream fontFile = LetterPdf.class.getResourceAsStream(FONT)) {
            PDFont font = PDType0Font.load(document, fontFile);
            Writer writer = new Writer(document, font);
            float half = (PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT) / 2;
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
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the letter as PDF", e);
        }
    }

    /** Lays text down a page, starting a new page when the current one is full. */
    private static final class Writer {

        private final PDDocument document;
        private final PDFont font;
        private PDPageContentStream stream;
        float y;

        Writer(PDDocument document, PDFont font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void centred(String text, float x, float width, boolean bold) throws IOException {
            for (String line : wrap(text, width, bold)) {
                show(line, x + (width - width(line)) / 2, bold);
            }
        }

        void right(String text) throws IOException {
            show(text, PDRectangle.A4.getWidth() - MARGIN_RIGHT - width(text), false);
        }

        void line(String text, float x, boolean bold) throws IOException {
            show(text, x, bold);
        }

        void wrapped(String text, boolean bold) throws IOException {
            float width = PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
            for (String paragraph : text.split("\n")) {
                for (String line : wrap(paragraph, width, bold)) {
                    show(line, MARGIN_LEFT, bold);
                }
            }
        }

        private void show(String text, float x, boolean bold) throws IOException {
            if (y < MARGIN_TOP) {
                newPage();
            }
            stream.beginText();
            stream.setFont(font, SIZE);
            stream.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            stream.setLineWidth(bold ? 0.4f : 0);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
            y -= LEADING;
        }

        private List<String> wrap(String text, float width, boolean bold) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate) <= width || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private float width(String text) throws IOException {
            return font.getStringWidth(text) / 1000 * SIZE;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN_TOP;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
