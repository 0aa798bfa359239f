package io.epewatch.tracking.web;

import io.epewatch.tracking.Geofence;
import io.epewatch.tracking.Geofences;
import io.epewatch.tracking.MapProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Geofences on a map — the shared places and the sites of the enterprises in the caller's scope; customs draw new ones
 * by clicking their corners (saved through the API, audited).
 */
@Controller
class GeofencePages {

    private final Geofences geofences;
    private final MapProperties map;

    private final io.epewatch.identity.CurrentCaller caller;

    GeofencePages(Geofences geofences, MapProperties map, io.epewatch.identity.CurrentCaller caller) {
        this.caller = caller;
        this.geofences = geofences;
        this.map = map;
    }

    @GetMapping("/geofences")
    String page(Model model) {
        model.addAttribute("geofences", geofences.list(caller.get().access()));
        model.addAttribute("kinds", Geofence.Kind.values());
        model.addAttribute("map", map);
        return "tracking/geofences";
    }
}
