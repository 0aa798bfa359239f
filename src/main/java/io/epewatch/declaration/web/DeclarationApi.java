package io.epewatch.declaration.web;

import java.util.List;
import java.util.Map;

import io.epewatch.declaration.Declaration;
import io.epewatch.declaration.DeclarationInput;
import io.epewatch.declaration.DeclarationReceipt;
import io.epewatch.declaration.Declarations;
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

@RestController
@RequestMapping("/api/v1/declarations")
@Tag(name = "Declarations", description = "Declarations as known to customs (ingest)")
class DeclarationApi {

    private final Declarations declarations;
    private final CurrentCaller caller;

    DeclarationApi(Declarations declarations, CurrentCaller caller) {
        this.declarations = declarations;
        this.caller = caller;
    }

    @PostMapping
    @PreAuthorize(Permissions.INGEST_DECLARATIONS)
    @Operation(summary = "Post a declaration; the same number again is a new version (200) or unchanged (200), first time 201")
    ResponseEntity<DeclarationReceipt> receive(@RequestBody DeclarationInput input) {
        DeclarationReceipt receipt;
        try {
            receipt = declarations.receive(input);
        } catch (DuplicateKeyException concurrentFirstPost) {
            // another call inserted the same number at the same moment; ours is now an update of it
            receipt = declarations.receive(input);
        }
        return ResponseEntity.status(receipt.outcome().equals("CREATED") ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    @PostMapping("/import")
    @PreAuthorize(Permissions.INGEST_DECLARATIONS)
    @Operation(summary = "Import declarations from CSV (UTF-8, header row; lists separated by ';'); a report per row")
    ImportReport importCsv(@RequestBody byte[] csv) {
        return ImportReport.of(CsvTable.parse(csv), row -> {
            DeclarationInput input = fromCsv(row);
            DeclarationReceipt receipt;
            try {
                receipt = declarations.receive(input);
            } catch (DuplicateKeyException concurrentFirstPost) {
                receipt = declarations.receive(input);
            }
            return new ImportReport.Taken(receipt.outcome(), receipt.declaration().number());
        });
    }

    /**
     * One declaration per row. Vehicles with containers as {@code plate:container container; plate:container};
     * transit as the columns {@code transitOrigin}, {@code transitDestination}, {@code transitDeadline}.
     */
    static DeclarationInput fromCsv(Map<String, String> row) {
        Map<String, List<String>> cell = CsvTable.vehicles(row.get("vehicles"));
        List<DeclarationInput.VehicleInput> vehicles = cell == null ? null : cell.entrySet().stream()
                .map(v -> new DeclarationInput.VehicleInput(v.getKey(), v.getValue())).toList();
        DeclarationInput.TransitInput transit = row.get("transitorigin") == null && row.get("transitdestination") == null
                ? null : new DeclarationInput.TransitInput(row.get("transitorigin"), row.get("transitdestination"),
                row.get("transitdeadline"), row.get("transitroute"));
        return new DeclarationInput(row.get("number"), row.get("typecode"), row.get("enterprisetaxcode"),
                row.get("direction"), row.get("registeredat"), row.get("status"), row.get("lane"),
                CsvTable.list(row.get("vehicleplates")), CsvTable.list(row.get("containernumbers")), row.get("clearedat"),
                null, vehicles, null, transit, row.get("inspectedat"), null);
    }

    @GetMapping("/{number}")
    @PreAuthorize(Permissions.READ)
    Declaration get(@PathVariable String number) {
        return declarations.find(caller.get().access(), number).orElseThrow(() -> new NotFoundException("declaration", number));
    }
}
