package io.epewatch.clearance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.epewatch.clearance.DossierStep.Step;
import io.epewatch.declaration.Declaration.Lane;
import io.epewatch.declaration.DeclarationDetails;
import io.epewatch.declaration.DeclarationInput.SealInput;
import io.epewatch.declaration.Seal;
import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceLink;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.evidence.NewEvidence;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customs' side of processing (R5.5–R5.7): the fee, the document check (yellow), the head's inspection order and the
 * officer's result with the seals applied (red), release, clearance, the passage of the supervised area, and the
 * decision on a cancellation request. Each step within the caller's units, audited, and written through to what the
 * gate analysis knows.
 */
@Service
public class CustomsChecks {

    /** Forms of physical inspection the head chooses (Decree 87/2012 Art. 12; R5.6). */
    public enum InspectionForm { MANUAL, SCANNER, SCANNER_AND_MANUAL }

    private static final Set<DossierState> WORK = Set.of(DossierState.DOCUMENT_CHECK, DossierState.INSPECTION_ORDER,
            DossierState.INSPECTION, DossierState.HELD);
    private static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

    private final DossierLedger ledger;
    private final EvidenceStore evidence;
    private final GoodsBalance balance;

    CustomsChecks(DossierLedger ledger, EvidenceStore evidence, GoodsBalance balance) {
        this.ledger = ledger;
        this.evidence = evidence;
        this.balance = balance;
    }

    /** The fee is paid: a green declaration (or one released before payment) is cleared now. */
    @Transactional
    public Dossier recordFees(Caller caller, String number) {
        requireCustoms(caller);
        Dossier d = ledger.lock(caller, number);
        if (d.registeredAt() == null || d.state().ended() || d.feesPaidAt() != null) {
            throw DossierLedger.refused(d, "is " + d.state() + (d.feesPaidAt() != null
                    ? " and its fee is already paid" : "; the fee is recorded on a registered declaration"));
        }
        Map<String, Object> paid = Map.of("fees_paid_at", ledger.now());
        Map<String, Object> fee = Map.of("feeVnd", d.assessment().feeVnd());
        boolean checksDone = d.state() == DossierState.FEES_DUE || d.state() == DossierState.RELEASED;
        return checksDone ? toClearance(caller, d, Step.FEES_PAID, true, paid, null, fee)
                : ledger.step(caller, d, Step.FEES_PAID, d.state(), paid, null, fee);
    }

    /**
     * Yellow: the officer checked the documents (R5.6). Accepted, the declaration goes on to clearance; not, it goes
     * to physical inspection with the officer's reason.
     */
    @Transactional
    public Dossier checkDocuments(Caller caller, String number, boolean accepted, String note) {
        requireRole(caller, Role.OFFICER, Role.HEAD);
        Dossier d = ledger.lock(caller, number);
        DossierLedger.expect(d, Set.of(DossierState.DOCUMENT_CHECK), "a document check");
        String reason = InputCheck.blankToNull(note);
        if (!accepted) {
            InputCheck check = new InputCheck();
            check.requireText("note", note, 2_000);
            check.throwIfAny();
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("lane", Lane.RED.name());
            columns.put("documents_checked_at", ledger.now());
            return ledger.step(caller, d, Step.DOCUMENTS_SENT_TO_INSPECTION, DossierState.INSPECTION_ORDER, columns, reason,
                    Map.of("lane", Lane.RED.name()));
        }
        return toClearance(caller, d, Step.DOCUMENTS_ACCEPTED, d.feesPaidAt() != null,
                Map.of("documents_checked_at", ledger.now()), reason, Map.of());
    }

