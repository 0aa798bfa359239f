package io.epewatch.tracking.web;

import java.util.Map;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import io.epewatch.tracking.Geofences;
import io.epewatch.tracking.MapProperties;
import io.epewatch.tracking.Trip;
import io.epewatch.tracking.TripInput;
import io.epewatch.tracking.Trips;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Trips for officers (R5.7): which vehicles are on their way, when each is due, its track over the geofences; start
 * one by hand, cancel one with a reason. Refused input comes back with the reason beside the field.
 */
@Controller
class TripPages {

    private final Trips trips;
    private final Geofences geofences;
    private final Enterprises enterprises;
    private final MapProperties map;
    private final CurrentCaller caller;
    private final MessageSource messages;

    TripPages(Trips trips, Geofences geofences, Enterprises enterprises, MapProperties map, CurrentCaller caller,
              MessageSource messages) {
        this.trips = trips;
        this.geofences = geofences;
        this.enterprises = enterprises;
        this.map = map;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/trips")
    String list(@RequestParam(required = false) String enterpriseTaxCode, @RequestParam(required = false) Trip.Stage stage,
                Model model) {
        return render(enterpriseTaxCode, stage, Map.of(), Map.of(), model);
    }

    @PostMapping("/trips")
    @PreAuthorize(Permissions.CUSTOMS)
    String start(@RequestParam Map<String, String> form, Model model) {
        try {
            Trip trip = trips.start(caller.get(), new TripInput(form.get("plate"), form.get("enterpriseTaxCode"),
                    InputCheck.blankToNull(form.get("reference")), form.get("origin"), form.get("destination"), null));
            return "redirect:/trips/" + trip.id();
        } catch (InvalidInputException e) {
            return render(null, null, form, e.reasonsByField(messages, LocaleContextHolder.getLocale()), model);
        }
    }

    @GetMapping("/trips/{id}")
    String trip(@PathVariable long id, Model model) {
        return page(id, Map.of(), model);
    }

    @PostMapping("/trips/{id}/cancel")
    @PreAuthorize(Permissions.CUSTOMS)
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Model model) {
        try {
            trips.cancel(caller.get(), id, reason);
            return "redirect:/trips/" + id;
        } catch (InvalidInputException e) {
            return page(id, e.reasonsByField(messages, LocaleContextHolder.getLocale()), model);
        }
    }

    private String page(long id, Map<String, String> errors, Model model) {
        Trip trip = trips.find(caller.get().access(), id).orElseThrow(() -> new NotFoundException("trip", String.valueOf(id)));
        model.addAttribute("trip", trip);
        model.addAttribute("map", map);
        model.addAttribute("errors", errors);
        return "tracking/trip";
    }

    private String render(String taxCode, Trip.Stage stage, Map<String, String> form, Map<String, String> errors,
                          Model model) {
        String filter = InputCheck.blankToNull(taxCode);
        model.addAttribute("trips", trips.latest(caller.get().access(), filter, stage, 200));
        model.addAttribute("enterprises", enterprises.list(caller.get().access()));
        model.addAttribute("geofences", geofences.list(caller.get().access()));
        model.addAttribute("stages", Trip.Stage.values());
        model.addAttribute("selectedEnterprise", filter);
        model.addAttribute("selectedStage", stage);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "tracking/trips";
    }
}
