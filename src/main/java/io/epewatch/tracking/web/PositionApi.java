package io.epewatch.tracking.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.Permissions;
import io.epewatch.kernel.CsvTable;
import io.epewatch.kernel.ImportReport;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.Timestamps;
import io.epewatch.tracking.Position;
import io.epewatch.tracking.PositionInput;
import io.epewatch.tracking.Positions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** GPS positions in: batches of JSON (the Ministry of Transport feed), CSV, and the OsmAnd protocol of trackers. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "GPS positions", description = "Vehicle positions (ingest) and tracks")
class PositionApi {

    private final Positions positions;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;

    private final io.epewatch.identity.CurrentCaller caller;

    PositionApi(Positions positions, Clock clock, tools.jackson.databind.json.JsonMapper json,
                io.epewatch.identity.CurrentCaller caller) {
        this.caller = caller;
        this.positions = positions;
        this.clock = clock;
        this.json = json;
    }

    @PostMapping("/positions")
    @PreAuthorize(Permissions.INGEST_GPS)
    @Operation(summary = "Post positions [{plate, lat, lon, speed (km/h), heading, time, source}]; repeats are counted, not stored")
    Positions.Receipt batch(@RequestBody JsonNode body) {
        // read as a tree first: the caller's right to post is checked before the shape of what it posted
        if (!body.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of positions");
        }
        List<PositionInput> batch = new java.util.ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            try {
                batch.add(json.treeToValue(body.get(i), PositionInput.class));
            } catch (tools.jackson.core.JacksonException e) {
                throw new InvalidInputException("[" + i + "]", "is not a position {plate, lat, lon, speed, heading, time, source}");
            }
        }
        return positions.record(batch);
    }

    @PostMapping("/positions/import")
    @PreAuthorize(Permissions.INGEST_GPS)
    @Operation(summary = "Import positions from CSV (plate, lat, lon, speed, heading, time, source); a report per row")
    ImportReport importCsv(@RequestBody byte[] csv) {
        return ImportReport.of(CsvTable.parse(csv), row -> {
            Positions.Receipt receipt = positions.record(List.of(new PositionInput(row.get("plate"),
                    number(row, "lat"), number(row, "lon"), number(row, "speed"), number(row, "heading"), row.get("time"),
                    row.get("source"))));
            return new ImportReport.Taken(receipt.accepted() == 1 ? "CREATED" : "UNCHANGED", row.get("plate"));
        });
    }

    /** OsmAnd with query (or form) parameters: what Traccar Client before version 9 and most trackers send. */
    @PostMapping(path = "/osmand", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.ALL_VALUE})
    @PreAuthorize(Permissions.INGEST_GPS)
    @Operation(summary = "OsmAnd protocol: ?id=PLATE-OR-DEVICE&lat=&lon=&timestamp=&speed=(knots)&bearing=; 200 when stored")
    ResponseEntity<Void> osmand(@RequestParam Map<String, String> params) {
        return osmandParameters(params);
    }

    @GetMapping("/osmand")
    @PreAuthorize(Permissions.INGEST_GPS)
    ResponseEntity<Void> osmandGet(@RequestParam Map<String, String> params) {
        return osmandParameters(params);
    }

    /** OsmAnd as JSON: what Traccar Client 9 sends. */
    @PostMapping(path = "/osmand", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permissions.INGEST_GPS)
    ResponseEntity<Void> osmandJson(@RequestBody JsonNode body) {
        OsmAnd.Request request = OsmAnd.fromJson(body, clock);
        positions.recordOne(request.deviceId(), request.position());
        return ResponseEntity.ok().build();
    }

    @PutMapping("/gps-devices/{deviceId}")
    @PreAuthorize(Permissions.INGEST_GPS)
    @Operation(summary = "Say which plate a tracker's device id stands for")
    ResponseEntity<Void> device(@PathVariable String deviceId, @RequestBody Map<String, String> body) {
        positions.registerDevice(deviceId, body.get("plate"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/vehicles/{plate}/track")
    @PreAuthorize(Permissions.CUSTOMS_WATCH)
    @Operation(summary = "A vehicle's positions between two instants, the last day by default (customs only); a unit sees its "
            + "trips and the 12 hours around its passages at its enterprises, HQ analysts all; 404 for a vehicle none of them concerns")
    List<Position> track(@PathVariable String plate, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to) {
        Instant until = to == null || to.isBlank() ? clock.instant() : Timestamps.parseAny(to, "to");
        Instant since = from == null || from.isBlank() ? until.minus(Duration.ofDays(1)) : Timestamps.parseAny(from, "from");
        return positions.track(caller.get().access(), plate, since, until);
    }

    private ResponseEntity<Void> osmandParameters(Map<String, String> params) {
        OsmAnd.Request request = OsmAnd.fromParameters(params, clock);
        positions.recordOne(request.deviceId(), request.position());
        return ResponseEntity.ok().build();
    }

    private static Double number(Map<String, String> row, String column) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column, "must be a number");
        }
    }
}
