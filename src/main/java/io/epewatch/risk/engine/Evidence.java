package io.epewatch.risk.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.kernel.TolerantMatch;

/** How rules describe what they looked at, the same way for every rule, and how they compare numbers. */
final class Evidence {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private Evidence() {
    }

    static Map<String, Object> of(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A passage as evidence: the shape the pages read to show its snapshots. */
    static Map<String, Object> passage(Fact.Passage p) {
        return of("id", p.id(), "cameraNumber", p.camera(), "location", p.location(), "direction", p.direction().name(),
                "capturedAt", p.at().toString(), "plate", p.plate() == null ? "" : p.plate(),
                "containers", p.containers().stream().map(c -> of("number", c.number(), "valid", c.valid())).toList());
    }

    static Map<String, Object> note(Fact.Note n) {
        return of("number", n.number(), "kind", n.kind().name(), "location", n.location(), "at", n.at().toString(),
                "plate", n.plate() == null ? "" : n.plate(), "containers", n.containers());
    }

    static Map<String, Object> paper(Fact.Paper p) {
        return of("reference", p.reference(), "at", p.at().toString(), "containers", p.containers(),
                "vehicles", p.vehicles().stream().map(v -> of("plate", v.plate(), "containers", v.containers())).toList());
    }

    static Map<String, Object> trip(TripRun run) {
        Fact.Trip t = run.trip;
        return of("id", t.id(), "plate", t.plate(), "reference", t.reference() == null ? "" : t.reference(),
                "origin", t.origin(), "destination", t.destination(), "startedAt", t.at().toString(),
                "expected", t.expected().toString());
    }

    static List<String> validContainers(Fact.Passage p) {
        return p.containers().stream().filter(Fact.Container::valid).map(Fact.Container::number).toList();
    }

    /** A plate as a warning's subject: letters and digits only, so {@code 51C-123.45} and {@code 51C12345} are one vehicle. */
    static String plateKey(String plate) {
        return plate == null ? "(unread)" : plate.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Whether a plate read at a gate is the one a document names. Gate reads come from OCR: one slip is allowed
     * ({@link TolerantMatch}); container numbers carry a check digit and are compared exactly.
     */
    static boolean samePlate(String read, String named) {
        return read != null && named != null && (read.equals(named) || TolerantMatch.matches(read, named));
    }

    /**
     * Facts in the window naming the plate exactly or, failing that, within one OCR slip of it: one side of the
     * comparison is always a gate read.
     */
    static <T> List<T> withPlate(Window<T> window, String plate, java.util.function.Function<T, String> plateOf,
                                 Instant from, Instant to) {
        if (plate == null) {
            return List.of();
        }
        List<T> exact = window.withKey(plate, from, to);
        if (!exact.isEmpty()) {
            return exact;
        }
        return window.between(from, to).stream().filter(t -> samePlate(plate, plateOf.apply(t))).toList();
    }

    /** Facts in the window naming any of the containers exactly or the plates within one OCR slip, each once. */
    static <T> List<T> naming(Window<T> window, java.util.Collection<String> containers,
                              java.util.Collection<String> plates, java.util.function.Function<T, String> plateOf,
                              Instant from, Instant to) {
        // by identity: a record's hash walks all its fields
        java.util.Set<T> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<T> found = new java.util.ArrayList<>();
        for (String container : containers) {
            window.withKey(container, from, to).stream().filter(seen::add).forEach(found::add);
        }
        for (String plate : plates) {
            withPlate(window, plate, plateOf, from, to).stream().filter(seen::add).forEach(found::add);
        }
        return found;
    }

    /** Passages whose plate is one of these, within one OCR slip. */
    static List<Fact.Passage> withPlateAny(Window<Fact.Passage> passages, List<String> plates, Instant from, Instant to) {
        return naming(passages, List.of(), plates, Fact.Passage::plate, from, to);
    }

    static List<String> plates(Fact.Paper paper) {
        return paper.vehicles().stream().map(Fact.Vehicle::plate).toList();
    }

    static List<String> allContainers(Fact.Paper paper) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(paper.containers());
        paper.vehicles().forEach(v -> all.addAll(v.containers()));
        return List.copyOf(all);
    }

    /**
     * The export and transit declarations that could cover an outgoing passage: registered within
     * [{@code at − declarationBefore}, {@code at + declarationAfter}], latest versions.
     */
    static List<Fact.Declared> exportsAround(Fact.Passage p, Situation situation) {
        Thresholds t = situation.thresholds(p.enterprise());
        return situation.site(p.enterprise()).papers.between(p.at().minus(t.declarationBefore()), p.at().plus(t.declarationAfter()))
                .stream().filter(paper -> paper instanceof Fact.Declared d && (d.export() || d.transit() != null))
                .map(Fact.Declared.class::cast).toList();
    }

    /** The passages a declaration could cover: naming its containers or plates, in the window mirroring {@link #exportsAround}. */
    static List<Fact.Passage> passagesCoveredBy(Fact.Declared d, Situation situation) {
        Thresholds t = situation.thresholds(d.enterprise());
        return naming(situation.site(d.enterprise()).passages, allContainers(d), plates(d), Fact.Passage::plate,
                d.at().minus(t.declarationAfter()), d.at().plus(t.declarationBefore()));
    }

    /** Local time in Vietnam, as officers read it. */
    static String local(Instant at) {
        return LOCAL.format(at.atZone(VIETNAM));
    }

    static java.time.LocalTime localTime(Instant at) {
        return at.atZone(VIETNAM).toLocalTime();
    }

    static String minutes(java.time.Duration d) {
        return d.toMinutes() + " min";
    }
}
