package io.epewatch.clearance.web;

import java.util.List;

import io.epewatch.clearance.CustomsChecks;
import io.epewatch.clearance.DeclarantMandates;
import io.epewatch.clearance.Dossier;
import io.epewatch.clearance.DossierInput;
import io.epewatch.clearance.DossierState;
import io.epewatch.clearance.DossierStep;
import io.epewatch.clearance.RegisteredGoods;
import io.epewatch.clearance.Dossiers;
import io.epewatch.clearance.Selectivity;
import io.epewatch.clearance.SupportingDocuments;
import io.epewatch.clearance.Transits;
import io.epewatch.declaration.DeclarationInput.TransitInput;
import io.epewatch.clearance.selectivity.Criterion;
import io.epewatch.declaration.Declaration.Lane;
import io.epewatch.declaration.DeclarationInput.SealInput;
import io.epewatch.evidence.EvidenceItem;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

/** Declaration processing over the API (R5.1–R5.7): the declarant's business codes and customs' steps. */
@RestController
@RequestMapping("/api/v1/clearance")
@Tag(name = "Clearance", description = "Declarations filed, registered with a lane, checked and cleared by this system (Decree 87/2012)")
class ClearanceApi {

    /** A declaration with where it stands and its processing history (the customs answers). */
    record Status(Dossier declaration, List<DossierStep> steps) {
    }

    record Change(DossierInput declaration, String reason) {
    }

    record Reason(String reason) {
    }

    record DocumentCheck(Boolean accepted, String note) {
    }

    record InspectionOrder(String form, String level, String note) {
    }

    record InspectionResult(Boolean asDeclared, String findings, List<SealInput> seals) {
    }

    record Decision(Boolean accept, String reason) {
    }

    record Place(String place) {
    }

    record TransitDecision(Boolean accept, String reason, List<SealInput> seals) {
    }

    record Arrival(String office, List<SealInput> seals) {
    }

    record Guarantee(String guarantee) {
    }

    record SettleDecision(String decision) {
    }

    record Shares(String yellowShare, String redShare) {
    }

    record GoodInput(String hsCode, String unit, String description, String quantity) {
    }

    record StandingInput(String status, String taxDebtOverdueSince) {
    }

    record MandateInput(String declarant, String validUntil) {
    }

    /**
     * Who reads declarations processed here: customs, HQ analysts, the declarants (within their reach) and the
     * enterprise's own users, who follow their declarations without filing them.
     */
    static final String DOSSIER_READERS = "hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN','HEAD','OFFICER','HQ_ANALYST','DECLARANT','EPE_USER')";
    /** Who keeps an enterprise's signing certificates: its own people and its customs. */
    private static final String DOCUMENT_PEOPLE = "hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN','HEAD','OFFICER','EPE_USER','DECLARANT')";

    private final Dossiers dossiers;
    private final SupportingDocuments documents;
    private final Transits transits;
    private final DeclarantMandates mandates;
    private final CustomsChecks checks;
    private final Selectivity selectivity;
    private final RegisteredGoods goods;
    private final CurrentCaller caller;

    ClearanceApi(Dossiers dossiers, CustomsChecks checks, Selectivity selectivity, RegisteredGoods goods,
                 SupportingDocuments documents, Transits transits, DeclarantMandates mandates, CurrentCaller caller) {
        this.mandates = mandates;
        this.transits = transits;
        this.dossiers = dossiers;
        this.documents = documents;
        this.checks = checks;
        this.selectivity = selectivity;
        this.goods = goods;
        this.caller = caller;
    }

    @GetMapping("/enterprises/{taxCode}/goods")
    @PreAuthorize(Permissions.PEOPLE)
    @Operation(summary = "The goods the enterprise registered and how much of each is declared")
    List<RegisteredGoods.Good> goods(@PathVariable String taxCode) {
        return goods.of(caller.get(), taxCode);
    }