    /** Red: the head sets the form and level (share of the shipment, in percent) of the physical inspection (R5.6). */
    @Transactional
    public Dossier orderInspection(Caller caller, String number, String form, String levelPercent, String note) {
        requireRole(caller, Role.HEAD);
        Dossier d = ledger.lock(caller, number);
        DossierLedger.expect(d, Set.of(DossierState.INSPECTION_ORDER), "an inspection order");
        InputCheck check = new InputCheck();
        InspectionForm chosen = check.parse("form", form, raw -> InputCheck.parseEnum(InspectionForm.class, raw,
                "MANUAL, SCANNER or SCANNER_AND_MANUAL"));
        Integer level = check.parse("level", levelPercent, raw -> {
            if (!raw.strip().matches("\\d{1,3}") || Integer.parseInt(raw.strip()) < 1 || Integer.parseInt(raw.strip()) > 100) {
                throw new IllegalArgumentException("must be the share of the shipment to inspect, 1 to 100 (percent)");
            }
            return Integer.parseInt(raw.strip());
        });
        if (note != null) {
            check.maxLength("note", note, 2_000);
        }
        check.throwIfAny();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("inspection_form", chosen.name());
        columns.put("inspection_level", level);
        columns.put("inspection_ordered_at", ledger.now());
        return ledger.step(caller, d, Step.INSPECTION_ORDERED, DossierState.INSPECTION, columns, InputCheck.blankToNull(note),
                Map.of("form", chosen.name(), "level", level));
    }

    /**
     * Red: the officer records what the inspection found and the seals applied (R5.6, R5.8). Goods as declared go on
     * to clearance; a discrepancy holds them until the head decides.
     */
    @Transactional
    public Dossier recordInspection(Caller caller, String number, boolean asDeclared, String findings, List<SealInput> seals) {
        requireRole(caller, Role.OFFICER, Role.HEAD);
        Dossier d = ledger.lock(caller, number);
        DossierLedger.expect(d, Set.of(DossierState.INSPECTION), "an inspection result");
        InputCheck check = new InputCheck();
        check.requireText("findings", findings, 4_000);
        List<Seal> applied = DeclarationDetails.seals(check, seals);
        check.throwIfAny();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("inspected_at", ledger.now());
        columns.put("seals", ledger.jsonb(applied));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("asDeclared", asDeclared);
        details.put("seals", applied.stream().map(s -> s.containerNumber() + " " + s.sealNumber()).toList());
        return asDeclared
                ? toClearance(caller, d, Step.INSPECTION_RECORDED, d.feesPaidAt() != null, columns, findings.strip(), details)
                : ledger.step(caller, d, Step.INSPECTION_RECORDED, DossierState.HELD, columns, findings.strip(), details);
    }

    /** A photo taken at the inspection, kept as evidence linked to the declaration (R5.6). */
    @Transactional
    public EvidenceItem addInspectionPhoto(Caller caller, String number, byte[] jpeg) {
        requireRole(caller, Role.OFFICER, Role.HEAD);
        Dossier d = ledger.lock(caller, number);
        if (d.inspectionOrderedAt() == null) {
            throw DossierLedger.refused(d, "has no inspection ordered");
        }
        if (jpeg == null || jpeg.length < 4 || jpeg.length > MAX_PHOTO_BYTES
                || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            throw new InvalidInputException("photo", "must be a JPEG picture of at most 10 MiB");
        }
        EvidenceItem item = evidence.store(new NewEvidence(jpeg, "image/jpeg", d.enterpriseTaxCode(), null, ledger.now()),
                List.of(new EvidenceLink(EvidenceLink.Kind.DECLARATION, number)));
        ledger.step(caller, d, Step.INSPECTION_RECORDED, d.state(), Map.of(), null, Map.of("photo", item.id().toString()));
        return item;
    }

    public List<EvidenceItem> inspectionPhotos(Caller caller, String number) {
        return ledger.find(caller, number).map(d -> evidence.linkedTo(new EvidenceLink(EvidenceLink.Kind.DECLARATION, number)))
                .orElse(List.of());
    }

    /** A photo of the declaration's inspection, when the scope sees the declaration and the photo is one of its own. */
    public Optional<java.io.InputStream> openInspectionPhoto(Caller caller, String number, java.util.UUID photo) {
        return inspectionPhotos(caller, number).stream().filter(p -> p.id().equals(photo)).findFirst()
                .flatMap(p -> evidence.open(p.id()));
    }

    /** The head decides on goods held for a discrepancy, once it is handled (a violation record, a fine): they go on. */
    @Transactional
    public Dossier settleDiscrepancy(Caller caller, String number, String decision) {
        requireRole(caller, Role.HEAD);
        Dossier d = ledger.lock(caller, number);
        DossierLedger.expect(d, Set.of(DossierState.HELD), "settling a discrepancy");
        InputCheck check = new InputCheck();
        check.requireText("decision", decision, 2_000);
        check.throwIfAny();
        return toClearance(caller, d, Step.RELEASED, d.feesPaidAt() != null, Map.of(), decision.strip(), Map.of("settled", true));
    }

