package io.epewatch.incident.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * Renders an {@link OfficialLetter} as DOCX, for an enterprise that edits and signs it in its word processor: the
 * heading as a borderless two-column table, the body in Times New Roman 13, as administrative documents are written.
 */
public final class LetterDocx {

    private static final String FONT = "Times New Roman";
    private static final int SIZE = 13;

    private LetterDocx() {
    }

    public static byte[] render(OfficialLetter letter) {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFTable heading = document.createTable(1, 2);
            heading.removeBorders();
            heading.setWidth("100%");
            cell(heading.getRow(0).getCell(0), true, letter.issuer());
            cell(heading.getRow(0).getCell(0), false, "-------");
            cell(heading.getRow(0).getCell(0), false, "Số: " + letter.number());
            cell(heading.getRow(0).getCell(1), true, OfficialLetter.NATION);
            cell(heading.getRow(0).getCell(1), true, OfficialLetter.MOTTO);
            cell(heading.getRow(0).getCell(1), false, "---------------");
            paragraph(document, ParagraphAlignment.RIGHT, false, letter.placeAndDate()).getRuns().getFirst().setItalic(true);
            paragraph(document, ParagraphAlignment.CENTER, true, letter.title());
            paragraph(document, ParagraphAlignment.CENTER, true, letter.subject());
            for (OfficialLetter.Paragraph p : letter.paragraphs()) {
                paragraph(document, ParagraphAlignment.BOTH, p.emphasis(), p.text());
            }
            XWPFTable closing = document.createTable(1, 2);
            closing.removeBorders();
            closing.setWidth("100%");
            cell(closing.getRow(0).getCell(0), true, "Nơi nhận:").setAlignment(ParagraphAlignment.LEFT);
            for (String recipient : letter.recipients()) {
                cell(closing.getRow(0).getCell(0), false, "- " + recipient).setAlignment(ParagraphAlignment.LEFT);
            }
            for (String line : letter.signatureTitle().split("\n")) {
                cell(closing.getRow(0).getCell(1), true, line);
            }
            cell(closing.getRow(0).getCell(1), false, letter.signatureNote()).getRuns().getFirst().setItalic(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the letter as DOCX", e);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument document, ParagraphAlignment alignment, boolean bold, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        run(paragraph, bold, text);
        return paragraph;
    }

    /** A centred line in a heading cell; the cell's first (empty) paragraph is used first. */
    private static XWPFParagraph cell(XWPFTableCell cell, boolean bold, String text) {
        XWPFParagraph paragraph = cell.getParagraphs().size() == 1 && cell.getParagraphs().getFirst().getRuns().isEmpty()
                ? cell.getParagraphs().getFirst() : cell.addParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, bold, text);
        return paragraph;
    }

    private static void run(XWPFParagraph paragraph, boolean bold, String text) {
        String[] lines = text.split("\n");
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(SIZE);
        run.setBold(bold);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        paragraph.setSpacingAfter(BigInteger.valueOf(60).intValue());
    }
}
