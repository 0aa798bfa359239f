package io.epewatch.cargo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.epewatch.cargo.CargoInputs.ManifestInput;
import io.epewatch.cargo.CargoInputs.VehicleInput;
import io.epewatch.cargo.CargoStore.Kind;
import io.epewatch.identity.AccessScope;
import io.epewatch.kernel.CsvTable;
import io.epewatch.kernel.InputCheck;
import io.epewatch.registry.Enterprises;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in manifests (vessel, flight, truck) and their container lists. */
@Service
public class Manifests {

    private final CargoStore store;
    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Manifests(CargoStore store, Enterprises enterprises, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.enterprises = enterprises;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Receipt<Manifest> receive(ManifestInput input) {
        Manifest manifest = validate(input);
        CargoStore.Saved saved = store.store(Kind.MANIFEST, manifest.number(), manifest.enterpriseTaxCode(), manifest.at(),
                manifest, input, false);
        Manifest stored = stamped(saved.stored());
        if (!saved.outcome().equals("UNCHANGED")) {
            events.publishEvent(new ManifestRecorded(stored.number(), stored.version(), stored.enterpriseTaxCode()));
        }
        return new Receipt<>(saved.outcome(), stored.number(), stored);
    }

    public Optional<Manifest> find(AccessScope scope, String number) {
        return store.find(Kind.MANIFEST, number.strip().toUpperCase(Locale.ROOT), enterprises.visibleTaxCodes(scope))
                .map(this::stamped);
    }

    /** The manifest the event announced, while that version is the latest (for system processing). */
    public Optional<Manifest> asRecorded(ManifestRecorded recorded) {
        return store.find(Kind.MANIFEST, recorded.number()).map(this::stamped)
                .filter(m -> m.version() == recorded.version());
    }

    /** A CSV row: one manifest per row; vehicles as {@code plate: container container; plate: container}. */
    public static ManifestInput fromCsv(Map<String, String> row) {
        Map<String, List<String>> cell = CsvTable.vehicles(row.get("vehicles"));
        List<VehicleInput> vehicles = cell == null ? null : cell.entrySet().stream()
                .map(v -> new VehicleInput(v.getKey(), v.getValue())).toList();
        return new ManifestInput(row.get("number"), row.get("enterprisetaxcode"), row.get("mode"), row.get("transportname"),
                row.get("voyage"), row.get("billoflading"), row.get("portofloading"), row.get("portofdischarge"),
                row.get("at"), vehicles, CsvTable.list(row.get("containernumbers")));
    }

    private Manifest validate(ManifestInput input) {
        InputCheck check = new InputCheck();
        String number = CargoChecks.number(check, "number", input.number());
        String enterprise = CargoChecks.enterprise(check, input.enterpriseTaxCode(), enterprises);
        String mode = check.parse("mode", input.mode(), raw -> InputCheck.parseEnum(Mode.class, raw, "SEA, AIR, ROAD or RAIL").name());
        check.requireText("transportName", input.transportName(), 100);
        check.maxLength("voyage", input.voyage(), 35);
        check.maxLength("billOfLading", input.billOfLading(), 35);
        String loading = CargoChecks.place(check, "portOfLoading", input.portOfLoading());
        String discharge = CargoChecks.place(check, "portOfDischarge", input.portOfDischarge());
        Instant at = CargoChecks.at(check, input.at(), clock);
        List<CargoVehicle> vehicles = CargoChecks.vehicles(check, input.vehicles());
        List<String> containers = CargoChecks.writtenContainers(check, "containerNumbers", input.containerNumbers());
        check.throwIfAny();
        return new Manifest(number, 0, enterprise, mode, input.transportName().strip(), InputCheck.blankToNull(input.voyage()),
                InputCheck.blankToNull(input.billOfLading()), loading, discharge, at, vehicles, containers, null);
    }

    private Manifest stamped(CargoStore.Stored stored) {
        Manifest m = store.read(stored, Manifest.class);
        return new Manifest(m.number(), stored.version(), m.enterpriseTaxCode(), m.mode(), m.transportName(), m.voyage(),
                m.billOfLading(), m.portOfLoading(), m.portOfDischarge(), m.at(), m.vehicles(), m.containerNumbers(),
                stored.receivedAt());
    }

    enum Mode { SEA, AIR, ROAD, RAIL }
}
