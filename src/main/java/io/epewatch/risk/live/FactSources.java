package io.epewatch.risk.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.epewatch.camera.CameraState;
import io.epewatch.cargo.AreaConfirmation;
import io.epewatch.cargo.AreaConfirmations;
import io.epewatch.cargo.AreaPassageConfirmed;
import io.epewatch.cargo.CargoVehicle;
import io.epewatch.cargo.ManifestRecorded;
import io.epewatch.cargo.Manifests;
import io.epewatch.cargo.WarehouseNoteRecorded;
import io.epewatch.cargo.WarehouseNotes;
import io.epewatch.camera.CameraStateChanged;
import io.epewatch.declaration.Declaration;
import io.epewatch.declaration.DeclarationChanged;
import io.epewatch.declaration.Declarations;
import io.epewatch.gate.GateEventRecorded;
import io.epewatch.identity.AccessScope;
import io.epewatch.registry.Camera;
import io.epewatch.registry.EnterpriseAssigned;
import io.epewatch.registry.GoodsKind;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.registry.SiteDiagramChanged;
import io.epewatch.risk.RiskProperties;
import io.epewatch.risk.RiskSettings;
import io.epewatch.risk.engine.Fact;
import io.epewatch.tracking.Positions;
import io.epewatch.tracking.PositionsRecorded;
import io.epewatch.tracking.TripChanged;
import io.epewatch.tracking.Trips;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the source modules' events into facts for the engine. Each is queued in the transaction that published the
 * event (it sees what that transaction wrote), so the fact is kept exactly when its source is and a crash between
 * recording a passage and analysing it loses nothing, without an event publication row per passage; the engine's
 * reader takes the queue in order ({@link EngineFeed}). Source keys make an event queued twice a no-op.
 */
@Component
class FactSources {

    private final FactQueue queue;
    private final SiteDiagram diagram;
    private final Declarations declarations;
    private final RiskSettings settings;
    private final Manifests manifests;
    private final WarehouseNotes notes;
    private final AreaConfirmations confirmations;
    private final Positions positions;
    private final Trips trips;
    private final EnginePartitions partitions;
    private final Duration retention;

    FactSources(FactQueue queue, SiteDiagram diagram, Declarations declarations, RiskSettings settings,
                Manifests manifests, WarehouseNotes notes, AreaConfirmations confirmations, Positions positions,
                Trips trips, EnginePartitions partitions, RiskProperties properties) {
        this.queue = queue;
        this.diagram = diagram;
        this.declarations = declarations;
        this.settings = settings;
        this.manifests = manifests;
        this.notes = notes;
        this.confirmations = confirmations;
        this.positions = positions;
        this.trips = trips;
        this.partitions = partitions;
        this.retention = properties.defaults().retention();
    }

    /** A new enterprise, or one moved to another sub-department, is judged by that unit's thresholds (R5.8). */
    @Async
    @TransactionalEventListener
    void on(EnterpriseAssigned assigned) {
        settings.refresh(assigned.taxCode(), assigned.at());
    }

    @EventListener
    void on(GateEventRecorded passage) {
        queue.offer("gate:" + passage.gateEventId(), new Fact.Passage(passage.gateEventId(),
                passage.enterpriseTaxCode(), passage.cameraNumber(), passage.locationName(),
                passage.locationGoods().contains(GoodsKind.SCRAP_REFUSE),
                Fact.Direction.valueOf(passage.direction().name()), passage.capturedAt(), passage.plate(),
                passage.containers().stream().map(c -> new Fact.Container(c.number(), c.valid())).toList(), passage.source(),
                passage.seals().stream().map(s -> new Fact.SealSeen(s.containerNumber(), s.sealNumber())).toList()));
    }

    @EventListener
    void on(DeclarationChanged change) {
        declarations.find(AccessScope.all(), change.number())
                .filter(d -> d.version() == change.version())
                .ifPresent(d -> queue.offer("declaration:" + d.number() + ":v" + d.version(), declared(d)));
    }

    @EventListener
    void on(CameraStateChanged change) {
        Optional<Camera> camera = diagram.findCamera(change.enterpriseTaxCode(), change.cameraNumber());
        // DEGRADED (black, frozen) hides the place as much as OFFLINE does
        queue.offer("camera:" + change.cameraId() + ":" + change.since() + ":" + change.to(),
                new Fact.CameraStatus(change.enterpriseTaxCode(), change.cameraNumber(),
                        camera.map(Camera::locationName).orElse(change.cameraNumber()), change.to() != CameraState.ONLINE,
                        change.since()));
    }

    @EventListener
    void on(SiteDiagramChanged change) {
        queue.offer("coverage:" + change.taxCode() + ":v" + change.version(), coverage(change.taxCode(), change.at()));
    }

    /** What the site diagram says now of the enterprise's places that must be watched (R1.1, R1.3). */
    Fact.Coverage coverage(String taxCode, Instant at) {
        return new Fact.Coverage(taxCode, diagram.coverage(taxCode).stream()
                .map(c -> new Fact.Place(c.location(), c.kind().name(), c.cameras(), c.gap() == null ? null : c.gap().name()))
                .toList(), at);
    }

