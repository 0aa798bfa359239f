package io.epewatch.clearance;

import static io.epewatch.kernel.StoredTime.instant;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R6.4: the backup checks a declaration as the primary would, so it needs what the primary knows of each EPE before
 * it declares — its registered goods with how much is declared already, its standing, and the certificates its
 * documents are signed with. The primary sends them
 * only while it takes declarations itself, so its balances are the truth and replace the backup's.
 */
@Service
public class ClearanceDirectory {

    public record Good(String taxCode, String hsCode, String unit, String description, BigDecimal quantity, BigDecimal declared) {
    }

    public record Standing(String taxCode, String status, LocalDate taxDebtOverdueSince) {
    }

    /** A signing certificate an enterprise registered (R5.3): the backup checks documents' signatures against it. */
    public record Certificate(String taxCode, String subject, String issuer, String serial, Instant notBefore,
                              Instant notAfter, String sha256, byte[] der, String registeredBy, Instant registeredAt,
                              Instant withdrawnAt) {
    }

    public record Snapshot(List<Good> goods, List<Standing> standings, List<Certificate> certificates) {
    }

    private final JdbcClient jdbc;

    ClearanceDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Snapshot export() {
        List<Good> goods = jdbc.sql("""
                        select enterprise_tax_code, hs_code, unit, description, quantity, declared from registered_goods
                        order by enterprise_tax_code, hs_code, unit""")
                .query((rs, n) -> new Good(rs.getString("enterprise_tax_code"), rs.getString("hs_code"), rs.getString("unit"),
                        rs.getString("description"), rs.getBigDecimal("quantity"), rs.getBigDecimal("declared"))).list();
        List<Standing> standings = jdbc.sql("select enterprise_tax_code, status, tax_debt_overdue_since from epe_standing order by 1")
                .query((rs, n) -> {
                    Date since = rs.getDate("tax_debt_overdue_since");
                    return new Standing(rs.getString("enterprise_tax_code"), rs.getString("status"), since == null ? null : since.toLocalDate());
                }).list();
        List<Certificate> certificates = jdbc.sql("""
                        select enterprise_tax_code, subject, issuer, serial, not_before, not_after, sha256, der, registered_by,
                               registered_at, withdrawn_at from enterprise_certificate order by id""")
                .query((rs, n) -> new Certificate(rs.getString("enterprise_tax_code"), rs.getString("subject"), rs.getString("issuer"),
                        rs.getString("serial"), instant(rs.getTimestamp("not_before")), instant(rs.getTimestamp("not_after")),
                        rs.getString("sha256"), rs.getBytes("der"), rs.getString("registered_by"),
                        instant(rs.getTimestamp("registered_at")), instant(rs.getTimestamp("withdrawn_at")))).list();
        return new Snapshot(goods, standings, certificates);
    }

    /** How many goods, standings and certificates were added or changed. */
    @Transactional
    public int mirror(Snapshot snapshot) {
        int changed = 0;
        for (Good g : snapshot.goods()) {
            changed += jdbc.sql("""
                            insert into registered_goods (enterprise_tax_code, hs_code, unit, description, quantity, declared)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (enterprise_tax_code, hs_code, unit) do update set description = excluded.description,
                                quantity = excluded.quantity, declared = excluded.declared
                            where (registered_goods.description, registered_goods.quantity, registered_goods.declared)
                                is distinct from (excluded.description, excluded.quantity, excluded.declared)""")
                    .params(g.taxCode(), g.hsCode(), g.unit(), g.description(), g.quantity(), g.declared()).update();
        }
        for (Standing s : snapshot.standings()) {
            changed += jdbc.sql("""
                            insert into epe_standing (enterprise_tax_code, status, tax_debt_overdue_since, updated_by, updated_at)
                            values (?, ?, ?, 'primary', now())
                            on conflict (enterprise_tax_code) do update set status = excluded.status,
                                tax_debt_overdue_since = excluded.tax_debt_overdue_since, updated_by = 'primary', updated_at = now()
                            where (epe_standing.status, epe_standing.tax_debt_overdue_since)
                                is distinct from (excluded.status, excluded.tax_debt_overdue_since)""")
                    .params(s.taxCode(), s.status(), s.taxDebtOverdueSince() == null ? null : Date.valueOf(s.taxDebtOverdueSince()))
                    .update();
        }
        for (Certificate c : snapshot.certificates()) {
            changed += jdbc.sql("""
                            insert into enterprise_certificate (enterprise_tax_code, subject, issuer, serial, not_before, not_after,
                                sha256, der, registered_by, registered_at, withdrawn_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (enterprise_tax_code, sha256) do update set withdrawn_at = excluded.withdrawn_at
                            where enterprise_certificate.withdrawn_at is distinct from excluded.withdrawn_at""")
                    .params(c.taxCode(), c.subject(), c.issuer(), c.serial(), Timestamp.from(c.notBefore()),
                            Timestamp.from(c.notAfter()), c.sha256(), c.der(), c.registeredBy(), Timestamp.from(c.registeredAt()),
                            c.withdrawnAt() == null ? null : Timestamp.from(c.withdrawnAt())).update();
        }
        return changed;
    }
}
