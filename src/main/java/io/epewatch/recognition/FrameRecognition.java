package io.epewatch.recognition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.recognition.grammar.ReadingParser;
import io.epewatch.recognition.ocr.OcrModels;
import io.epewatch.recognition.ocr.PaddleTextReader;
import io.epewatch.recognition.ocr.PlateCropReader;

/**
 * One picture in, plates and container numbers out: the text reader (detection, recognition) then the grammars.
 * One instance per worker: an ONNX session runs one picture at a time best on a small machine. Call {@link #read}
 * on a {@link RecognitionThreads} thread.
 */
public final class FrameRecognition implements AutoCloseable {

    /** A plate crop read without detection must reach this to be taken; else the full reader reads it again. */
    private static final double CROP_ACCEPTED = 0.8;

    /** A moving region larger than this share of the frame is read whole: cropping would save little. */
    private static final double MOSTLY_WHOLE = 0.6;

    private final OcrModels models;
    private final PaddleTextReader reader;
    private final TextReader crops;
    private final ReadingParser parser = new ReadingParser();
    private final int detectionSize;

    private FrameRecognition(OcrModels models, int detectionSize) {
        this.models = models;
        this.detectionSize = detectionSize;
        this.reader = new PaddleTextReader(models, detectionSize);
        this.crops = new PlateCropReader(models);
    }

    /** The detection size that read the sample gate frames best (see docs/recognition.md). */
    public static final int DEFAULT_DETECTION_SIZE = 1120;

    /** @param threads ONNX intra-op threads for this instance */
    public static FrameRecognition load(int threads) {
        return load(threads, DEFAULT_DETECTION_SIZE);
    }

    /** @param detectionSize long side, in pixels, of the picture the text detector sees (a multiple of 32) */
    public static FrameRecognition load(int threads, int detectionSize) {
        if (detectionSize < 320 || detectionSize % 32 != 0) {
            throw new IllegalArgumentException("detection size must be a multiple of 32 from 320, not " + detectionSize);
        }
        return new FrameRecognition(RecognitionThreads.call(() -> OcrModels.load(threads)), detectionSize);
    }

    /**
     * Only the part of a frame where something moved (issue 21: the motion gate knows it), read at the scale of the
     * whole frame so that small text stays as large; lines and readings come back in the frame's coordinates. A
     * region that is most of the frame, or none, reads the whole frame.
     */
    public FrameRead read(Picture frame, Box moving) {
        if (moving == null || (double) moving.width() * moving.height() >= MOSTLY_WHOLE * frame.width() * frame.height()) {
            return read(frame);
        }
        Picture part = frame.crop(moving);
        int longSide = (int) Math.ceil((double) detectionSize * Math.max(part.width(), part.height())
                / Math.max(frame.width(), frame.height()));
        List<TextLine> lines = reader.read(part, Math.max(32, longSide)).stream()
                .map(l -> new TextLine(new Box(l.box().x() + moving.x(), l.box().y() + moving.y(), l.box().width(), l.box().height()), l.chars()))
                .toList();
        long parsing = System.nanoTime();
        List<Reading> readings = parser.parse(lines);
        return new FrameRead(lines, readings, new FrameRead.Stages(0, ms(reader.lastDetectNanos()), ms(reader.lastRecogniseNanos()),
                ms(System.nanoTime() - parsing), (double) part.width() * part.height() / ((double) frame.width() * frame.height())));
    }

    public FrameRead read(Picture picture) {
        List<TextLine> cropLines = List.of();
        List<Reading> cropReadings = List.of();
        double cropMs = 0;
        if (PlateCropReader.plausible(picture)) {
            long start = System.nanoTime();
            cropLines = crops.read(picture);
            cropReadings = parser.parse(cropLines);
            cropMs = ms(System.nanoTime() - start);
            if (!cropReadings.isEmpty() && cropReadings.get(0).kind() == Reading.Kind.PLATE
                    && cropReadings.get(0).confidence() >= CROP_ACCEPTED) {
                return new FrameRead(cropLines, cropReadings, new FrameRead.Stages(cropMs, 0, 0, 0, 0));
            }
        }
        List<TextLine> lines = reader.read(picture);
        long parsing = System.nanoTime();
        List<Reading> readings = parser.parse(lines);
        FrameRead.Stages stages = new FrameRead.Stages(cropMs, ms(reader.lastDetectNanos()), ms(reader.lastRecogniseNanos()),
                ms(System.nanoTime() - parsing), 1);
        if (cropReadings.isEmpty()) {
            return new FrameRead(lines, readings, stages);
        }
        // both ways read it: each text once, at the better of the two confidences, best first
        Map<String, Reading> merged = new LinkedHashMap<>();
        for (Reading reading : concat(readings, cropReadings)) {
            merged.merge(reading.kind() + ":" + reading.text(), reading, (a, b) -> a.confidence() >= b.confidence() ? a : b);
        }
        List<Reading> best = new ArrayList<>(merged.values());
        best.sort(Comparator.comparingDouble(Reading::confidence).reversed());
        return new FrameRead(concat(lines, cropLines), best, stages);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Override
    public void close() {
        models.close();
    }
}
