package io.epewatch.recognition.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.kernel.PlateNumber;
import io.epewatch.recognition.Box;
import io.epewatch.recognition.FrameRead;
import io.epewatch.recognition.GateObservation;
import io.epewatch.recognition.ObservedText;
import io.epewatch.recognition.Picture;
import io.epewatch.recognition.Reading;
import io.epewatch.kernel.TolerantMatch;

/**
 * The frames of one passage voted into vehicles. Reads of plates that match tolerantly are one vehicle (two trucks
 * back to back are two); within it each distinct text collects the confidence of the frames that read it, the
 * text with most wins, and its confidence combines the agreeing frames ({@code 1 - Π(1 - c)}) scaled by their share
 * of the vote. The evidence is the frame where the winning text is largest and sharpest. Containers join the
 * vehicle whose plate frames they were read in.
 */
final class PassageVote {

    /**
     * One frame read. Its picture is kept only while it is among the passage's best few (see {@link #add}); the
     * read stays for the vote.
     */
    record Seen(Instant at, Picture picture, FrameRead read, int width) {

        Seen(Instant at, Picture picture, FrameRead read) {
            this(at, picture, read, picture.width());
        }

        Seen withoutPicture() {
            return new Seen(at, null, read, width);
        }

        /** What the frame is worth as evidence: its largest, surest text. */
        double worth() {
            return read.readings().stream().mapToDouble(r -> (double) r.box().width() * r.box().height() * r.confidence())
                    .max().orElse(0);
        }

        /** How much writing the detector found, read or not: what shows an unread vehicle best. */
        double textArea() {
            return read.lines().stream().mapToDouble(l -> (double) l.box().width() * l.box().height()).sum();
        }
    }

    /**
     * @param best the frame kept as evidence, or null
     * @param note why nothing was read, for an unread vehicle; else null
     */
    record Vehicle(ObservedText plate, List<ObservedText> containers, Seen best, Instant capturedAt, boolean approaching,
                   String note) {

        Vehicle(ObservedText plate, List<ObservedText> containers, Seen best, Instant capturedAt, boolean approaching) {
            this(plate, containers, best, capturedAt, approaching, null);
        }
    }

    /**
     * An unread vehicle (issue 21) is a passage of at least this many moving frames, in at least
     * {@value #UNREAD_FRAMES_WITH_TEXT} of which the detector found writing, and where nothing was read: a vehicle
     * with a plate and markings nobody could read — not a person walking through or a shadow.
     */
    static final int UNREAD_MOVING_FRAMES = 3;
    static final int UNREAD_FRAMES_WITH_TEXT = 2;

    private static final int MAX_CONTAINERS = 4;
    private static final int PICTURES_KEPT = 4;
    private static final double MINORITY = 0.25;
    /** Two container reads this close (in tolerant distance) are one container misread, not two containers. */
    private static final double CONTAINER_MISREAD = 3.0;

    private final List<Seen> frames = new ArrayList<>();
    /** The frame with most writing among those where nothing was read: the evidence if nothing ever is. */
    private Seen mostText;

    /**
     * Keeps the frame's read, and its picture only if it is among the {@value #PICTURES_KEPT} worth most: a 1080p
     * picture is 8 MB, and a busy gate has a passage open at every camera.
     */
    synchronized void add(Seen seen) {
        if (seen.read.readings().isEmpty()) {
            frames.add(seen.withoutPicture());
            if (seen.picture != null && !seen.read.lines().isEmpty() && (mostText == null || seen.textArea() > mostText.textArea())) {
                mostText = seen;
            }
            return;
        }
        frames.add(seen);
        List<Seen> pictured = frames.stream().filter(f -> f.picture != null).toList();
        if (pictured.size() > PICTURES_KEPT) {
            Seen least = pictured.stream().min(Comparator.comparingDouble(Seen::worth)).orElseThrow();
            frames.set(frames.indexOf(least), least.withoutPicture());
        }
    }

    /**
     * The vote's vehicles as gate observations of {@code camera}, keyed by the passage and the vehicle's place in it:
     * whoever votes the same frames again (a recognition worker taking over a partition, issue 22) records nothing
     * twice.
     */
    List<GateObservation> observations(GateCamera camera, String passage) {
        List<Vehicle> voted = vehicles();
        List<GateObservation> observations = new ArrayList<>();
        for (int i = 0; i < voted.size(); i++) {
            Vehicle vehicle = voted.get(i);
            observations.add(new GateObservation(camera.enterpriseTaxCode(), camera.number(), vehicle.capturedAt(),
                    direction(camera, vehicle), vehicle.plate(), vehicle.containers(),
                    vehicle.best() == null ? null : vehicle.best().picture().jpeg(), "recognition", passage + "/" + i,
                    vehicle.note()));
        }
        return observations;
    }

