package io.epewatch.cargo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.cargo.CargoInputs.ConfirmationInput;
import io.epewatch.cargo.CargoStore.Kind;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.kernel.CsvTable;
import io.epewatch.kernel.InputCheck;
import io.epewatch.registry.Enterprises;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in confirmations that goods passed a customs-supervised area (a port's or ICD's gate-in and gate-out). A
 * confirmation never changes: its id sent again with other content is refused.
 */
@Service
public class AreaConfirmations {

    private final CargoStore store;
    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AreaConfirmations(CargoStore store, Enterprises enterprises, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.enterprises = enterprises;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Receipt<AreaConfirmation> receive(ConfirmationInput input) {
        AreaConfirmation confirmation = validate(input);
        CargoStore.Saved saved = store.store(Kind.AREA_CONFIRMATION, confirmation.id(), confirmation.enterpriseTaxCode(),
                confirmation.at(), confirmation, input, true);
        AreaConfirmation stored = stamped(saved.stored());
        if (saved.outcome().equals("CREATED")) {
            events.publishEvent(new AreaPassageConfirmed(stored.id(), stored.enterpriseTaxCode()));
        }
        return new Receipt<>(saved.outcome(), stored.id(), stored);
    }

    /** The confirmation the event announced (for system processing). */
    public Optional<AreaConfirmation> asRecorded(AreaPassageConfirmed confirmed) {
        return store.find(Kind.AREA_CONFIRMATION, confirmed.id()).map(this::stamped);
    }

    private AreaConfirmation stamped(CargoStore.Stored saved) {
        AreaConfirmation stored = store.read(saved, AreaConfirmation.class);
        return new AreaConfirmation(stored.id(), stored.enterpriseTaxCode(), stored.place(), stored.direction(), stored.at(),
                stored.plate(), stored.containers(), stored.declarationNumber(), saved.receivedAt());
    }

    public static ConfirmationInput fromCsv(Map<String, String> row) {
        return new ConfirmationInput(row.get("id"), row.get("enterprisetaxcode"), row.get("place"), row.get("direction"),
                row.get("at"), row.get("plate"), CsvTable.list(row.get("containernumbers")), row.get("declarationnumber"));
    }

    private AreaConfirmation validate(ConfirmationInput input) {
        InputCheck check = new InputCheck();
        String id = CargoChecks.number(check, "id", input.id());
        String enterprise = CargoChecks.enterprise(check, input.enterpriseTaxCode(), enterprises);
        String place = CargoChecks.place(check, "place", input.place());
        String direction = check.parse("direction", input.direction(),
                raw -> InputCheck.parseEnum(Direction.class, raw, "IN (gate-in) or OUT (gate-out)").name());
        Instant at = CargoChecks.at(check, input.at(), clock);
        String plate = CargoChecks.plate(check, "plate", input.plate());
        List<String> containers = CargoChecks.writtenContainers(check, "containerNumbers", input.containerNumbers());
        check.throwIfAny();
        return new AreaConfirmation(id, enterprise, place, direction, at, plate,
                containers.stream().map(c -> new AreaConfirmation.ReadContainer(c, ContainerNumber.parse(c).valid())).toList(),
                InputCheck.blankToNull(input.declarationNumber()), null);
    }

    enum Direction { IN, OUT }
}
