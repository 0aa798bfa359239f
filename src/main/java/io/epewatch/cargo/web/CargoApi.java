package io.epewatch.cargo.web;

import io.epewatch.cargo.AreaConfirmation;
import io.epewatch.cargo.AreaConfirmations;
import io.epewatch.cargo.CargoInputs.ConfirmationInput;
import io.epewatch.cargo.CargoInputs.ManifestInput;
import io.epewatch.cargo.CargoInputs.NoteInput;
import io.epewatch.cargo.Manifest;
import io.epewatch.cargo.Manifests;
import io.epewatch.cargo.Receipt;
import io.epewatch.cargo.WarehouseNote;
import io.epewatch.cargo.WarehouseNotes;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.CsvTable;
import io.epewatch.kernel.ImportReport;
import io.epewatch.kernel.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ingest of cargo documents: one by one as JSON (idempotent: the same document again is UNCHANGED), or many as CSV
 * with a report per row. Schemas in {@code docs/ingest.md}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cargo documents", description = "Manifests, warehouse notes, port/ICD gate confirmations (ingest)")
class CargoApi {

    private final Manifests manifests;
    private final WarehouseNotes notes;
    private final AreaConfirmations confirmations;
    private final CurrentCaller caller;

    CargoApi(Manifests manifests, WarehouseNotes notes, AreaConfirmations confirmations, CurrentCaller caller) {
        this.manifests = manifests;
        this.notes = notes;
        this.confirmations = confirmations;
        this.caller = caller;
    }

    @PostMapping("/manifests")
    @PreAuthorize(Permissions.INGEST_CARGO)
    @Operation(summary = "Post a manifest: 201 the first time, 200 UPDATED (new version) or UNCHANGED")
    ResponseEntity<Receipt<Manifest>> manifest(@RequestBody ManifestInput input) {
        return answer(retried(() -> manifests.receive(input)));
    }

    @PostMapping("/manifests/import")
    @PreAuthorize(Permissions.INGEST_CARGO)
    @Operation(summary = "Import manifests from CSV (UTF-8, header row); a report per row")
    ImportReport importManifests(@RequestBody byte[] csv) {
        return ImportReport.of(CsvTable.parse(csv), row -> taken(retried(() -> manifests.receive(Manifests.fromCsv(row)))));
    }

    @GetMapping("/manifests/{number}")
    @PreAuthorize(Permissions.READ)
    Manifest getManifest(@PathVariable String number) {
        return manifests.find(caller.get().access(), number).orElseThrow(() -> new NotFoundException("manifest", number));
    }

    @PostMapping("/warehouse-notes")
    @PreAuthorize(Permissions.INGEST_CARGO)
    @Operation(summary = "Post a warehouse receipt or delivery note: 201 the first time, 200 UPDATED or UNCHANGED")
    ResponseEntity<Receipt<WarehouseNote>> note(@RequestBody NoteInput input) {
        return answer(retried(() -> notes.receive(input)));
    }

    @PostMapping("/warehouse-notes/import")
    @PreAuthorize(Permissions.INGEST_CARGO)
    @Operation(summary = "Import warehouse notes from CSV (UTF-8, header row); a report per row")
    ImportReport importNotes(@RequestBody byte[] csv) {
        return ImportReport.of(CsvTable.parse(csv), row -> taken(retried(() -> notes.receive(WarehouseNotes.fromCsv(row)))));
    }

    @GetMapping("/warehouse-notes/{taxCode}/{number}")
    @PreAuthorize(Permissions.READ)
    WarehouseNote getNote(@PathVariable String taxCode, @PathVariable String number) {
        return notes.find(caller.get().access(), taxCode, number)
                .orElseThrow(() -> new NotFoundException("warehouse note", taxCode + "/" + number));
    }

    @PostMapping("/area-confirmations")
    @PreAuthorize(Permissions.INGEST_CARGO)
    @Operation(summary = "Post a port/ICD gate confirmation: 201 the first time, 200 UNCHANGED for a repeat")
    ResponseEntity<Receipt<AreaConfirmation>> confirmation(@RequestBody ConfirmationInput input) {
        return answer(retried(() -> confirmations.receive(input)));
    }

    @PostMapping("/area-confirmations/import")
    @PreAuthorize(Permissions.INGEST_CARGO)
    @Operation(summary = "Import port/ICD gate confirmations from CSV; a report per row")
    ImportReport importConfirmations(@RequestBody byte[] csv) {
        return ImportReport.of(CsvTable.parse(csv),
                row -> taken(retried(() -> confirmations.receive(AreaConfirmations.fromCsv(row)))));
    }

    private static <T> ResponseEntity<Receipt<T>> answer(Receipt<T> receipt) {
        return ResponseEntity.status(receipt.outcome().equals("CREATED") ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    private static ImportReport.Taken taken(Receipt<?> receipt) {
        return new ImportReport.Taken(receipt.outcome(), receipt.reference());
    }

    /** Two posts of a new document at the same instant: the loser's insert fails; once more, it is a repeat. */
    private static <T> Receipt<T> retried(java.util.function.Supplier<Receipt<T>> receive) {
        try {
            return receive.get();
        } catch (DuplicateKeyException concurrentFirstPost) {
            return receive.get();
        }
    }
}
