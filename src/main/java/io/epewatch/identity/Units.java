package io.epewatch.identity;

import java.util.HashSet;
import java.util.List;
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

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Unit> all() {
        return jdbc.sql("select id, code, name, kind, parent_id from unit order by code")
                .query(Units::toUnit).list();
    }

    public Optional<Unit> find(long id) {
        return jdbc.sql("select id, code, name, kind, parent_id from unit where id = ?")
                .param(id).query(Units::toUnit).optional();
    }

    public Optional<Unit> findByCode(String code) {
        return jdbc.sql("select id, code, name, kind, parent_id from unit where code = ?")
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

    /** Only system administrators shape the unit tree. */
    @Transactional
    public Unit create(Caller caller, String code, String name, UnitKind kind, Long parentId) {
        if (!caller.has(Role.SYSTEM_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only a system administrator creates units");
        }
        InputCheck check = new InputCheck();
        check.require("code", code);
        check.maxLength("code", code, 32);
        check.require("name", name);
        check.maxLength("name", name, 300);
        check.require("kind", kind);
        if (kind == UnitKind.SUB_DEPARTMENT && parentId == null) {
            check.reject("parentId", "parentRequired", "a sub-department belongs to a department");
        }
        if (parentId != null && find(parentId).filter(p -> p.kind() == UnitKind.DEPARTMENT).isEmpty()) {
            check.reject("parentId", "department", "must be an existing department");
        }
        if (code != null && findByCode(code.strip()).isPresent()) {
            check.reject("code", "unitCodeTaken", "is already used by another unit");
        }
        check.throwIfAny();
        long id = jdbc.sql("insert into unit (code, name, kind, parent_id) values (?, ?, ?, ?) returning id")
                .params(code.strip(), name.strip(), kind.name(), parentId).query(Long.class).single();
        return new Unit(id, code.strip(), name.strip(), kind, parentId);
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
        return new Unit(id, unit.code(), name.strip(), unit.kind(), unit.parentId());
    }

    private static Unit toUnit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long parent = rs.getLong("parent_id");
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), rs.wasNull() ? null : parent);
    }
}