    /** Goods released before the fee is paid, under a guarantee: they may leave; clearance follows the payment. */
    @Transactional
    public Dossier release(Caller caller, String number, String guarantee) {
        requireRole(caller, Role.OFFICER, Role.HEAD);
        Dossier d = ledger.lock(caller, number);
        DossierLedger.expect(d, Set.of(DossierState.FEES_DUE), "release");
        InputCheck check = new InputCheck();
        check.requireText("guarantee", guarantee, 500);
        check.throwIfAny();
        return ledger.step(caller, d, Step.RELEASED, DossierState.RELEASED, Map.of("released_at", ledger.now()),
                guarantee.strip(), Map.of());
    }

    /** The goods passed the customs-supervised area (port or ICD gate confirmation, VASSCM; Circular 38 Art. 53). */
    @Transactional
    public Dossier confirmPassage(Caller caller, String number, String place) {
        requireCustoms(caller);
        Dossier d = ledger.lock(caller, number);
        DossierLedger.expect(d, Set.of(DossierState.CLEARED, DossierState.RELEASED), "confirming the passage");
        InputCheck check = new InputCheck();
        check.requireText("place", place, 200);
        check.throwIfAny();
        return ledger.step(caller, d, Step.PASSED_AREA, DossierState.PASSED, Map.of("passed_at", ledger.now()),
                null, Map.of("place", place.strip()));
    }

    /** Customs decides a cancellation request (within 8 working hours, Circular 38/2015 Art. 22). */
    @Transactional
    public Dossier decideCancellation(Caller caller, String number, boolean accept, String reason) {
        requireRole(caller, Role.OFFICER, Role.HEAD);
        Dossier d = ledger.lock(caller, number);
        if (d.cancellationReason() == null || d.state().ended()) {
            throw DossierLedger.refused(d, "has no cancellation asked for");
        }
        InputCheck check = new InputCheck();
        if (!accept) {
            check.requireText("reason", reason, 2_000);
        }
        check.throwIfAny();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("cancellation_requested", null);
        if (!accept) {
            return ledger.step(caller, d, Step.CANCELLATION_REFUSED, d.state(), columns, reason.strip(), Map.of());
        }
        balance.giveBack(d);
        return ledger.step(caller, d, Step.CANCELLED, DossierState.CANCELLED, columns, InputCheck.blankToNull(reason),
                Map.of("request", d.cancellationReason()));
    }

    /**
     * What waits for customs in the caller's units, the earliest due first: document checks, inspection orders,
     * inspections, held goods and cancellation requests; {@code lane} narrows it.
     */
    public List<Dossier> worklist(Caller caller, Lane lane) {
        requireCustoms(caller);
        return ledger.select(caller, "(state in (:work) or (cancellation_requested is not null "
                        + "and state not in ('CANCELLED', 'REPLACED'))) and (:lane = '' or lane = :lane)",
                Map.of("work", WORK.stream().map(Enum::name).toList(), "lane", lane == null ? "" : lane.name()),
                "due_at nulls last, registered_at", 500);
    }

    /**
     * Takes a step after which nothing but the fee stands between the goods and clearance: with the fee paid they are
     * cleared now, and the clearance itself follows as the step the declarant reads ("thông quan"); else the
     * declaration waits for the fee.
     */
    private Dossier toClearance(Caller caller, Dossier d, Step step, boolean feePaid, Map<String, Object> columns,
                                String reason, Map<String, Object> details) {
        if (!feePaid) {
            return ledger.step(caller, d, step, DossierState.FEES_DUE, columns, reason, details);
        }
        Map<String, Object> cleared = new LinkedHashMap<>(columns);
        cleared.put("cleared_at", ledger.now());
        Dossier after = ledger.step(caller, d, step, DossierState.CLEARED, cleared, reason, details);
        return ledger.step(caller, after, Step.CLEARED, DossierState.CLEARED, Map.of(), null, Map.of());
    }

    private static void requireCustoms(Caller caller) {
        if (!caller.isCustoms()) {
            throw new AccessDeniedException("customs officers only");
        }
    }

    private static void requireRole(Caller caller, Role... roles) {
        for (Role role : roles) {
            if (caller.has(role)) {
                return;
            }
        }
        throw new AccessDeniedException("this step needs one of " + List.of(roles));
    }
}
