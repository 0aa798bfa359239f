package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.epewatch.risk.engine.Fact.CameraStatus;
import io.epewatch.risk.engine.Fact.Note;
import io.epewatch.risk.engine.Fact.Paper;
import io.epewatch.risk.engine.Fact.Passage;

/** What the engine remembers of one enterprise: its recent passages, papers, notes and camera outages. */
final class Site {

    final String enterprise;
    Thresholds thresholds;
    final Window<Passage> passages = new Window<>();
    final Map<Long, Passage> passageById = new HashMap<>();
    final Window<Paper> papers = new Window<>();
    final Map<String, Paper> paperByReference = new HashMap<>();
    final Window<Note> notes = new Window<>();
    final Map<String, Note> noteByNumber = new HashMap<>();
    /** Whether the enterprise's warehouse notes reach customs at all: until one came, their absence proves nothing. */
    boolean notesConnected;
    private final Map<String, CameraOutages> cameras = new HashMap<>();
    /** The places that must be watched, as the latest coverage told them, and since when each has had no camera. */
    final Map<String, Fact.Place> places = new HashMap<>();
    final Map<String, Instant> gapsSince = new HashMap<>();

    Site(String enterprise, Thresholds thresholds) {
        this.enterprise = enterprise;
        this.thresholds = thresholds;
    }

    /** @return false when the passage was seen before (a redelivered event) */
    boolean add(Passage passage) {
        if (passageById.putIfAbsent(passage.id(), passage) != null) {
            return false;
        }
        passages.add(passage.at(), passage, keysOf(passage.plate(), passage.containers().stream()
                .map(Fact.Container::number).toList()));
        return true;
    }

    /** @return false when this version (or a later one) is already known */
    boolean add(Paper paper) {
        Paper known = paperByReference.get(paper.reference());
        if (known != null && version(known) >= version(paper)) {
            return false;
        }
        if (known != null) {
            papers.remove(known);
        }
        paperByReference.put(paper.reference(), paper);
        List<String> keys = new ArrayList<>(paper.containers());
        for (Fact.Vehicle vehicle : paper.vehicles()) {
            keys.add(vehicle.plate());
            keys.addAll(vehicle.containers());
        }
        papers.add(paper.at(), paper, new LinkedHashSet<>(keys));
        return true;
    }

    boolean add(Note note) {
        Note known = noteByNumber.get(note.number());
        if (known != null && known.version() >= note.version()) {
            return false;
        }
        if (known != null) {
            notes.remove(known);
        }
        noteByNumber.put(note.number(), note);
        notesConnected = true;
        notes.add(note.at(), note, keysOf(note.plate(), note.containers()));
        return true;
    }

    /** Takes the latest coverage: a gap is dated from the first coverage that showed it (whatever its cause since). */
    boolean add(Fact.Coverage coverage) {
        Set<String> listed = new java.util.HashSet<>();
        for (Fact.Place place : coverage.places()) {
            listed.add(place.location());
            places.put(place.location(), place);
            if (place.gap() == null) {
                gapsSince.remove(place.location());
            } else {
                gapsSince.putIfAbsent(place.location(), coverage.at());
            }
        }
        places.keySet().retainAll(listed);
        gapsSince.keySet().retainAll(listed);
        return true;
    }

    /** @return false when the camera was already known in that state from that instant */
    boolean add(CameraStatus status) {
        return cameras.computeIfAbsent(status.camera(), c -> new CameraOutages()).record(status);
    }

    /** The cameras watching {@code location} that were down at {@code at}, by number. */
    List<String> camerasDownAt(String location, Instant at) {
        List<String> down = new ArrayList<>();
        cameras.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(camera -> {
            if (location.equals(camera.getValue().location) && camera.getValue().downAt(at)) {
                down.add(camera.getKey());
            }
        });
        return down;
    }

    void expireBefore(Instant cutoff) {
        passages.expireBefore(cutoff);
        passageById.values().removeIf(p -> p.at().isBefore(cutoff));
        papers.expireBefore(cutoff);
        paperByReference.values().removeIf(p -> p.at().isBefore(cutoff));
        notes.expireBefore(cutoff);
        noteByNumber.values().removeIf(n -> n.at().isBefore(cutoff));
        cameras.values().forEach(c -> c.expireBefore(cutoff));
    }

    int size() {
        return passages.size() + papers.size() + notes.size() + cameras.size() + places.size();
    }

    private static int version(Paper paper) {
        return switch (paper) {
            case Fact.Declared d -> d.version();
            case Fact.Manifested m -> m.version();
        };
    }

    private static Set<String> keysOf(String plate, List<String> containers) {
        Set<String> keys = new LinkedHashSet<>(containers);
        if (plate != null) {
            keys.add(plate);
        }
        return keys;
    }

    /** One camera's down intervals, in time order, as the debounced state changes said. */
    private static final class CameraOutages {
        String location;
        private final List<Instant[]> downs = new ArrayList<>(); // {from, to or null}

        boolean record(CameraStatus status) {
            location = status.location();
            if (status.down()) {
                for (Instant[] down : downs) {
                    if (down[0].equals(status.at())) {
                        return false;
                    }
                }
                downs.add(new Instant[] {status.at(), null});
                downs.sort((a, b) -> a[0].compareTo(b[0]));
                return true;
            }
            for (Instant[] down : downs) {
                if (down[1] != null && down[1].equals(status.at())) {
                    return false;
                }
            }
            Instant[] latestBefore = null;
            for (Instant[] down : downs) {
                if (!down[0].isAfter(status.at())) {
                    latestBefore = down;
                }
            }
            if (latestBefore == null || (latestBefore[1] != null && !latestBefore[1].isAfter(status.at()))) {
                return false;
            }
            latestBefore[1] = status.at();
            return true;
        }

        boolean downAt(Instant at) {
            for (Instant[] down : downs) {
                if (!at.isBefore(down[0]) && (down[1] == null || at.isBefore(down[1]))) {
                    return true;
                }
            }
            return false;
        }

        void expireBefore(Instant cutoff) {
            downs.removeIf(d -> d[1] != null && d[1].isBefore(cutoff));
        }
    }
}