    @PutMapping("/enterprises/{taxCode}/goods")
    @PreAuthorize(Permissions.CUSTOMS)
    @Operation(summary = "Register a good {hsCode, unit, description, quantity} or change it")
    RegisteredGoods.Good registerGood(@PathVariable String taxCode, @RequestBody GoodInput input) {
        return goods.register(caller.get(), taxCode, input.hsCode(), input.unit(), input.description(), input.quantity());
    }

    @PutMapping("/enterprises/{taxCode}/standing")
    @PreAuthorize(Permissions.CUSTOMS)
    @Operation(summary = "The enterprise's standing {status: ACTIVE|SUSPENDED|DISSOLVED|BANKRUPT, taxDebtOverdueSince}")
    void standing(@PathVariable String taxCode, @RequestBody StandingInput input) {
        goods.setStanding(caller.get(), taxCode, input.status(), input.taxDebtOverdueSince());
    }

    @GetMapping("/enterprises/{taxCode}/certificates")
    @PreAuthorize(DOCUMENT_PEOPLE)
    @Operation(summary = "The certificates the enterprise registered to sign its documents")
    List<SupportingDocuments.Certificate> certificates(@PathVariable String taxCode) {
        return documents.certificates(caller.get(), taxCode);
    }

    @PostMapping("/enterprises/{taxCode}/certificates")
    @PreAuthorize(DOCUMENT_PEOPLE)
    @Operation(summary = "Register a signing certificate (X.509, PEM or DER, as the body) for the enterprise; the same one again answers it")
    ResponseEntity<SupportingDocuments.Certificate> registerCertificate(@PathVariable String taxCode, @RequestBody(required = false) byte[] certificate) {
        return ResponseEntity.status(HttpStatus.CREATED).body(documents.registerCertificate(caller.get(), taxCode, certificate));
    }

