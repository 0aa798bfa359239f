package io.epewatch.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.epewatch.kernel.InputCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customs unit tree. */
@Service
public class Units {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Units(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Unit> all() {
        return jdbc.sql("select id, code, name, kind, parent_id, board from unit order by code")
                .query(Units::toUnit).list();
    }

    public Optional<Unit> find(long id) {
        return jdbc.sql("select id, code, name, kind, parent_id, board from unit where id = ?")
                .param(id).query(Units::toUnit).optional();
    }

    public Optional<Unit> findByCode(String code) {
        return jdbc.sql("select id, code, name, kind, parent_id, board from unit where code = ?")
                .param(code).query(Units::toUnit).optional();
    }

    /** The unit and every unit below it. */
    public Set<Long> subtree(long unitId) {
        return new HashSet<>(jdbc.sql("""
                with recursive tree(id) as (
                    select id from unit where id = ?
                    union all
                    select u.id from unit u join tree t on u.parent_id = t.id)
                select id from tree""").param(unitId).query(Long.class).list());
    }

    public Unit create(Caller caller, String code, String name, UnitKind kind, Long parentId) {
        return create(caller, code, name, kind, parentId, null);
    }

    /** Only system administrators shape the unit tree. */
    @Transactional
    public Unit create(Caller caller, String code, String name, UnitKind kind, Long parentId, Board board) {
        if (!caller.has(Role.SYSTEM_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only a system administrator creates units");
        }
        InputCheck check = new InputCheck();
        check.require("code", code);
        check.maxLength("code", code, 32);
        check.require("name", name);
        check.maxLength("name", name, 300);
        check.require("kind", kind);
        checkPlace(check, kind, parentId, board);
        if (code != null && findByCode(code.strip()).isPresent()) {
            check.reject("code", "unitCodeTaken", "is already used by another unit");
        }
        check.throwIfAny();
        long id = jdbc.sql("insert into unit (code, name, kind, parent_id, board) values (?, ?, ?, ?, ?) returning id")
                .params(code.strip(), name.strip(), kind.name(), parentId, board == null ? null : board.name())
                .query(Long.class).single();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "unit:" + code.strip(),
                Map.of("change", "unit created", "kind", kind.name()));
        return new Unit(id, code.strip(), name.strip(), kind, parentId, board);
    }

    /** Where a unit may hang: sub-departments under departments, departments and boards under the General Department. */
    private void checkPlace(InputCheck check, UnitKind kind, Long parentId, Board board) {
        if (kind == null) {
            return;
        }
        UnitKind parentKind = parentId == null ? null : find(parentId).map(Unit::kind).orElse(null);
        if (parentId != null && parentKind == null) {
            check.reject("parentId", "parentMissing", "must be an existing unit");
            return;
        }
        switch (kind) {
            case GENERAL_DEPARTMENT -> {
                if (parentId != null) {
                    check.reject("parentId", "rootUnit", "the General Department has no parent");
                }
            }
            case SUB_DEPARTMENT -> {
                if (parentKind != UnitKind.DEPARTMENT) {
                    check.reject("parentId", "parentRequired", "a sub-department belongs to a department");
                }
            }
            case DEPARTMENT, HQ_BOARD -> {
                if (parentId != null && parentKind != UnitKind.GENERAL_DEPARTMENT) {
                    check.reject("parentId", "underGeneralDepartment", "belongs directly under the General Department");
                }
            }
        }
        if (kind == UnitKind.HQ_BOARD && board == null) {
            check.reject("board", "boardRequired", "say which board: supervision, tax, risk management or IT");
        }
    }

    /** The code identifies a unit in other systems and stays; the name may change with reorganisations. */
    @Transactional
    public Unit rename(Caller caller, long id, String name) {
        if (!caller.has(Role.SYSTEM_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only a system administrator renames units");
        }
        Unit unit = find(id).orElseThrow(() -> new io.epewatch.kernel.NotFoundException("unit", String.valueOf(id)));
        InputCheck check = new InputCheck();
        check.require("name", name);
        check.maxLength("name", name, 300);
        check.throwIfAny();
        jdbc.sql("update unit set name = ? where id = ?").params(name.strip(), id).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "unit:" + unit.code(),
                Map.of("change", "unit renamed", "from", unit.name(), "to", name.strip()));
        return new Unit(id, unit.code(), name.strip(), unit.kind(), unit.parentId(), unit.board());
    }

    private static Unit toUnit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        String board = rs.getString("board");
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), parentId, board == null ? null : Board.valueOf(board));
    }
}
