package io.epewatch.gate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.kernel.SealNumber;
import io.epewatch.kernel.Sha256;
import io.epewatch.kernel.TaxCode;
import io.epewatch.kernel.Timestamps;
import io.epewatch.registry.Camera;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.LocationKind;
import io.epewatch.registry.SiteDiagram;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Records gate passages, once each. */
@Service
public class GateEvents {

    private static final int MAX_CONTAINERS = 4;
    private static final String COLUMNS = """
            id, enterprise_tax_code, camera_number, location_id, location_name, location_kind, direction, captured_at,
            plate, plate_raw,
            containers::text as containers, source, received_at, seals::text as seals""";

    private final JdbcClient jdbc;
    private final SiteDiagram diagram;
    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    GateEvents(JdbcClient jdbc, SiteDiagram diagram, Enterprises enterprises, ApplicationEventPublisher events,
               JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.diagram = diagram;
        this.enterprises = enterprises;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a passage. With an idempotency key, a repeat of the same request returns the first result and stores
     * nothing; the same key with a different request is refused.
     *
     * @throws IdempotencyRace when a concurrent call with the same key won; retrying (in a new transaction) returns
     *                         its result
     */
    @Transactional
    public GateReceipt record(GateEventInput input, String idempotencyKey, String source) {
        return record(input, idempotencyKey, source, false);
    }

    /**
     * Records a passage a camera saw (recognition, an edge ANPR unit): the direction the site diagram gives the camera
     * wins over what the sender says (R1.4); a camera that sees both ways takes the sender's, which is then required.
     * A passage with neither plate nor container is an unread vehicle (issue 21, {@link GateEvent#unread()}).
     *
     * @throws IdempotencyRace as {@link #record(GateEventInput, String, String)}
     */
    @Transactional
    public GateReceipt recordSeen(GateEventInput input, String idempotencyKey, String source) {
        return record(input, idempotencyKey, source, true);
    }

    private GateReceipt record(GateEventInput input, String idempotencyKey, String source, boolean cameraDirectionWins) {
        // the camera is looked up once here and travels with the passage to every reader and listener
        Optional<Camera> camera = camera(input);
        if (cameraDirectionWins) {
            input = withCameraDirection(input, camera);
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : source + ":" + idempotencyKey.strip();
        String requestHash = Sha256.hex(json.writeValueAsString(input));
        if (key != null) {
            Optional<GateReceipt> earlier = replay(key, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Passage passage = validate(input, camera, source, cameraDirectionWins);
        GateEvent event = passage.event();
        long id = jdbc.sql("""
                        insert into gate_event (enterprise_tax_code, camera_number, location_id, location_name,
                            location_kind, direction, captured_at, plate, plate_raw, containers, source, received_at, seals)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb) returning id""")
                .params(event.enterpriseTaxCode(), event.cameraNumber(), event.locationId(), event.locationName(),
                        event.locationKind(), event.direction().name(), Timestamp.from(event.capturedAt()), event.plate(),
                        event.plateRaw(), json.writeValueAsString(event.containers()), source,
                        Timestamp.from(event.receivedAt()), json.writeValueAsString(event.seals()))
                .query(Long.class).single();
        if (key != null && jdbc.sql("""
                        insert into gate_idempotency (idempotency_key, request_hash, gate_event_id) values (?, ?, ?)
                        on conflict do nothing""").params(key, requestHash, id).update() == 0) {
            throw new IdempotencyRace();
        }
        event = event.withId(id);
        events.publishEvent(new GateEventRecorded(id, event.enterpriseTaxCode(), event.cameraNumber(), event.locationId(),
                event.locationName(), passage.camera().locationGoods(), event.direction(), event.capturedAt(),
                event.plate(), event.containers(), source, event.seals()));
        return new GateReceipt(true, event);
    }

    /** A validated passage and the camera that saw it. */
    private record Passage(GateEvent event, Camera camera) {
    }

    public Optional<GateEvent> find(AccessScope scope, long id) {
        return jdbc.sql("select " + COLUMNS + " from gate_event where id = ?").param(id).query(this::toEvent).optional()
                .filter(event -> scope.everything() || enterprises.visibleTaxCodes(scope).contains(event.enterpriseTaxCode()));
    }

    /** The latest passages at enterprises in {@code visibleTaxCodes}. */
    public List<GateEvent> latest(Set<String> visibleTaxCodes, int limit) {
        if (visibleTaxCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from gate_event where enterprise_tax_code in (:codes) order by captured_at desc limit :limit")
                .param("codes", visibleTaxCodes).param("limit", limit).query(this::toEvent).list();
    }

    /** When a vehicle passed the gates of these enterprises between two instants (for scoping its GPS track). */
    public List<Instant> passagesOf(String plate, Set<String> taxCodes, Instant from, Instant to) {
        if (taxCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select captured_at from gate_event where plate = :plate and enterprise_tax_code in (:codes)
                          and captured_at between :from and :to order by captured_at limit 1000""")
                .param("plate", plate).param("codes", taxCodes).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    private Optional<GateReceipt> replay(String key, String requestHash) {
        return jdbc.sql("select request_hash, gate_event_id from gate_idempotency where idempotency_key = ?")
                .param(key)
                .query((rs, n) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                                "This Idempotency-Key was already used for a different gate event");
                    }
                    return new GateReceipt(false, find(AccessScope.all(), rs.getLong("gate_event_id")).orElseThrow());
                })
                .optional();
    }

    private Optional<Camera> camera(GateEventInput input) {
        if (input.enterpriseTaxCode() == null || input.cameraNumber() == null || input.cameraNumber().isBlank()) {
            return Optional.empty();
        }
        return diagram.findCamera(input.enterpriseTaxCode().strip(), input.cameraNumber().strip());
    }

    private static GateEventInput withCameraDirection(GateEventInput input, Optional<Camera> camera) {
        String direction = camera.map(Camera::direction).filter(d -> d.equals("IN") || d.equals("OUT")).orElse(null);
        if (direction == null && camera.isEmpty() && (input.direction() == null || input.direction().isBlank())) {
            direction = "IN"; // an unknown camera: that is the problem to name, not the missing direction
        }
        return direction == null ? input : new GateEventInput(input.enterpriseTaxCode(), input.cameraNumber(), direction,
                input.capturedAt(), input.plate(), input.containerNumbers(), input.seals());
    }

    private Passage validate(GateEventInput input, Optional<Camera> found, String source, boolean seen) {
        InputCheck check = new InputCheck();
        TaxCode taxCode = check.parse("enterpriseTaxCode", input.enterpriseTaxCode(), TaxCode::parse);
        Camera camera = null;
        if (check.require("cameraNumber", input.cameraNumber()) && taxCode != null) {
            camera = found.filter(c -> c.enterpriseTaxCode().equals(taxCode.value())).orElse(null);
            if (camera == null) {
                check.reject("cameraNumber", "cameraNotOnDiagram", "no camera with this number on the site diagram of " + taxCode.value());
            } else if (camera.locationKind() != LocationKind.GATE && camera.locationKind() != LocationKind.WAREHOUSE_GATE) {
                check.reject("cameraNumber", "notAGateCamera", "camera " + camera.number() + " watches a " + camera.locationKind() + ", not a gate", camera.number());
            }
        }
        GateEvent.Direction direction = null;
        if (camera != null && "BOTH".equals(camera.direction()) && (input.direction() == null || input.direction().isBlank())) {
            check.reject("direction", "directionOfBothWays", "camera " + camera.number()
                    + " sees both directions: the event must say IN or OUT", camera.number());
        } else {
            direction = check.parse("direction", input.direction(), GateEvents::direction);
        }
        Instant capturedAt = check.parse("capturedAt", input.capturedAt(), raw -> Timestamps.parsePast(raw, clock));
        PlateNumber plate = check.parseOptional("plate", input.plate(), PlateNumber::parse);
        List<ContainerRead> containers = new ArrayList<>();
        List<String> raws = input.containerNumbers() == null ? List.of() : input.containerNumbers();
        if (raws.size() > MAX_CONTAINERS) {
            check.reject("containerNumbers", "containersPerVehicle", "at most " + MAX_CONTAINERS + " containers pass in one vehicle", MAX_CONTAINERS);
        } else {
            for (int i = 0; i < raws.size(); i++) {
                // a gate records what was read: a wrong check digit is kept and flagged by the risk rules
                ContainerNumber number = check.parse("containerNumbers[" + i + "]", raws.get(i), ContainerNumber::parse);
                if (number != null && containers.stream().noneMatch(c -> c.number().equals(number.value()))) {
                    containers.add(new ContainerRead(number.value(), number.valid(), number.invalidReason()));
                }
            }
        }
        List<GateSeal> seals = seals(check, input.seals());
        // a camera that saw a vehicle and read nothing on it reports an unread passage (issue 21); a person or a
        // system reporting a passage says which vehicle
        if (!seen && (input.plate() == null || input.plate().isBlank()) && raws.isEmpty()) {
            check.reject("plate", "plateOrContainer", "a passage needs a plate or at least one container number");
        }
        check.throwIfAny();
        return new Passage(new GateEvent(0, taxCode.value(), camera.number(), camera.locationId(), camera.locationName(),
                camera.locationKind().name(), direction, capturedAt, plate == null ? null : plate.value(),
                input.plate() == null ? null : input.plate().strip(), List.copyOf(containers), source,
                // as the database keeps it, so the answer to this request and any later read agree
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), seals), camera);
    }

    /** Seals seen: each on a container by its number, the seal as customs and shippers write them. */
    private static List<GateSeal> seals(InputCheck check, List<GateSeal> inputs) {
        List<GateSeal> seals = new ArrayList<>();
        if (inputs == null) {
            return seals;
        }
        if (inputs.size() > 2 * MAX_CONTAINERS) {
            check.reject("seals", "at most " + 2 * MAX_CONTAINERS + " seals");
            return seals;
        }
        for (int i = 0; i < inputs.size(); i++) {
            GateSeal s = inputs.get(i);
            if (s == null) {
                check.reject("seals[" + i + "]", "is empty");
                continue;
            }
            ContainerNumber container = check.parse("seals[" + i + "].containerNumber", s.containerNumber(), ContainerNumber::parse);
            String seal = check.parse("seals[" + i + "].sealNumber", s.sealNumber(), SealNumber::parse);
            if (container != null && seal != null) {
                seals.add(new GateSeal(container.value(), seal));
            }
        }
        return List.copyOf(seals);
    }

    private static GateEvent.Direction direction(String raw) {
        return switch (raw.strip().toUpperCase()) {
            case "IN" -> GateEvent.Direction.IN;
            case "OUT" -> GateEvent.Direction.OUT;
            default -> throw new IllegalArgumentException("must be IN or OUT");
        };
    }

    private GateEvent toEvent(ResultSet rs, int row) throws SQLException {
        return new GateEvent(rs.getLong("id"), rs.getString("enterprise_tax_code"), rs.getString("camera_number"),
                rs.getObject("location_id", Long.class), rs.getString("location_name"), rs.getString("location_kind"), GateEvent.Direction.valueOf(rs.getString("direction")),
                rs.getTimestamp("captured_at").toInstant(), rs.getString("plate"), rs.getString("plate_raw"),
                json.readValue(rs.getString("containers"), new TypeReference<List<ContainerRead>>() { }),
                rs.getString("source"), rs.getTimestamp("received_at").toInstant(),
                json.readValue(rs.getString("seals"), new TypeReference<List<GateSeal>>() { }));
    }

    /** Another request with the same idempotency key committed first; this one rolls back and is retried. */
    public static class IdempotencyRace extends RuntimeException {
        IdempotencyRace() {
            super("concurrent request with the same Idempotency-Key");
        }
    }
}