    @DeleteMapping("/enterprises/{taxCode}/certificates/{id}")
    @PreAuthorize(DOCUMENT_PEOPLE)
    @Operation(summary = "Withdraw a certificate: documents signed with it are no longer accepted as the enterprise's")
    ResponseEntity<Void> withdrawCertificate(@PathVariable String taxCode, @PathVariable long id) {
        documents.withdrawCertificate(caller.get(), taxCode, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/enterprises/{taxCode}/mandates")
    @PreAuthorize(DOCUMENT_PEOPLE)
    @Operation(summary = "The brokers (declarant accounts) the enterprise authorised to declare for it")
    List<DeclarantMandates.Mandate> mandates(@PathVariable String taxCode) {
        return mandates.of(caller.get(), taxCode);
    }

    @PostMapping("/enterprises/{taxCode}/mandates")
    @PreAuthorize(DOCUMENT_PEOPLE)
    @Operation(summary = "Authorise a broker {declarant: user name, validUntil: date or empty} to declare for the enterprise")
    ResponseEntity<DeclarantMandates.Mandate> grant(@PathVariable String taxCode, @RequestBody(required = false) MandateInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(mandates.grant(caller.get(), taxCode,
                input == null ? null : input.declarant(), input == null ? null : input.validUntil()));
    }

    @DeleteMapping("/enterprises/{taxCode}/mandates/{id}")
    @PreAuthorize(DOCUMENT_PEOPLE)
    @Operation(summary = "Revoke a broker's mandate: from now on it neither files nor reads the enterprise's declarations")
    ResponseEntity<Void> revoke(@PathVariable String taxCode, @PathVariable long id) {
        mandates.revoke(caller.get(), taxCode, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/declarations/{number}/documents")
    @PreAuthorize("hasRole('DECLARANT')")
    @Operation(summary = "Attach a supporting document (kind, file) with its detached CMS/PKCS#7 signature (signature, "
            + "optional); the answer says what the signature check found")
    ResponseEntity<SupportingDocuments.Document> attach(@PathVariable String number, @RequestParam(required = false) String kind,
                                                        @RequestParam(name = "file", required = false) MultipartFile file,
                                                        @RequestParam(name = "signature", required = false) MultipartFile signature)
            throws java.io.IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(documents.attach(caller.get(), number, kind,
                file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType(),
                file == null ? null : file.getBytes(), signature == null ? null : signature.getBytes()));
    }

    @GetMapping("/declarations/{number}/documents")
    @PreAuthorize(DOSSIER_READERS)
    @Operation(summary = "The declaration's supporting documents and what each signature check found")
    List<SupportingDocuments.Document> documents(@PathVariable String number) {
        return documents.documents(caller.get(), number);
    }

    @GetMapping("/declarations/{number}/documents/{id}")
    @PreAuthorize(DOSSIER_READERS)
    @Operation(summary = "A supporting document's bytes")
    ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable long id) {
        return download(documents.open(caller.get(), number, id)
                .orElseThrow(() -> new NotFoundException("document", String.valueOf(id))));
    }

    /** A document's bytes as a download under its own name (Vietnamese names kept, RFC 6266). */
    static ResponseEntity<byte[]> download(SupportingDocuments.Content content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }

    @PostMapping("/declarations")
    @PreAuthorize("hasRole('DECLARANT')")
    @Operation(summary = "IDA/EDA: file a declaration; 201 with its number and the computed values, or 400 naming every "
            + "bad field. The same reference again answers the declaration already filed (200)")
    ResponseEntity<Status> file(@RequestBody DossierInput input) {
        try {
            Dossiers.Filing filing = dossiers.file(caller.get(), input);
            return ResponseEntity.status(filing.first() ? HttpStatus.CREATED : HttpStatus.OK).body(status(filing.dossier()));
        } catch (DuplicateKeyException sameReferenceAtOnce) {
            // another request with this reference committed meanwhile: answer what it filed
            return ResponseEntity.ok(status(dossiers.filedUnder(caller.get(), input.reference())
                    .orElseThrow(() -> sameReferenceAtOnce)));
        }
    }

    @PostMapping("/declarations/message")
    @PreAuthorize("hasRole('DECLARANT')")
    @Operation(summary = "IDA/EDA as a VNACCS message (text/plain, UTF-8): the 400-character header, CRLF, one item per "
            + "line in the profile of docs/clearance.md; answered as a filing")
    ResponseEntity<Status> fileMessage(@RequestBody(required = false) byte[] message) {
        Dossiers.Filing filing = dossiers.fileMessage(caller.get(), message);
        return ResponseEntity.status(filing.first() ? HttpStatus.CREATED : HttpStatus.OK).body(status(filing.dossier()));
    }

    @GetMapping("/declarations/{number}/message")
    @PreAuthorize(DOSSIER_READERS)
    @Operation(summary = "The declaration as a VNACCS message, in the layout it is uploaded in")
    ResponseEntity<byte[]> message(@PathVariable String number) {
        Dossier d = dossiers.find(caller.get(), number).orElseThrow(() -> new NotFoundException("declaration", number));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(dossiers.message(d));
    }

    @PostMapping("/declarations/{number}/registration")
    @PreAuthorize("hasRole('DECLARANT')")
    @Operation(summary = "IDC/EDC: register officially; the answer carries the lane, the criteria that fired and the draw")
    Status register(@PathVariable String number) {
        return status(dossiers.register(caller.get(), number));
    }

    @PutMapping("/declarations/{number}")
    @PreAuthorize("hasRole('DECLARANT')")
    @Operation(summary = "Correct (provisional), amend (IDA01/EDA01, before clearance) or supplement (after clearance); "
            + "every version is kept; amending and supplementing need a reason")
    Status amend(@PathVariable String number, @RequestBody Change change) {
        return status(dossiers.amend(caller.get(), number, change.declaration(), change.reason()));
    }

    @PostMapping("/declarations/{number}/replacement")
    @PreAuthorize("hasRole('DECLARANT')")
    @Operation(summary = "IDE/EDE: file a declaration replacing this one (registered, not cleared); the new one is answered")
    ResponseEntity<Status> replace(@PathVariable String number, @RequestBody Change change) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(status(dossiers.replace(caller.get(), number, change.declaration(), change.reason())));
    }

    @PostMapping("/declarations/{number}/cancellation")
    @PreAuthorize("hasRole('DECLARANT')")
    @Operation(summary = "Ask to cancel (a provisional declaration is withdrawn at once)")
    Status requestCancellation(@PathVariable String number, @RequestBody Reason reason) {
        return status(dossiers.requestCancellation(caller.get(), number, reason.reason()));
    }

    @GetMapping("/declarations/{number}")
    @PreAuthorize(DOSSIER_READERS)
    @Operation(summary = "A declaration's state and processing history, within the caller's scope")
    Status get(@PathVariable String number) {
        return dossiers.find(caller.get(), number).map(this::status)
                .orElseThrow(() -> new NotFoundException("declaration", number));
    }

    @GetMapping("/declarations")
    @PreAuthorize(DOSSIER_READERS)
    @Operation(summary = "Declarations within the caller's scope, newest first; state narrows")
    List<Dossier> list(@RequestParam(required = false) DossierState state, @RequestParam(defaultValue = "100") int limit) {
        List<Dossier> found = dossiers.list(caller.get(), state, limit);
        return caller.get().seesRisk() ? found : found.stream().map(Dossier::withoutTargeting).toList();
    }

    @GetMapping("/worklist")
    @PreAuthorize(Permissions.CUSTOMS)
    @Operation(summary = "What waits for customs in the caller's units, earliest due first; lane narrows")
    List<Dossier> worklist(@RequestParam(required = false) Lane lane) {
        return checks.worklist(caller.get(), lane);
    }

    @PostMapping("/declarations/{number}/fees")
    @PreAuthorize(Permissions.CUSTOMS)
    @Operation(summary = "The fee is paid: a green (or released) declaration is cleared")
    Status fees(@PathVariable String number) {
        return status(checks.recordFees(caller.get(), number));
    }

    @PostMapping("/declarations/{number}/document-check")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "Yellow: the documents checked; accepted=false sends it to physical inspection with the note")
    Status documentCheck(@PathVariable String number, @RequestBody DocumentCheck check) {
        return status(checks.checkDocuments(caller.get(), number, Boolean.TRUE.equals(check.accepted()), check.note()));
    }

