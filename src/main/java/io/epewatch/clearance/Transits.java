package io.epewatch.clearance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.clearance.DossierStep.Step;
import io.epewatch.declaration.DeclarationDetails;
import io.epewatch.declaration.DeclarationInput.SealInput;
import io.epewatch.declaration.DeclarationInput.TransitInput;
import io.epewatch.declaration.Seal;
import io.epewatch.declaration.TransitRoute;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.kernel.InputCheck;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transit under customs supervision (R5.7): the declarant asks, customs accepts (with the seals applied) or refuses
 * with a reason; an accepted transit is written through to the declaration, so that the trip starts when the vehicle
 * leaves the EPE's gate and is followed on its route to the deadline; the destination office confirms the arrival
 * and the seals it found, which the gate analysis compares with those recorded (SEAL_MISMATCH).
 */
@Service
public class Transits {

    private final DossierLedger ledger;

    Transits(DossierLedger ledger) {
        this.ledger = ledger;
    }

    /** The declarant asks for a transit: origin and destination geofences, the deadline, the route. */
    @Transactional
    public Dossier request(Caller caller, String number, TransitInput input) {
        if (!caller.has(Role.DECLARANT)) {
            throw new AccessDeniedException("the declarant asks for a transit");
        }
        Dossier d = ledger.lock(caller, number);
        if (d.registeredAt() == null || d.state().ended() || d.state() == DossierState.PASSED) {
            throw DossierLedger.refused(d, "is " + d.state() + "; a transit is asked for on a registered declaration");
        }
        if (d.transit() != null && !"REFUSED".equals(d.transit().state())) {
            throw DossierLedger.refused(d, "already has a transit " + d.transit().state());
        }
        InputCheck check = new InputCheck();
        if (input == null) {
            check.reject("transit", "is required: origin, destination, deadline, route");
        }
        TransitRoute route = input == null ? null : DeclarationDetails.transit(check, input, d.registeredAt());
        if (route != null && !route.deadline().isAfter(ledger.now())) {
            check.reject("transit.deadline", "is past: a transit's deadline is ahead");
        }
        check.throwIfAny();
        TransitRequest request = new TransitRequest(route.origin(), route.destination(), route.route(), route.deadline(),
                "REQUESTED", null, null);
        return ledger.step(caller, d, Step.TRANSIT_REQUESTED, d.state(), Map.of("transit", ledger.jsonb(request)), null,
                Map.of("origin", route.origin(), "destination", route.destination(), "deadline", route.deadline().toString()));
    }

    /**
     * Customs accepts the transit — with the seals applied for the journey, added to those recorded — or refuses it
     * with a reason.
     */
    @Transactional
    public Dossier decide(Caller caller, String number, boolean accept, String reason, List<SealInput> seals) {
        requireOfficer(caller);
        Dossier d = ledger.lock(caller, number);
        if (d.transit() == null || !"REQUESTED".equals(d.transit().state())) {
            throw DossierLedger.refused(d, "has no transit waiting for a decision");
        }
        InputCheck check = new InputCheck();
        if (!accept) {
            check.requireText("reason", reason, 2_000);
        } else if (reason != null) {
            check.maxLength("reason", reason, 2_000);
        }
        List<Seal> applied = DeclarationDetails.seals(check, seals);
        check.throwIfAny();
        Instant now = ledger.now();
        TransitRequest t = d.transit();
        TransitRequest decided = new TransitRequest(t.origin(), t.destination(), t.route(), t.deadline(),
                accept ? "ACCEPTED" : "REFUSED", InputCheck.blankToNull(reason), now);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("transit", ledger.jsonb(decided));
        Map<String, Object> details = new LinkedHashMap<>();
        if (accept && !applied.isEmpty()) {
            List<Seal> all = new ArrayList<>(d.seals().stream()
                    .filter(s -> applied.stream().noneMatch(a -> a.containerNumber().equals(s.containerNumber()))).toList());
            all.addAll(applied);
            columns.put("seals", ledger.jsonb(all));
            details.put("seals", applied.stream().map(s -> s.containerNumber() + " " + s.sealNumber()).toList());
        }
        return ledger.step(caller, d, accept ? Step.TRANSIT_ACCEPTED : Step.TRANSIT_REFUSED, d.state(), columns,
                InputCheck.blankToNull(reason), details);
    }

    /** The destination office confirms the arrival and records the seals it found; they are compared with those recorded. */
    @Transactional
    public Dossier confirmArrival(Caller caller, String number, String office, List<SealInput> found) {
        requireOfficer(caller);
        Dossier d = ledger.lock(caller, number);
        if (d.transit() == null || !d.transit().accepted() || d.arrival() != null) {
            throw DossierLedger.refused(d, d.arrival() != null ? "has its arrival confirmed already"
                    : "has no accepted transit to arrive");
        }
        InputCheck check = new InputCheck();
        check.requireText("office", office, 200);
        List<Seal> seals = DeclarationDetails.seals(check, found);
        check.throwIfAny();
        List<String> differences = differences(d.seals(), seals);
        TransitArrivalCheck arrival = new TransitArrivalCheck(ledger.now(), office.strip(), seals, differences);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("office", office.strip());
        details.put("sealsIntact", differences.isEmpty());
        if (!differences.isEmpty()) {
            details.put("differences", differences);
        }
        return ledger.step(caller, d, Step.ARRIVED, d.state(), Map.of("arrival", ledger.jsonb(arrival)), null, details);
    }

    /** Recorded seals missing or different on arrival, and seals found that were not recorded. */
    static List<String> differences(List<Seal> recorded, List<Seal> found) {
        List<String> differences = new ArrayList<>();
        for (Seal r : recorded) {
            Optional<Seal> same = found.stream().filter(f -> f.containerNumber().equals(r.containerNumber())).findFirst();
            if (same.isEmpty()) {
                differences.add(r.containerNumber() + ": " + r.sealNumber() + " recorded, none found");
            } else if (!same.get().sealNumber().equals(r.sealNumber())) {
                differences.add(r.containerNumber() + ": " + r.sealNumber() + " recorded, " + same.get().sealNumber() + " found");
            }
        }
        for (Seal f : found) {
            if (recorded.stream().noneMatch(r -> r.containerNumber().equals(f.containerNumber()))) {
                differences.add(f.containerNumber() + ": " + f.sealNumber() + " found, none recorded");
            }
        }
        return differences;
    }

    private static void requireOfficer(Caller caller) {
        if (!caller.has(Role.OFFICER) && !caller.has(Role.HEAD)) {
            throw new AccessDeniedException("an officer or the head decides transits and confirms arrivals");
        }
    }

}
