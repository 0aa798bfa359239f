package io.epewatch.risk.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the engine reads, one fact at a time, in the order of the fact log. Facts are built from the source modules'
 * events (gate, declaration, cargo, tracking, camera) and carry everything a rule needs, so that replaying the log
 * reproduces every warning without reading anything else (R4.5).
 *
 * <p>{@link #at()} is when the fact happened in the world (event time); the engine's clock is the latest of them.
 */
public sealed interface Fact {

    Instant at();

    enum Direction { IN, OUT }

    /** A container as read at a gate: a number failing ISO 6346 is kept, marked invalid. */
    record Container(String number, boolean valid) {
    }

    /** A vehicle a document names, with the containers it carries (empty when the document does not say). */
    record Vehicle(String plate, List<String> containers) {
        public Vehicle {
            containers = listOf(containers);
        }

    }

    /**
     * A vehicle through an EPE gate.
     *
     * @param location  the name of the camera's location on the site diagram
     * @param scrapArea the location holds scrap or refuse (R1.1)
     * @param source    who recorded it; {@code manual-log} is written by hand while the camera was down; null when not known
     */
    /**
     * @param seals the seal numbers seen on the containers at the gate (R5.8), when the gate reports them
     */
    record Passage(long id, String enterprise, String camera, String location, boolean scrapArea, Direction direction,
                   Instant at, String plate, List<Container> containers, String source, List<SealSeen> seals) implements Fact {
        public Passage {
            containers = listOf(containers);
            seals = listOf(seals);
        }

        public Passage(long id, String enterprise, String camera, String location, boolean scrapArea, Direction direction,
                       Instant at, String plate, List<Container> containers, String source) {
            this(id, enterprise, camera, location, scrapArea, direction, at, plate, containers, source, List.of());
        }

        /** The camera itself read this passage: it was not down then. */
        boolean readByCamera() {
            return source != null && !source.equals("manual-log");
        }

    }

    /** Something carried by documents: declarations and manifests name vehicles and containers. */
    sealed interface Paper extends Fact {
        String reference();

        String enterprise();

        List<Vehicle> vehicles();

        List<String> containers();

        /** Containers this paper puts on the given vehicle; empty when it names none for it. */
        default List<String> containersOn(String plate) {
            return vehicles().stream().filter(v -> v.plate().equals(plate)).findFirst().map(Vehicle::containers)
                    .orElse(List.of());
        }

        default boolean names(String plateOrContainer) {
            return containers().contains(plateOrContainer)
                    || vehicles().stream().anyMatch(v -> v.plate().equals(plateOrContainer) || v.containers().contains(plateOrContainer));
        }
    }

    /**
     * A declaration, in its latest version (R4.4, R5.7).
     *
     * @param export    goods leave the EPE under it (export, or transit out)
     * @param transit   the transit route, when it is a transit declaration
     * @param clearedAt   when the goods became free to leave (cleared, or released before the fee), or null
     * @param inspectedAt when the physical inspection was recorded (R5.6), or null; read for red declarations
     * @param status      where its processing stands, as the declaration system says (CLEARED, INSPECTION …), or null
     */
    /**
     * @param seals   the seals customs recorded on the containers (R5.7, R5.8)
     * @param arrival the seal check and arrival at the destination office of a transit, or null
     */
    record Declared(String number, int version, String enterprise, boolean export, Route transit, String lane,
                    Instant at, Instant clearedAt, List<Vehicle> vehicles, List<String> containers, Instant inspectedAt,
                    String status, List<SealSeen> seals, Arrival arrival) implements Paper {
        public Declared {
            vehicles = listOf(vehicles);
            containers = listOf(containers);
            seals = listOf(seals);
        }

        public Declared(String number, int version, String enterprise, boolean export, Route transit, String lane,
                        Instant at, Instant clearedAt, List<Vehicle> vehicles, List<String> containers, Instant inspectedAt,
                        String status) {
            this(number, version, enterprise, export, transit, lane, at, clearedAt, vehicles, containers, inspectedAt,
                    status, List.of(), null);
        }

        /** The seal customs recorded on a container, or null. */
        String sealOn(String container) {
            return seals.stream().filter(s -> s.container().equals(container)).map(SealSeen::seal).findFirst().orElse(null);
        }

        /** The lane asks for documents or an inspection before the goods leave (Decree 87/2012 Art. 10; R5.5). */
        boolean checked() {
            return "YELLOW".equals(lane) || "RED".equals(lane);
        }

        @Override
        public String reference() {
            return "declaration:" + number;
        }
    }

    /** A seal on a container: recorded by customs, or seen at a gate or on arrival. */
    record SealSeen(String container, String seal) {
    }

    /** The destination office's arrival confirmation with the seals it found (R5.7). */
    record Arrival(Instant at, String office, List<SealSeen> seals) {
        public Arrival {
            seals = listOf(seals);
        }
    }

    /** The route and deadline a transit declaration registers (R5.7). */
    record Route(String origin, String destination, Instant deadline) {
    }

    /** A manifest (vessel, flight or truck): the containers a carrier says it carries for the enterprise. */
    record Manifested(String number, int version, String enterprise, Instant at, List<Vehicle> vehicles,
                      List<String> containers) implements Paper {
        public Manifested {
            vehicles = listOf(vehicles);
            containers = listOf(containers);
        }

        @Override
        public String reference() {
            return "manifest:" + number;
        }
    }

    enum NoteKind { RECEIPT, DELIVERY }

    /** A warehouse receipt or delivery note of the EPE (R4.4): which goods, which vehicle or container, when. */
    record Note(String number, int version, String enterprise, NoteKind kind, String location, boolean scrapArea,
                Instant at, String plate, List<String> containers) implements Fact {
        public Note {
            containers = listOf(containers);
        }

    }

    /** A confirmation that goods passed a customs-supervised area (port or ICD gate). */
    record AreaPassage(String id, String enterprise, String place, Direction direction, Instant at, String plate,
                       List<Container> containers) implements Fact {
        public AreaPassage {
            containers = listOf(containers);
        }
    }

    /**
     * A GPS position (Ministry of Transport tracks, trackers).
     *
     * @param zone  the geofence the position lies in, or null outside every one
     * @param speed km/h
     */
    record Fix(String plate, double lat, double lon, float speed, float heading, Instant at, String zone)
            implements Fact {
    }

    /**
     * Positions stored together, in the order they were stored: logged as one fact, read as each of its fixes.
     *
     * @param at the latest of them
     */
    record Fixes(List<Fix> fixes, Instant at) implements Fact {
        public Fixes {
            fixes = listOf(fixes);
        }
    }

    /** A camera went down or came back (debounced), with the location it watches. */
    record CameraStatus(String enterprise, String camera, String location, boolean down, Instant at) implements Fact {
    }

    /**
     * What the enterprise's site diagram says of the places the law requires watched (R1.1, R1.3), after a change
     * and once a day: all of them, each with why it is not watched ({@code gap}), or null when it is.
     */
    record Coverage(String enterprise, List<Place> places, Instant at) implements Fact {
        public Coverage {
            places = listOf(places);
        }
    }

    /** A place that must be watched: a gate, a warehouse door or a yard, with the cameras in service there. */
    record Place(String location, String kind, List<String> cameras, String gap) {
        public Place {
            cameras = listOf(cameras);
        }
    }

    enum TripStage { STARTED, ARRIVED, CANCELLED }

    /**
     * A trip's stage: a vehicle carrying a declaration's or manifest's goods from one zone to another.
     *
     * @param expected the travel time the trip is allowed (distance-based, with allowance)
     */
    record Trip(long id, String enterprise, String plate, String reference, String origin, String destination,
                Duration expected, TripStage stage, Instant at) implements Fact {
    }

    /** An entry of the HQ analysts' watch list was added ({@code active}) or removed. */
    record Watch(String value, boolean container, boolean active, String reason, Instant at) implements Fact {
    }

    /** The thresholds in force for an enterprise changed (set per sub-department or enterprise by HQ analysts). */
    record Settings(String enterprise, Thresholds thresholds, Instant at) implements Fact {
    }

    /** Lists in facts are never null and never change. */
    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The wall clock: lets timed rules fire when no other fact arrives (nights, weekends, holidays — R4.5). */
    record Tick(Instant at) implements Fact {
    }
}
