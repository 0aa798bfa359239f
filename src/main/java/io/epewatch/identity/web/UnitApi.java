package io.epewatch.identity.web;

import java.util.List;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.identity.Unit;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.Units;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "Customs departments and sub-departments")
class UnitApi {

    private final Units units;
    private final CurrentCaller caller;

    UnitApi(Units units, CurrentCaller caller) {
        this.units = units;
        this.caller = caller;
    }

    record UnitInput(String code, String name, UnitKind kind, Long parentId) {
    }

    record UnitRename(String name) {
    }

    @GetMapping
    @PreAuthorize(Permissions.READ)
    List<Unit> list() {
        return units.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    Unit create(@RequestBody UnitInput input) {
        return units.create(caller.get(), input.code(), input.name(), input.kind(), input.parentId());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    Unit rename(@PathVariable long id, @RequestBody UnitRename input) {
        return units.rename(caller.get(), id, input.name());
    }
}
