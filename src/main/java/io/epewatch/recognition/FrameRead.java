package io.epewatch.recognition;

import java.util.List;

/**
 * What one picture showed: its text lines and the plates and container numbers read from them, best first, and
 * what each stage of reading it cost.
 */
public record FrameRead(List<TextLine> lines, List<Reading> readings, Stages stages) {

    public FrameRead(List<TextLine> lines, List<Reading> readings) {
        this(lines, readings, Stages.NONE);
    }

    /**
     * Milliseconds per stage (issue 21: the breakdown the benchmarks report).
     *
     * @param crop      reading a plate crop without the detector
     * @param detect    finding the lines of text (PP-OCRv4 detection)
     * @param recognise reading each line (PP-OCRv4 recognition)
     * @param grammar   plate and container grammars over the lines
     * @param pixels    how many pixels the detector was given, against the whole frame (1 = all of it)
     */
    public record Stages(double crop, double detect, double recognise, double grammar, double pixels) {

        public static final Stages NONE = new Stages(0, 0, 0, 0, 0);
    }

    public List<Reading> plates() {
        return readings.stream().filter(r -> r.kind() == Reading.Kind.PLATE).toList();
    }

    public List<Reading> containers() {
        return readings.stream().filter(r -> r.kind() == Reading.Kind.CONTAINER).toList();
    }
}