    /** The camera's configured direction wins; a camera that sees both ways tells by the vehicle coming closer. */
    private static String direction(GateCamera camera, Vehicle vehicle) {
        if ("IN".equals(camera.direction()) || "OUT".equals(camera.direction())) {
            return camera.direction();
        }
        return vehicle.approaching() ? "IN" : "OUT";
    }

    synchronized List<Vehicle> vehicles() {
        List<Seen> ordered = new ArrayList<>(frames);
        ordered.sort(Comparator.comparing(Seen::at));
        List<Cluster> plates = knownLayoutsFirst(outvoted(clusters(ordered, Reading.Kind.PLATE), Double.MAX_VALUE));
        List<Cluster> containers = outvoted(clusters(ordered, Reading.Kind.CONTAINER), CONTAINER_MISREAD);
        List<Vehicle> vehicles = new ArrayList<>();
        if (plates.isEmpty()) {
            if (!containers.isEmpty()) {
                Cluster lead = containers.get(0);
                vehicles.add(new Vehicle(null, observed(containers), lead.bestSeen(), lead.firstAt(), lead.approaching()));
            } else {
                unread(ordered).ifPresent(vehicles::add);
            }
            return vehicles;
        }
        Map<Cluster, List<Cluster>> carried = new LinkedHashMap<>();
        plates.forEach(p -> carried.put(p, new ArrayList<>()));
        for (Cluster container : containers) {
            Cluster nearest = plates.stream().min(Comparator.comparingLong(p -> p.gapTo(container))).orElseThrow();
            carried.get(nearest).add(container);
        }
        carried.forEach((plate, its) -> vehicles.add(new Vehicle(plate.observed(), observed(its), plate.bestSeen(),
                plate.firstAt(), plate.approaching())));
        return vehicles;
    }

    /**
     * A plate of unknown country is a line that looked like one in a frame where no plate was read: when the passage
     * read a plate of a known layout, those lines were something else; when it read none, the strongest is the one
     * vehicle's plate, not one vehicle per line.
     */
    private static List<Cluster> knownLayoutsFirst(List<Cluster> plates) {
        List<Cluster> known = plates.stream().filter(c -> !PlateNumber.ofUnknownCountry(c.winner())).toList();
        if (!known.isEmpty()) {
            return known;
        }
        return plates.stream().max(Comparator.comparingDouble(Cluster::support)).map(List::of).orElse(List.of());
    }

    private Optional<Vehicle> unread(List<Seen> ordered) {
        List<Seen> withText = ordered.stream().filter(f -> !f.read.lines().isEmpty()).toList();
        if (ordered.size() < UNREAD_MOVING_FRAMES || withText.size() < UNREAD_FRAMES_WITH_TEXT || mostText == null) {
            return Optional.empty();
        }
        boolean approaching = withText.get(withText.size() - 1).textArea() >= withText.get(0).textArea();
        return Optional.of(new Vehicle(null, List.of(), mostText, ordered.get(0).at(), approaching,
                "nothing on the vehicle could be read in " + ordered.size() + " frames (" + withText.size() + " with writing)"));
    }

    /**
     * A cluster with less than a quarter of the strongest one's support is a misread of it (a plate half out of the
     * picture, a smeared frame), not another vehicle: its reads join the strongest as losing votes. For containers,
     * which may be two on one truck, only when the texts are close ({@code within} in tolerant distance).
     */
    private static List<Cluster> outvoted(List<Cluster> clusters, double within) {
        if (clusters.size() < 2) {
            return clusters;
        }
        Cluster strongest = clusters.stream().max(Comparator.comparingDouble(Cluster::support)).orElseThrow();
        List<Cluster> kept = new ArrayList<>();
        for (Cluster cluster : clusters) {
            if (cluster != strongest && cluster.support() < strongest.support() * MINORITY
                    && TolerantMatch.distance(cluster.winner(), strongest.winner()) <= within) {
                strongest.absorb(cluster);
            } else {
                kept.add(cluster);
            }
        }
        return kept;
    }

    private static List<ObservedText> observed(List<Cluster> clusters) {
        return clusters.stream().map(Cluster::observed)
                .sorted(Comparator.comparingDouble(ObservedText::confidence).reversed())
                .limit(MAX_CONTAINERS).toList();
    }

