package io.epewatch.tracking.web;

import java.util.List;
import java.util.Map;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.tracking.Geofence;
import io.epewatch.tracking.GeofenceInput;
import io.epewatch.tracking.Geofences;
import io.epewatch.tracking.Trip;
import io.epewatch.tracking.TripInput;
import io.epewatch.tracking.Trips;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Geofences (drawn by customs) and trips. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Geofences and trips")
class TrackingApi {

    private final Geofences geofences;
    private final Trips trips;
    private final CurrentCaller caller;

    TrackingApi(Geofences geofences, Trips trips, CurrentCaller caller) {
        this.geofences = geofences;
        this.trips = trips;
        this.caller = caller;
    }

    @GetMapping("/geofences")
    @PreAuthorize(Permissions.READ)
    List<Geofence> geofences() {
        return geofences.list(caller.get().access());
    }

    @GetMapping("/geofences/{code}")
    @PreAuthorize(Permissions.READ)
    Geofence geofence(@PathVariable String code) {
        return geofences.find(caller.get().access(), code).orElseThrow(() -> new NotFoundException("geofence", code));
    }

    @PutMapping("/geofences/{code}")
    @PreAuthorize(Permissions.CUSTOMS)
    @Operation(summary = "Create or replace a geofence: {name, kind, enterpriseTaxCode?, ring: [[lon, lat], ...]}")
    Geofence saveGeofence(@PathVariable String code, @RequestBody GeofenceInput input) {
        return geofences.save(caller.get(), code, input);
    }

    @DeleteMapping("/geofences/{code}")
    @PreAuthorize(Permissions.CUSTOMS)
    ResponseEntity<Void> deleteGeofence(@PathVariable String code) {
        geofences.delete(caller.get(), code);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/trips")
    @PreAuthorize(Permissions.CUSTOMS + " or " + Permissions.INGEST_GPS)
    @Operation(summary = "Start a trip {plate, enterpriseTaxCode, reference?, origin, destination, startedAt?}")
    ResponseEntity<Trip> start(@RequestBody TripInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(trips.start(caller.get(), input));
    }

    @GetMapping("/trips")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "Trips in the caller's scope, newest first; narrowed by enterprise and stage")
    List<Trip> trips(@RequestParam(required = false) String enterpriseTaxCode,
                     @RequestParam(required = false) Trip.Stage stage, @RequestParam(defaultValue = "100") int limit) {
        return trips.latest(caller.get().access(), enterpriseTaxCode, stage, limit);
    }

    @GetMapping("/trips/{id}")
    @PreAuthorize(Permissions.READ)
    Trip trip(@PathVariable long id) {
        return trips.find(caller.get().access(), id).orElseThrow(() -> new NotFoundException("trip", String.valueOf(id)));
    }

    /** The trip's origin and destination, to draw it even where one is another unit's enterprise's site. */
    @GetMapping("/trips/{id}/geofences")
    @PreAuthorize(Permissions.READ)
    List<Geofence> tripGeofences(@PathVariable long id) {
        Trip trip = trips.find(caller.get().access(), id).orElseThrow(() -> new NotFoundException("trip", String.valueOf(id)));
        return java.util.stream.Stream.of(trip.origin(), trip.destination()).distinct()
                .flatMap(code -> geofences.findForSystem(code).stream()).toList();
    }

    @PostMapping("/trips/{id}/cancel")
    @PreAuthorize(Permissions.CUSTOMS)
    @Operation(summary = "Cancel a trip that will not arrive: {reason} (required, kept and audited)")
    Trip cancel(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return trips.cancel(caller.get(), id, body == null ? null : body.get("reason"));
    }
}
