package io.epewatch.clearance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.epewatch.declaration.DeclarationDetails;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customs knows of an EPE before it declares: the goods it registered (what a declaration's lines are checked
 * against) and its standing (a barred firm may not register declarations). Kept by the managing unit's customs staff.
 */
@Service
public class RegisteredGoods {

    /** A registered good and how much of it is declared already. */
    public record Good(String hsCode, String unit, String description, BigDecimal quantity, BigDecimal declared) {
    }

    public enum Status { ACTIVE, SUSPENDED, DISSOLVED, BANKRUPT }

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final AuditTrail audit;

    RegisteredGoods(JdbcClient jdbc, Enterprises enterprises, AuditTrail audit) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.audit = audit;
    }

    public List<Good> of(Caller caller, String taxCode) {
        enterprises.find(caller.access(), taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode));
        return jdbc.sql("select hs_code, unit, description, quantity, declared from registered_goods where enterprise_tax_code = ? order by hs_code, unit")
                .param(taxCode).query((rs, n) -> new Good(rs.getString("hs_code"), rs.getString("unit"),
                        rs.getString("description"), rs.getBigDecimal("quantity"), rs.getBigDecimal("declared")))
                .list();
    }

    /** Registers a good, or changes its description and quantity (never below what is declared already). */
    @Transactional
    public Good register(Caller caller, String taxCode, String hsCode, String unit, String description, String quantity) {
        requireCustoms(caller, taxCode);
        InputCheck check = new InputCheck();
        String hs = check.parse("hsCode", hsCode, DeclarationDetails::hsCode);
        check.requireText("unit", unit, 16);
        check.requireText("description", description, 500);
        BigDecimal amount = check.parse("quantity", quantity, raw -> DeclarationDetails.amount(raw, true));
        check.throwIfAny();
        String u = unit.strip();
        BigDecimal declared = jdbc.sql("select declared from registered_goods where enterprise_tax_code = ? and hs_code = ? and unit = ? for update")
                .params(taxCode, hs, u).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
        if (amount.compareTo(declared) < 0) {
            throw new io.epewatch.kernel.InvalidInputException("quantity", "is below what is declared already: " + declared.toPlainString());
        }
        jdbc.sql("""
                        insert into registered_goods (enterprise_tax_code, hs_code, unit, description, quantity) values (?, ?, ?, ?, ?)
                        on conflict (enterprise_tax_code, hs_code, unit) do update set description = excluded.description,
                            quantity = excluded.quantity""")
                .params(taxCode, hs, u, description.strip(), amount).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, "registered-goods:" + hs,
                Map.of("unit", u, "quantity", amount.toPlainString()));
        return new Good(hs, u, description.strip(), amount, declared);
    }

    /** Sets the enterprise's standing and the day its tax debt became overdue (blank when none). */
    @Transactional
    public void setStanding(Caller caller, String taxCode, String status, String taxDebtOverdueSince) {
        requireCustoms(caller, taxCode);
        InputCheck check = new InputCheck();
        Status s = check.parse("status", status, raw -> InputCheck.parseEnum(Status.class, raw, "ACTIVE, SUSPENDED, DISSOLVED or BANKRUPT"));
        LocalDate since = check.parseOptional("taxDebtOverdueSince", taxDebtOverdueSince, io.epewatch.kernel.Timestamps::date);
        check.throwIfAny();
        jdbc.sql("""
                        insert into epe_standing (enterprise_tax_code, status, tax_debt_overdue_since, updated_by, updated_at)
                        values (?, ?, ?, ?, now()) on conflict (enterprise_tax_code) do update set status = excluded.status,
                            tax_debt_overdue_since = excluded.tax_debt_overdue_since, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .params(taxCode, s.name(), since == null ? null : java.sql.Date.valueOf(since), caller.name()).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, "epe-standing:" + taxCode,
                Map.of("status", s.name(), "taxDebtOverdueSince", String.valueOf(since)));
    }

    private void requireCustoms(Caller caller, String taxCode) {
        if (!caller.isCustoms()) {
            throw new AccessDeniedException("customs staff keep registered goods and standing");
        }
        enterprises.find(caller.access(), taxCode.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("enterprise", taxCode));
    }
}
