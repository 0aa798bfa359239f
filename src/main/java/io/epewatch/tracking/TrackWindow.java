package io.epewatch.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A span of a vehicle's track a caller may see; overlapping spans merge, so no position is returned twice. */
record TrackWindow(Instant from, Instant to) {

    static List<TrackWindow> merged(List<TrackWindow> windows) {
        List<TrackWindow> merged = new ArrayList<>();
        for (TrackWindow w : windows.stream().sorted(Comparator.comparing(TrackWindow::from)).toList()) {
            if (!merged.isEmpty() && !w.from().isAfter(merged.getLast().to())) {
                TrackWindow last = merged.removeLast();
                merged.add(new TrackWindow(last.from(), w.to().isAfter(last.to()) ? w.to() : last.to()));
            } else {
                merged.add(w);
            }
        }
        return merged;
    }

    /** This span within {@code [earliest, latest]}, if anything of it is. */
    Optional<TrackWindow> clip(Instant earliest, Instant latest) {
        Instant start = from.isBefore(earliest) ? earliest : from;
        Instant end = to.isAfter(latest) ? latest : to;
        return start.isAfter(end) ? Optional.empty() : Optional.of(new TrackWindow(start, end));
    }
}
