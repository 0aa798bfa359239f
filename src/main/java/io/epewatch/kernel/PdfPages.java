package io.epewatch.kernel;

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
 * Lays text down A4 pages, starting a new page when one is full: what the printed documents (letters, declarations)
 * share. The font is Liberation Sans, which PDFBox itself ships (nothing is fetched at run time) and which has every
 * Vietnamese letter; it is embedded, so the diacritics print and copy as written. Bold is drawn by stroking the
 * glyphs, the one weight being regular.
 */
public final class PdfPages implements AutoCloseable {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private final float size;
    private final float leading;
    private final float marginLeft;
    private final float marginRight;
    private final float marginTop;
    private PDPageContentStream stream;
    /** Where the next line goes, from the bottom of the page. */
    public float y;

    public PdfPages(float size, float leading, float marginLeft, float marginRight, float marginTop) {
        this.size = size;
        this.leading = leading;
        this.marginLeft = marginLeft;
        this.marginRight = marginRight;
        this.marginTop = marginTop;
        try (InputStream fontFile = PdfPages.class.getResourceAsStream(FONT)) {
            this.font = PDType0Font.load(document, fontFile);
            newPage();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a PDF", e);
        }
    }

    public float leading() {
        return leading;
    }

    public float left() {
        return marginLeft;
    }

    /** The width between the margins. */
    public float textWidth() {
        return PDRectangle.A4.getWidth() - marginLeft - marginRight;
    }

    public void centred(String text, float x, float width, boolean bold) {
        for (String line : wrap(text, width)) {
            show(line, x + (width - width(line)) / 2, bold);
        }
    }

    public void right(String text) {
        show(text, PDRectangle.A4.getWidth() - marginRight - width(text), false);
    }

    public void line(String text, float x, boolean bold) {
        show(text, x, bold);
    }

    /** Text wrapped between the margins, each {@code \n} starting a new line. */
    public void wrapped(String text, boolean bold) {
        wrapped(text, marginLeft, textWidth(), bold);
    }

    public void wrapped(String text, float x, float width, boolean bold) {
        for (String paragraph : text.split("\n")) {
            for (String line : wrap(paragraph, width)) {
                show(line, x, bold);
            }
        }
    }

    /** The document's bytes; the pages are closed. */
    public byte[] bytes() {
        try {
            stream.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF", e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the PDF", e);
        }
    }

    private void show(String text, float x, boolean bold) {
        try {
            if (y < marginTop) {
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            stream.setLineWidth(bold ? 0.4f : 0);
            stream.newLineAtOffset(x, y);
            stream.showText(printable(text));
            stream.endText();
            y -= leading;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to the PDF", e);
        }
    }

    /** Text the font can draw: control characters (a tab, a stray byte from an upload) become spaces. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }

    private List<String> wrap(String text, float width) {
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

    private float width(String text) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size / 2; // a glyph the font lacks: an estimate keeps the layout going
        }
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - marginTop;
    }
}
