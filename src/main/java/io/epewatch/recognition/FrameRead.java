package io.epewatch.recognition;

import java.util.List;

/** What one picture showed: its text lines and the plates and container numbers read from them, best first. */
public record FrameRead(List<TextLine> lines, List<Reading> readings) {

    public List<Reading> plates() {
        return readings.stream().filter(r -> r.kind() == Reading.Kind.PLATE).toList();
    }

    public List<Reading> containers() {
        return readings.stream().filter(r -> r.kind() == Reading.Kind.CONTAINER).toList();
    }
}
