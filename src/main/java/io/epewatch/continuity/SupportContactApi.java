package io.epewatch.continuity;

import java.util.List;

import io.epewatch.identity.Board;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.kernel.InputCheck;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Support contacts (R6.5): read by anyone, kept by administrators. */
@RestController
@RequestMapping("/api/v1/support-contacts")
class SupportContactApi {

    private static final String BOARDS = "IT, SUPERVISION, TAX, RISK_MANAGEMENT";

    private final SupportContacts contacts;
    private final CurrentCaller caller;

    SupportContactApi(SupportContacts contacts, CurrentCaller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @GetMapping
    List<SupportContacts.SupportContact> all() {
        return contacts.all();
    }

    @PutMapping("/{unitId}/{board}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'UNIT_ADMIN')")
    SupportContacts.SupportContact keep(@PathVariable long unitId, @PathVariable String board,
                                        @RequestBody(required = false) SupportContacts.ContactInput input) {
        return contacts.keep(caller.get(), unitId, board(board), input);
    }

    @DeleteMapping("/{unitId}/{board}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'UNIT_ADMIN')")
    void remove(@PathVariable long unitId, @PathVariable String board) {
        contacts.remove(caller.get(), unitId, board(board));
    }

    private static Board board(String raw) {
        InputCheck check = new InputCheck();
        Board board = check.parse("board", raw, r -> InputCheck.parseEnum(Board.class, r, BOARDS));
        check.throwIfAny();
        return board;
    }
}
