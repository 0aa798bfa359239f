package io.epewatch.tracking.web;

import io.epewatch.tracking.Geofence;
import io.epewatch.tracking.Geofences;
import io.epewatch.tracking.MapProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Geofences on a map; customs draw new ones by clicking their corners (saved through the API, audited). */
@Controller
class GeofencePages {

    private final Geofences geofences;
    private final MapProperties map;

    GeofencePages(Geofences geofences, MapProperties map) {
        this.geofences = geofences;
        this.map = map;
    }

    @GetMapping("/geofences")
    String page(Model model) {
        model.addAttribute("geofences", geofences.list());
        model.addAttribute("kinds", Geofence.Kind.values());
        model.addAttribute("map", map);
        return "tracking/geofences";
    }
}