    @EventListener
    void on(ManifestRecorded recorded) {
        // a later version's own event brings that version (as for declarations)
        manifests.asRecorded(recorded).ifPresent(m -> queue.offer("manifest:" + m.number() + ":v" + m.version(),
                new Fact.Manifested(m.number(), m.version(), m.enterpriseTaxCode(), m.at(), vehicles(m.vehicles()),
                        m.containerNumbers())));
    }

    @EventListener
    void on(WarehouseNoteRecorded recorded) {
        notes.asRecorded(recorded).ifPresent(n -> queue.offer(
                "note:" + n.enterpriseTaxCode() + "/" + n.number() + ":v" + n.version(),
                new Fact.Note(n.number(), n.version(), n.enterpriseTaxCode(), Fact.NoteKind.valueOf(n.kind().name()),
                        n.location(), n.scrapArea(), n.at(), n.plate(), n.containerNumbers())));
    }

    @EventListener
    void on(AreaPassageConfirmed confirmed) {
        confirmations.asRecorded(confirmed).ifPresent(c -> queue.offer("area:" + c.id(),
                new Fact.AreaPassage(c.id(), c.enterpriseTaxCode(), c.place(), Fact.Direction.valueOf(c.direction()),
                        c.at(), c.plate(),
                        c.containers().stream().map(r -> new Fact.Container(r.number(), r.valid())).toList())));
    }

    @EventListener
    void on(PositionsRecorded recorded) {
        List<Fact.Fix> fixes = positions.ofBatch(recorded.batch()).stream()
                .map(p -> new Fact.Fix(p.plate(), p.lat(), p.lon(), p.speedKmh(), p.heading(), p.at(), p.zone()))
                .toList();
        if (fixes.isEmpty()) {
            return; // an event stored by an earlier version, whose batch had no number
        }
        // a partition reads the positions of the vehicles its enterprises' trips follow; the engine looks at no other
        // vehicle's (issue 22), so a batch costs each partition only its own share
        Instant since = fixes.stream().map(Fact.Fix::at).min(Instant::compareTo).orElseThrow().minus(retention);
        Map<String, Set<String>> following = trips.enterprisesFollowing(
                fixes.stream().map(Fact.Fix::plate).collect(Collectors.toSet()), since);
        Map<Integer, List<Fact.Fix>> byPartition = new TreeMap<>();
        for (Fact.Fix fix : fixes) {
            following.getOrDefault(fix.plate(), Set.of()).stream().map(partitions::of).distinct()
                    .forEach(part -> byPartition.computeIfAbsent(part, p -> new ArrayList<>()).add(fix));
        }
        byPartition.forEach((part, share) -> queue.offer("positions:" + recorded.batch(),
                new Fact.Fixes(share, share.stream().map(Fact.Fix::at).max(Instant::compareTo).orElseThrow()), part));
    }

    @EventListener
    void on(TripChanged changed) {
        // the stage is the event's: the trip may have moved on since; its route and vehicle never change
        trips.findForSystem(changed.tripId()).ifPresent(t -> queue.offer("trip:" + t.id() + ":" + changed.stage(),
                new Fact.Trip(t.id(), t.enterpriseTaxCode(), t.plate(), t.reference(), t.origin(), t.destination(),
                        t.expected(), Fact.TripStage.valueOf(changed.stage().name()), changed.at())));
    }

    private static List<Fact.Vehicle> vehicles(List<CargoVehicle> vehicles) {
        return vehicles.stream().map(v -> new Fact.Vehicle(v.plate(), v.containerNumbers())).toList();
    }

    static Fact.Declared declared(Declaration d) {
        // a cancelled or replaced declaration no longer covers anything that leaves (R5.4)
        boolean withdrawn = d.status().equals("CANCELLED") || d.status().equals("REPLACED");
        List<Fact.Vehicle> vehicles = withdrawn ? List.of() : d.allVehicles().stream()
                .map(v -> new Fact.Vehicle(v.plate(), v.containerNumbers())).toList();
        Fact.Route transit = d.transit() == null ? null
                : new Fact.Route(d.transit().origin(), d.transit().destination(), d.transit().deadline());
        return new Fact.Declared(d.number(), d.version(), d.enterpriseTaxCode(), d.direction() == Declaration.Direction.EXPORT,
                transit, d.lane() == null ? null : d.lane().name(), d.registeredAt(), d.clearedAt(), vehicles,
                withdrawn ? List.of() : d.containerNumbers(), d.inspectedAt(), d.status(),
                d.seals().stream().map(s -> new Fact.SealSeen(s.containerNumber(), s.sealNumber())).toList(),
                d.arrival() == null ? null : new Fact.Arrival(d.arrival().at(), d.arrival().office(), d.arrival().seals().stream()
                        .map(s -> new Fact.SealSeen(s.containerNumber(), s.sealNumber())).toList()));
    }
}
