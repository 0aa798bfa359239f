package io.epewatch.declaration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.epewatch.declaration.Declaration.Direction;
import io.epewatch.declaration.Declaration.Lane;
import io.epewatch.identity.AccessScope;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.kernel.TaxCode;
import io.epewatch.kernel.Timestamps;
import io.epewatch.registry.Enterprises;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Takes in declarations and answers which ones cover a passage. */
@Service
public class Declarations {

    private static final String COLUMNS = """
            number, version, type_code, enterprise_tax_code, direction, registered_at, status, lane, vehicle_plates,
            container_numbers, received_at, cleared_at, goods::text as goods, vehicles::text as vehicles,
            seals::text as seals, transit::text as transit, inspected_at, arrival::text as arrival""";
    private static final int MAX_ITEMS = 500;

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Declarations(JdbcClient jdbc, Enterprises enterprises, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores a declaration. The same number again with the same content changes nothing; with other content it
     * becomes the next version. Either way there is one declaration per number.
     */
    @Transactional
    public DeclarationReceipt receive(DeclarationInput input) {
        Declaration declared = validate(input);
        Optional<Declaration> current = jdbc.sql("select " + COLUMNS + " from declaration where number = ? for update")
                .param(declared.number()).query(this::toDeclaration).optional();
        if (current.isPresent() && sameContent(current.get(), declared)) {
            return new DeclarationReceipt("UNCHANGED", current.get());
        }
        int version = current.map(d -> d.version() + 1).orElse(1);
        Instant now = clock.instant();
        Object[] columns = {declared.typeCode(), declared.enterpriseTaxCode(), declared.direction().name(),
                Timestamp.from(declared.registeredAt()), declared.status(), declared.lane() == null ? null : declared.lane().name(),
                declared.vehiclePlates().toArray(String[]::new), declared.containerNumbers().toArray(String[]::new),
                declared.clearedAt() == null ? null : Timestamp.from(declared.clearedAt()),
                json.writeValueAsString(declared.goods()), json.writeValueAsString(declared.vehicles()),
                json.writeValueAsString(declared.seals()),
                declared.transit() == null ? null : json.writeValueAsString(declared.transit()),
                declared.inspectedAt() == null ? null : Timestamp.from(declared.inspectedAt()),
                declared.arrival() == null ? null : json.writeValueAsString(declared.arrival())};
        if (current.isEmpty()) {
            jdbc.sql("""
                            insert into declaration (type_code, enterprise_tax_code, direction, registered_at, status, lane,
                                vehicle_plates, container_numbers, cleared_at, goods, vehicles, seals, transit,
                                inspected_at, arrival, number, version, received_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?)""")
                    .params(concat(columns, declared.number(), version, Timestamp.from(now), Timestamp.from(now))).update();
        } else {
            jdbc.sql("""
                            update declaration set type_code = ?, enterprise_tax_code = ?, direction = ?, registered_at = ?,
                                status = ?, lane = ?, vehicle_plates = ?, container_numbers = ?, cleared_at = ?,
                                goods = ?::jsonb, vehicles = ?::jsonb, seals = ?::jsonb, transit = ?::jsonb,
                                inspected_at = ?, arrival = ?::jsonb, version = ?, updated_at = ?
                            where number = ?""")
                    .params(concat(columns, version, Timestamp.from(now), declared.number())).update();
        }
        jdbc.sql("insert into declaration_version (number, version, body, received_at) values (?, ?, ?::jsonb, ?)")
                .params(declared.number(), version, json.writeValueAsString(input), Timestamp.from(now)).update();
        Declaration stored = find(AccessScope.all(), declared.number()).orElseThrow();
        events.publishEvent(new DeclarationChanged(stored.number(), version, stored.enterpriseTaxCode(),
                stored.direction(), stored.registeredAt()));
        return new DeclarationReceipt(current.isEmpty() ? "CREATED" : "UPDATED", stored);
    }

    public Optional<Declaration> find(AccessScope scope, String number) {
        Optional<Declaration> found = jdbc.sql("select " + COLUMNS + " from declaration where number = ?")
                .param(number).query(this::toDeclaration).optional();
        return found.filter(d -> scope.everything() || enterprises.visibleTaxCodes(scope).contains(d.enterpriseTaxCode()));
    }

    /** Declarations of one enterprise and direction registered within [from, to]: the candidates for a passage. */
    public List<Declaration> registeredBetween(String enterpriseTaxCode, Direction direction, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from declaration where enterprise_tax_code = ? and direction = ?
                         and registered_at between ? and ? order by registered_at""")
                .params(enterpriseTaxCode, direction.name(), Timestamp.from(from), Timestamp.from(to))
                .query(this::toDeclaration).list();
    }

    /** Transit declarations of an enterprise registered within [from, to] that name the plate (R5.7). */
    public List<Declaration> transitsNaming(String enterpriseTaxCode, String plate, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from declaration where enterprise_tax_code = ? and transit is not null
                         and registered_at between ? and ? order by registered_at""")
                .params(enterpriseTaxCode, Timestamp.from(from), Timestamp.from(to))
                .query(this::toDeclaration).stream()
                .filter(d -> d.allVehicles().stream().anyMatch(v -> v.plate().equals(plate))).toList();
    }

