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

    private final OcrModels models;
    private final TextReader reader;
    private final TextReader crops;
    private final ReadingParser parser = new ReadingParser();

    private FrameRecognition(OcrModels models, int detectionSize) {
        this.models = models;
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

    public FrameRead read(Picture picture) {
        List<TextLine> cropLines = List.of();
        List<Reading> cropReadings = List.of();
        if (PlateCropReader.plausible(picture)) {
            cropLines = crops.read(picture);
            cropReadings = parser.parse(cropLines);
            if (!cropReadings.isEmpty() && cropReadings.get(0).kind() == Reading.Kind.PLATE
                    && cropReadings.get(0).confidence() >= CROP_ACCEPTED) {
                return new FrameRead(cropLines, cropReadings);
            }
        }
        List<TextLine> lines = reader.read(picture);
        List<Reading> readings = parser.parse(lines);
        if (cropReadings.isEmpty()) {
            return new FrameRead(lines, readings);
        }
        // both ways read it: each text once, at the better of the two confidences, best first
        Map<String, Reading> merged = new LinkedHashMap<>();
        for (Reading reading : concat(readings, cropReadings)) {
            merged.merge(reading.kind() + ":" + reading.text(), reading, (a, b) -> a.confidence() >= b.confidence() ? a : b);
        }
        List<Reading> best = new ArrayList<>(merged.values());
        best.sort(Comparator.comparingDouble(Reading::confidence).reversed());
        return new FrameRead(concat(lines, cropLines), best);
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