    private static List<Cluster> clusters(List<Seen> frames, Reading.Kind kind) {
        List<Cluster> clusters = new ArrayList<>();
        for (Seen seen : frames) {
            for (Reading reading : seen.read.readings()) {
                if (reading.kind() != kind || cutOff(reading.box(), seen.width)) {
                    continue;
                }
                Cluster home = clusters.stream().filter(c -> c.accepts(reading)).findFirst().orElse(null);
                if (home == null) {
                    home = new Cluster(kind);
                    clusters.add(home);
                }
                home.add(seen, reading);
            }
        }
        return clusters;
    }

    /** Text touching the left or right edge is likely cut off; other frames of the passage show it whole. */
    private static boolean cutOff(Box box, int width) {
        return box.x() <= 1 || box.right() >= width - 1;
    }

    private static final class Cluster {

        private final Reading.Kind kind;
        private final List<Seen> seen = new ArrayList<>();
        private final List<Reading> readings = new ArrayList<>();

        Cluster(Reading.Kind kind) {
            this.kind = kind;
        }

        /**
         * The same plate allowing an OCR slip; the same container also when only its owner code differs (the six
         * serial digits agree), as when the truck enters the picture and its first letter is cut off.
         */
        boolean accepts(Reading reading) {
            return readings.stream().anyMatch(r -> TolerantMatch.matches(r.text(), reading.text())
                    || kind == Reading.Kind.CONTAINER && r.compact().length() == 11 && reading.compact().length() == 11
                    && r.compact().substring(4, 10).equals(reading.compact().substring(4, 10)));
        }

        void add(Seen frame, Reading reading) {
            seen.add(frame);
            readings.add(reading);
        }

        void absorb(Cluster other) {
            seen.addAll(other.seen);
            readings.addAll(other.readings);
        }

        double support() {
            return readings.stream().mapToDouble(Reading::confidence).sum();
        }

        String winner() {
            Map<String, Double> votes = new LinkedHashMap<>();
            readings.forEach(r -> votes.merge(r.text(), r.confidence(), Double::sum));
            return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }

        ObservedText observed() {
            String text = winner();
            double all = readings.stream().mapToDouble(Reading::confidence).sum();
            double agreeing = 0;
            double allWrong = 1;
            int frames = 0;
            String note = null;
            for (Reading r : readings) {
                if (r.text().equals(text)) {
                    agreeing += r.confidence();
                    allWrong *= 1 - r.confidence();
                    frames++;
                    note = note == null ? r.note() : note;
                }
            }
            double confidence = (1 - allWrong) * (all == 0 ? 0 : agreeing / all);
            int best = bestIndex(text);
            byte[] crop = null;
            if (best >= 0) {
                Box box = readings.get(best).box();
                crop = seen.get(best).picture.crop(box.grown(box.width() / 10 + 2, box.height() / 5 + 2)).jpeg();
            }
            return new ObservedText(kind, text, confidence, frames, crop, frames > 1 ? null : note);
        }

        /** The frame kept as evidence, or null when no picture of this text was kept. */
        Seen bestSeen() {
            int best = bestIndex(winner());
            return best < 0 ? null : seen.get(best);
        }

        Instant firstAt() {
            return seen.stream().map(Seen::at).min(Comparator.naturalOrder()).orElseThrow();
        }

        /** Whether the text grew from its first frame to its last: the vehicle came towards the camera. */
        boolean approaching() {
            Box first = readings.get(0).box();
            Box last = readings.get(readings.size() - 1).box();
            return (long) last.width() * last.height() >= (long) first.width() * first.height();
        }

        /** Milliseconds between this cluster's frames and another's (0 when they overlap). */
        long gapTo(Cluster other) {
            long best = Long.MAX_VALUE;
            for (Seen a : seen) {
                for (Seen b : other.seen) {
                    best = Math.min(best, Math.abs(a.at.toEpochMilli() - b.at.toEpochMilli()));
                }
            }
            return best;
        }

        /** The kept frame where the text is largest and sharpest, or -1. */
        private int bestIndex(String text) {
            int best = -1;
            double bestScore = -1;
            for (int i = 0; i < readings.size(); i++) {
                Reading r = readings.get(i);
                if (!r.text().equals(text) || seen.get(i).picture == null) {
                    continue;
                }
                Picture crop = seen.get(i).picture.crop(r.box());
                double score = (double) r.box().width() * r.box().height() * (1 + Sharpness.of(crop)) * r.confidence();
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            return best;
        }
    }
}
