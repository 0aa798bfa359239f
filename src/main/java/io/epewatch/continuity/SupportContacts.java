package io.epewatch.continuity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Board;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.Units;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where problems with the clearance systems go (R6.5, letter 497/CHQ-CNTT §6): technical ones to the IT board,
 * business ones to the supervision, tax and risk management boards. Each unit names its contact point for each kind;
 * a system administrator keeps any unit's, a unit administrator its own unit's. Shown to everyone on the status page:
 * they are the customs' published contact points, not personal data.
 */
@Service
class SupportContacts {

    private static final int MAX = 200;

    private final JdbcClient jdbc;
    private final Units units;
    private final AuditTrail audit;
    private final Clock clock;

    SupportContacts(JdbcClient jdbc, Units units, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** One unit's contact point for one kind of problem. */
    public record SupportContact(long unitId, String unitName, Board board, String name, String phone, String email) {

        public boolean technical() {
            return board == Board.IT;
        }
    }

    public record ContactInput(String name, String phone, String email) {
    }

    public List<SupportContact> all() {
        return jdbc.sql("""
                        select c.unit_id, u.name as unit_name, c.board, c.name, c.phone, c.email
                        from support_contact c join unit u on u.id = c.unit_id
                        order by case c.board when 'IT' then 0 else 1 end, u.name, c.board""")
                .query((rs, n) -> new SupportContact(rs.getLong("unit_id"), rs.getString("unit_name"),
                        Board.valueOf(rs.getString("board")), rs.getString("name"), rs.getString("phone"), rs.getString("email")))
                .list();
    }

    @Transactional
    public SupportContact keep(Caller caller, long unitId, Board board, ContactInput input) {
        String unitName = mayKeep(caller, unitId);
        InputCheck check = new InputCheck();
        check.requireText("name", input == null ? null : input.name(), MAX);
        String phone = InputCheck.blankToNull(input == null ? null : input.phone());
        String email = InputCheck.blankToNull(input == null ? null : input.email());
        if (phone != null && !phone.matches("[0-9+() .\\-]{6,32}(\\s*(ext\\.?|máy lẻ:?)\\s*[0-9]{1,6})?")) {
            check.reject("phone", "contactPhone", "is not a telephone number: digits, spaces, + ( ) . - and an extension");
        }
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            check.reject("email", "contactEmail", "is not an e-mail address");
        }
        if (phone == null && email == null) {
            check.reject("phone", "contactReachable", "give a telephone number or an e-mail address");
        }
        check.throwIfAny();
        String name = input.name().strip();
        jdbc.sql("""
                        insert into support_contact (unit_id, board, name, phone, email, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (unit_id, board) do update set name = excluded.name, phone = excluded.phone,
                            email = excluded.email, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(unitId, board.name(), name, phone, email, Timestamp.from(clock.instant()), caller.name()).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "support-contact:" + unitId + ":" + board,
                Map.of("name", name));
        return new SupportContact(unitId, unitName, board, name, phone, email);
    }

    @Transactional
    public void remove(Caller caller, long unitId, Board board) {
        mayKeep(caller, unitId);
        if (jdbc.sql("delete from support_contact where unit_id = ? and board = ?").params(unitId, board.name()).update() == 0) {
            throw new NotFoundException("support contact", unitId + " " + board);
        }
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "support-contact:" + unitId + ":" + board,
                Map.of("removed", true));
    }

    /** The unit's name when the caller keeps its contacts (R6.3: a unit administrator its own unit only); else refused. */
    private String mayKeep(Caller caller, long unitId) {
        String name = units.find(unitId).orElseThrow(() -> new NotFoundException("unit", String.valueOf(unitId))).name();
        boolean ownUnit = caller.has(Role.UNIT_ADMIN) && Long.valueOf(unitId).equals(caller.unitId());
        if (!caller.has(Role.SYSTEM_ADMIN) && !ownUnit) {
            throw new AccessDeniedException("a unit administrator keeps the support contacts of their own unit only");
        }
        return name;
    }
}
