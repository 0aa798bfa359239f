package io.epewatch.recognition.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.epewatch.recognition.Box;
import io.epewatch.recognition.Picture;
import io.epewatch.recognition.TextLine;
import io.epewatch.recognition.TextReader;

/**
 * PP-OCRv4 detection then recognition of each region. Container codes are often painted down a door or a post, one
 * character under the other: such columns (a tall region, or small one-character regions stacked) are cut into
 * characters and laid side by side, so the line recogniser reads them like any horizontal line.
 */
public final class PaddleTextReader implements TextReader {

    private static final Pattern CONTAINER_TAIL = Pattern.compile("([A-Z]{0,3})\\d{6,7}");

    private final TextDetector detector;
    private final TextRecognizer recognizer;

    /**
     * @param detectionSize the long side pictures are scaled to for detection (a multiple of 32): 1120 reads the thin
     *                      vertical codes of 1080p gate frames that 960 misses, at about 1.6 times the cost
     */
    public PaddleTextReader(OcrModels models, int detectionSize) {
        this.detector = new TextDetector(models, detectionSize, 320);
        this.recognizer = new TextRecognizer(models);
    }

    private long detectNanos;
    private long recogniseNanos;

    @Override
    public List<TextLine> read(Picture picture) {
        return read(picture, 0);
    }

    /**
     * @param detectionLongSide the long side the detector scales this picture to, or 0 for the reader's own: a part
     *                          of a frame is read at the frame's scale, so small text stays as large as in the whole
     */
    public List<TextLine> read(Picture picture, int detectionLongSide) {
        long start = System.nanoTime();
        List<Box> boxes = VerticalColumns.merge(detectionLongSide > 0 ? detector.detect(picture, detectionLongSide) : detector.detect(picture));
        long detected = System.nanoTime();
        detectNanos = detected - start;
        List<TextLine> lines = recognise(picture, boxes);
        recogniseNanos = System.nanoTime() - detected;
        return lines;
    }

    /** Nanoseconds the last {@link #read} spent detecting, then recognising. */
    public long lastDetectNanos() {
        return detectNanos;
    }

    public long lastRecogniseNanos() {
        return recogniseNanos;
    }

    private List<TextLine> recognise(Picture picture, List<Box> boxes) {
        List<TextLine> lines = new ArrayList<>();
        for (Box box : boxes) {
            Picture crop = picture.crop(box);
            if (box.tall()) {
                Picture laidOut = VerticalColumns.layOut(crop);
                if (laidOut != null) {
                    lines.add(reachUp(picture, new TextLine(box, recognizer.recognize(laidOut))));
                    continue;
                }
            }
            if (box.height() >= 4 && box.width() >= 4) {
                lines.add(new TextLine(box, recognizer.recognize(crop)));
            }
        }
        lines.removeIf(line -> line.chars().isEmpty());
        lines.sort(Comparator.comparingInt((TextLine l) -> l.box().y()).thenComparingInt(l -> l.box().x()));
        return lines;
    }

    /**
     * The detector often loses the first letters at the top of a column (they sit on the door's top rail). A column
     * that reads like the tail of a container number — fewer than four letters, then six or seven digits — is read
     * again reaching up by the missing letters' height; the longer read is kept when it is whole.
     */
    private TextLine reachUp(Picture picture, TextLine column) {
        String text = column.compact();
        Matcher tail = CONTAINER_TAIL.matcher(text);
        if (!tail.matches() || column.box().y() == 0) {
            return column;
        }
        int missing = 4 - tail.group(1).length();
        int charHeight = column.box().height() / Math.max(1, text.length());
        int top = Math.max(0, column.box().y() - (int) Math.round(missing * charHeight * 1.25));
        Box taller = new Box(column.box().x(), top, column.box().width(), column.box().bottom() - top);
        Picture laidOut = VerticalColumns.layOut(picture.crop(taller));
        if (laidOut == null) {
            return column;
        }
        TextLine again = new TextLine(taller, recognizer.recognize(laidOut));
        return again.compact().matches("[A-Z]{4}\\d{6,7}") ? again : column;
    }
}