    @PostMapping("/declarations/{number}/inspection-order")
    @PreAuthorize("hasRole('HEAD')")
    @Operation(summary = "Red: the head sets the form (MANUAL, SCANNER, SCANNER_AND_MANUAL) and level (percent)")
    Status inspectionOrder(@PathVariable String number, @RequestBody InspectionOrder order) {
        return status(checks.orderInspection(caller.get(), number, order.form(), order.level(), order.note()));
    }

    @PostMapping("/declarations/{number}/inspection-result")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "Red: what the inspection found and the seals applied; asDeclared=false holds the goods")
    Status inspectionResult(@PathVariable String number, @RequestBody InspectionResult result) {
        return status(checks.recordInspection(caller.get(), number, !Boolean.FALSE.equals(result.asDeclared()),
                result.findings(), result.seals()));
    }

    @PostMapping("/declarations/{number}/inspection-photos")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "A photo of the inspection (JPEG bytes), kept as evidence linked to the declaration")
    ResponseEntity<EvidenceItem> photo(@PathVariable String number, @RequestBody byte[] jpeg) {
        return ResponseEntity.status(HttpStatus.CREATED).body(checks.addInspectionPhoto(caller.get(), number, jpeg));
    }

    @PostMapping("/declarations/{number}/settlement")
    @PreAuthorize("hasRole('HEAD')")
    @Operation(summary = "The head lets held goods go on once the discrepancy is handled")
    Status settle(@PathVariable String number, @RequestBody SettleDecision decision) {
        return status(checks.settleDiscrepancy(caller.get(), number, decision.decision()));
    }

    @PostMapping("/declarations/{number}/release")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "Release the goods before the fee is paid, naming the guarantee")
    Status release(@PathVariable String number, @RequestBody Guarantee guarantee) {
        return status(checks.release(caller.get(), number, guarantee.guarantee()));
    }

    @PostMapping("/declarations/{number}/area-passage")
    @PreAuthorize(Permissions.CUSTOMS)
    @Operation(summary = "The goods passed the customs-supervised area at the place given")
    Status areaPassage(@PathVariable String number, @RequestBody Place place) {
        return status(checks.confirmPassage(caller.get(), number, place.place()));
    }

    @PostMapping("/declarations/{number}/transit")
    @PreAuthorize("hasRole('DECLARANT')")
    @Operation(summary = "Ask for a transit {origin, destination (geofence codes), deadline, route}")
    Status requestTransit(@PathVariable String number, @RequestBody(required = false) TransitInput transit) {
        return status(transits.request(caller.get(), number, transit));
    }

    @PostMapping("/declarations/{number}/transit-decision")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "Accept (with the seals applied) or refuse (with a reason) a transit")
    Status decideTransit(@PathVariable String number, @RequestBody TransitDecision decision) {
        return status(transits.decide(caller.get(), number, Boolean.TRUE.equals(decision.accept()), decision.reason(),
                decision.seals()));
    }

    @PostMapping("/declarations/{number}/arrival")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "The destination office confirms the arrival with the seals it found; they are compared with those recorded")
    Status arrival(@PathVariable String number, @RequestBody Arrival arrival) {
        return status(transits.confirmArrival(caller.get(), number, arrival.office(), arrival.seals()));
    }

    @PostMapping("/declarations/{number}/cancellation-decision")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "Accept or refuse (with a reason) a cancellation request")
    Status cancellationDecision(@PathVariable String number, @RequestBody Decision decision) {
        return status(checks.decideCancellation(caller.get(), number, Boolean.TRUE.equals(decision.accept()), decision.reason()));
    }

    @GetMapping("/selectivity/criteria")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    List<Criterion> criteria() {
        return selectivity.criteria();
    }

    @PostMapping("/selectivity/criteria")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    @Operation(summary = "Add a criterion {kind, parameter, lane, note, enabled}")
    ResponseEntity<Criterion> addCriterion(@RequestBody Selectivity.CriterionInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(selectivity.save(caller.get(), null, input));
    }

    @PutMapping("/selectivity/criteria/{id}")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    Criterion saveCriterion(@PathVariable long id, @RequestBody Selectivity.CriterionInput input) {
        return selectivity.save(caller.get(), id, input);
    }

    @PostMapping("/selectivity/preview")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    @Operation(summary = "How the latest registrations would fall with this criterion (replacing criterionId when given)")
    Selectivity.Preview preview(@RequestParam(required = false) Long criterionId, @RequestBody Selectivity.CriterionInput input) {
        return selectivity.preview(criterionId, input);
    }

    @PutMapping("/selectivity/shares")
    @PreAuthorize(Permissions.RISK_ANALYSIS)
    @Operation(summary = "The least random share of yellow and red, each from 0 to 1")
    void shares(@RequestBody Shares shares) {
        selectivity.setShares(caller.get(), shares.yellowShare(), shares.redShare());
    }

    /** The declaration and its history; the enterprise's side reads the lane without the targeting behind it. */
    private Status status(Dossier d) {
        List<DossierStep> steps = dossiers.steps(d);
        if (caller.get().seesRisk()) {
            return new Status(d, steps);
        }
        return new Status(d.withoutTargeting(), steps.stream().map(DossierStep::withoutTargeting).toList());
    }
}
