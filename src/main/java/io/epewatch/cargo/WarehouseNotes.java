package io.epewatch.cargo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.epewatch.cargo.CargoInputs.NoteInput;
import io.epewatch.cargo.CargoStore.Kind;
import io.epewatch.identity.AccessScope;
import io.epewatch.kernel.CsvTable;
import io.epewatch.kernel.InputCheck;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.GoodsKind;
import io.epewatch.registry.Location;
import io.epewatch.registry.SiteDiagram;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in the EPE's warehouse receipt and delivery notes (R4.4). A note names a storage location of the site
 * diagram, so the risk rules know which cameras watched it and whether it holds scrap.
 */
@Service
public class WarehouseNotes {

    private static final int MAX_LINES = 1_000;

    private final CargoStore store;
    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WarehouseNotes(CargoStore store, Enterprises enterprises, SiteDiagram diagram, ApplicationEventPublisher events,
                   Clock clock) {
        this.store = store;
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Receipt<WarehouseNote> receive(NoteInput input) {
        WarehouseNote note = validate(input);
        String reference = note.enterpriseTaxCode() + "/" + note.number();
        CargoStore.Saved saved = store.store(Kind.WAREHOUSE_NOTE, reference, note.enterpriseTaxCode(), note.at(), note,
                input, false);
        WarehouseNote stored = stamped(saved.stored());
        if (!saved.outcome().equals("UNCHANGED")) {
            events.publishEvent(new WarehouseNoteRecorded(stored.enterpriseTaxCode(), stored.number(), stored.version()));
        }
        return new Receipt<>(saved.outcome(), reference, stored);
    }

    public Optional<WarehouseNote> find(AccessScope scope, String taxCode, String number) {
        return store.find(Kind.WAREHOUSE_NOTE, taxCode + "/" + number.strip().toUpperCase(Locale.ROOT),
                enterprises.visibleTaxCodes(scope)).map(this::stamped);
    }

    /** The note the event announced, while that version is the latest (for system processing). */
    public Optional<WarehouseNote> asRecorded(WarehouseNoteRecorded recorded) {
        return store.find(Kind.WAREHOUSE_NOTE, recorded.enterpriseTaxCode() + "/" + recorded.number()).map(this::stamped)
                .filter(n -> n.version() == recorded.version());
    }

    public List<WarehouseNote> latest(AccessScope scope, String taxCode, int limit) {
        return store.latest(Kind.WAREHOUSE_NOTE, enterprises.visibleTaxCodes(scope, taxCode), limit).stream()
                .map(this::stamped).toList();
    }

    /** A CSV row: one note per row, containers separated by {@code ;}. */
    public static NoteInput fromCsv(Map<String, String> row) {
        return new NoteInput(row.get("number"), row.get("enterprisetaxcode"), row.get("kind"), row.get("location"),
                row.get("at"), row.get("plate"), CsvTable.list(row.get("containernumbers")), row.get("declarationnumber"),
                null);
    }

    private WarehouseNote validate(NoteInput input) {
        InputCheck check = new InputCheck();
        String number = CargoChecks.number(check, "number", input.number());
        String enterprise = CargoChecks.enterprise(check, input.enterpriseTaxCode(), enterprises);
        WarehouseNote.Kind kind = check.parse("kind", input.kind(),
                raw -> InputCheck.parseEnum(WarehouseNote.Kind.class, raw, "RECEIPT or DELIVERY"));
        Location location = null;
        if (check.require("location", input.location()) && enterprise != null) {
            location = diagram.locations(AccessScope.all(), enterprise).stream()
                    .filter(l -> l.name().equalsIgnoreCase(input.location().strip())).findFirst().orElse(null);
            if (location == null) {
                check.reject("location", "is not a location on the enterprise's site diagram");
            } else if (!location.kind().holdsGoods()) {
                check.reject("location", "is a " + location.kind() + ", not a storage location (warehouse or yard)");
            }
        }
        Instant at = CargoChecks.at(check, input.at(), clock);
        String plate = CargoChecks.plate(check, "plate", input.plate());
        List<String> containers = CargoChecks.declaredContainers(check, "containerNumbers", input.containerNumbers());
        String declaration = check.parseOptional("declarationNumber", input.declarationNumber(), raw -> {
            if (!raw.strip().matches("\\d{12}")) {
                throw new IllegalArgumentException("must be the 12-digit declaration number");
            }
            return raw.strip();
        });
        List<WarehouseNote.NoteLine> goods = input.goods() == null ? List.of() : input.goods();
        if (goods.size() > MAX_LINES) {
            check.reject("goods", "at most " + MAX_LINES + " lines");
        }
        for (int i = 0; i < Math.min(goods.size(), MAX_LINES); i++) {
            if (goods.get(i) == null || goods.get(i).description() == null || goods.get(i).description().isBlank()) {
                check.reject("goods[" + i + "].description", "is required");
            } else {
                check.maxLength("goods[" + i + "].description", goods.get(i).description(), 2_000);
            }
        }
        check.throwIfAny();
        return new WarehouseNote(enterprise, number, 0, kind, location.name(),
                location.goods().contains(GoodsKind.SCRAP_REFUSE), at, plate, containers, declaration, goods, null);
    }

    private WarehouseNote stamped(CargoStore.Stored stored) {
        WarehouseNote n = store.read(stored, WarehouseNote.class);
        return new WarehouseNote(n.enterpriseTaxCode(), n.number(), stored.version(), n.kind(), n.location(), n.scrapArea(),
                n.at(), n.plate(), n.containerNumbers(), n.declarationNumber(), n.goods(), stored.receivedAt());
    }
}