    /** The latest declarations of the given enterprises, newest registration first. */
    public List<Declaration> latest(Set<String> enterpriseTaxCodes, int limit) {
        if (enterpriseTaxCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from declaration where enterprise_tax_code in (:codes) "
                        + "order by registered_at desc limit :limit")
                .param("codes", enterpriseTaxCodes).param("limit", limit).query(this::toDeclaration).list();
    }

    /** Every version of a declaration as it was received, newest first: what changed and when. */
    public List<DeclarationVersion> versions(AccessScope scope, String number) {
        if (find(scope, number).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select version, received_at, body::text as body from declaration_version where number = ? order by version desc")
                .param(number)
                .query((rs, n) -> new DeclarationVersion(rs.getInt("version"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("body")))
                .list();
    }

    private Declaration validate(DeclarationInput input) {
        InputCheck check = new InputCheck();
        if (check.require("number", input.number()) && !input.number().strip().matches("\\d{12}")) {
            check.reject("number", "must be the 12-digit declaration number");
        }
        if (check.require("typeCode", input.typeCode()) && !input.typeCode().strip().toUpperCase(Locale.ROOT).matches("[A-Z][A-Z0-9]{2}")) {
            check.reject("typeCode", "must be a 3-character type code such as E42, E52, E21, E31, E11, E13 or E15");
        }
        TaxCode taxCode = check.parse("enterpriseTaxCode", input.enterpriseTaxCode(), TaxCode::parse);
        if (taxCode != null && enterprises.findForSystem(taxCode.value()).isEmpty()) {
            check.reject("enterpriseTaxCode", "is not a registered export processing enterprise");
        }
        Direction direction = check.parse("direction", input.direction(), raw -> InputCheck.parseEnum(Direction.class, raw, "IMPORT or EXPORT"));
        Instant registeredAt = check.parse("registeredAt", input.registeredAt(), raw -> Timestamps.parsePast(raw, clock));
        if (check.require("status", input.status()) && !input.status().strip().matches("[A-Za-z_]{1,32}")) {
            check.reject("status", "must be a status code of up to 32 letters or underscores");
        }
        Lane lane = check.parseOptional("lane", input.lane(), raw -> InputCheck.parseEnum(Lane.class, raw, "GREEN, YELLOW or RED"));
        List<String> plates = check.parseEach("vehiclePlates", input.vehiclePlates(), raw -> PlateNumber.parse(raw).value(), MAX_ITEMS);
        // a declaration states what was declared: a number failing ISO 6346 is refused here
        List<String> containers = check.parseEach("containerNumbers", input.containerNumbers(),
                raw -> ContainerNumber.parseDeclared(raw).value(), MAX_ITEMS);
        Instant clearedAt = check.parseOptional("clearedAt", input.clearedAt(), raw -> Timestamps.parsePast(raw, clock));
        if (clearedAt != null && registeredAt != null && clearedAt.isBefore(registeredAt)) {
            check.reject("clearedAt", "is before registeredAt: a declaration is cleared after it is registered");
        }
        List<GoodsLine> goods = DeclarationDetails.goods(check, input.goods());
        List<DeclaredVehicle> vehicles = DeclarationDetails.vehicles(check, input.vehicles());
        List<Seal> seals = DeclarationDetails.seals(check, input.seals());
        TransitRoute transit = DeclarationDetails.transit(check, input.transit(), registeredAt);
        Instant inspectedAt = check.parseOptional("inspectedAt", input.inspectedAt(), raw -> Timestamps.parsePast(raw, clock));
        if (inspectedAt != null && registeredAt != null && inspectedAt.isBefore(registeredAt)) {
            check.reject("inspectedAt", "is before registeredAt: goods are inspected after the declaration is registered");
        }
        TransitArrival arrival = DeclarationDetails.arrival(check, input.arrival(), registeredAt, clock);
        check.throwIfAny();
        return new Declaration(input.number().strip(), 0, input.typeCode().strip().toUpperCase(Locale.ROOT), taxCode.value(),
                direction, registeredAt, input.status().strip().toUpperCase(Locale.ROOT), lane, plates, containers, null,
                clearedAt, goods, vehicles, seals, transit, inspectedAt, arrival);
    }

    private static boolean sameContent(Declaration a, Declaration b) {
        return a.typeCode().equals(b.typeCode()) && a.enterpriseTaxCode().equals(b.enterpriseTaxCode())
                && a.direction() == b.direction() && a.registeredAt().equals(b.registeredAt())
                && a.status().equals(b.status()) && a.lane() == b.lane()
                && a.vehiclePlates().equals(b.vehiclePlates()) && a.containerNumbers().equals(b.containerNumbers())
                && java.util.Objects.equals(a.clearedAt(), b.clearedAt()) && a.goods().equals(b.goods())
                && a.vehicles().equals(b.vehicles()) && a.seals().equals(b.seals())
                && java.util.Objects.equals(a.transit(), b.transit())
                && java.util.Objects.equals(a.inspectedAt(), b.inspectedAt())
                && java.util.Objects.equals(a.arrival(), b.arrival());
    }

    private static Object[] concat(Object[] head, Object... tail) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private Declaration toDeclaration(ResultSet rs, int row) throws SQLException {
        String lane = rs.getString("lane");
        Timestamp cleared = rs.getTimestamp("cleared_at");
        String transit = rs.getString("transit");
        Timestamp inspected = rs.getTimestamp("inspected_at");
        String arrival = rs.getString("arrival");
        return new Declaration(rs.getString("number"), rs.getInt("version"), rs.getString("type_code"),
                rs.getString("enterprise_tax_code"), Direction.valueOf(rs.getString("direction")),
                rs.getTimestamp("registered_at").toInstant(), rs.getString("status"), lane == null ? null : Lane.valueOf(lane),
                List.of((String[]) rs.getArray("vehicle_plates").getArray()),
                List.of((String[]) rs.getArray("container_numbers").getArray()), rs.getTimestamp("received_at").toInstant(),
                cleared == null ? null : cleared.toInstant(),
                List.of(json.readValue(rs.getString("goods"), GoodsLine[].class)),
                List.of(json.readValue(rs.getString("vehicles"), DeclaredVehicle[].class)),
                List.of(json.readValue(rs.getString("seals"), Seal[].class)),
                transit == null ? null : json.readValue(transit, TransitRoute.class),
                inspected == null ? null : inspected.toInstant(),
                arrival == null ? null : json.readValue(arrival, TransitArrival.class));
    }
}
