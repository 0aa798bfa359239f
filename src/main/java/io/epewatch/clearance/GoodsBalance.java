package io.epewatch.clearance;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.declaration.GoodsLine;
import io.epewatch.kernel.InputCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registered goods' balance: a declaration's lines are checked against what is left, take it at registration,
 * and give it back when the declaration is amended, cancelled or replaced.
 */
@Component
class GoodsBalance {

    private final JdbcClient jdbc;
    private final ClearanceProperties settings;

    GoodsBalance(JdbcClient jdbc, ClearanceProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Returns what a registered declaration took (nothing when it was never registered). */
    void giveBack(Dossier d) {
        if (d.registeredAt() != null) {
            shift(d, BigDecimal.ONE.negate());
        }
    }

    /**
     * R6.4: a declaration taken back from the backup, which took its quantities there: what its earlier picture held
     * here goes back, and what it holds now is taken as the backup accepted it — never refused, the goods are declared.
     */
    void settle(Dossier before, Dossier now) {
        if (before != null && !before.state().ended()) {
            giveBack(before);
        }
        if (now.registeredAt() != null && !now.state().ended()) {
            shift(now, BigDecimal.ONE);
        }
    }

    /** Adds ({@code sign} 1) or returns (−1) a declaration's quantities to or from the balance, never below zero. */
    private void shift(Dossier d, BigDecimal sign) {
        FilingCheck.Filed filed = FilingCheck.check(new InputCheck(), d.body(), settings);
        for (Map.Entry<String, BigDecimal> line : sum(filed.goods()).entrySet()) {
            String[] key = line.getKey().split("\\|", 2);
            jdbc.sql("""
                            update registered_goods set declared = greatest(0, declared + ?)
                            where enterprise_tax_code = ? and hs_code = ? and unit = ?""")
                    .params(line.getValue().multiply(sign), d.enterpriseTaxCode(), key[0], key[1]).update();
        }
    }

    /** Each line must be among the enterprise's registered goods, its quantity within what is left of them. */
    void check(InputCheck check, String taxCode, List<GoodsLine> goods, Dossier current) {
        Map<String, BigDecimal> alreadyTaken = current != null && current.registeredAt() != null && current.state().beforeClearance()
                ? sum(FilingCheck.check(new InputCheck(), current.body(), settings).goods()) : Map.of();
        for (Map.Entry<String, BigDecimal> wanted : sum(goods).entrySet()) {
            String[] key = wanted.getKey().split("\\|", 2);
            Optional<Map<String, Object>> registered = jdbc.sql("""
                            select description, quantity, declared from registered_goods
                            where enterprise_tax_code = ? and hs_code = ? and unit = ?""")
                    .params(taxCode, key[0], key[1]).query().listOfRows().stream().findFirst();
            String field = "goods[" + firstLine(goods, key) + "]";
            if (registered.isEmpty()) {
                check.reject(field + ".hsCode", "goodsNotRegistered", "HS " + key[0] + " in " + key[1]
                        + " is not among the goods the enterprise registered with customs", key[0], key[1]);
                continue;
            }
            BigDecimal left = ((BigDecimal) registered.get().get("quantity")).subtract((BigDecimal) registered.get().get("declared"))
                    .add(alreadyTaken.getOrDefault(wanted.getKey(), BigDecimal.ZERO));
            if (wanted.getValue().compareTo(left) > 0) {
                check.reject(field + ".quantity", "goodsBalance", "exceeds what is left of the registered "
                        + registered.get().get("description") + ": " + left.stripTrailingZeros().toPlainString() + " " + key[1],
                        left.stripTrailingZeros().toPlainString(), key[1]);
            }
        }
    }

    /**
     * Takes the quantities from the registered balance, row-locked in a fixed order so that concurrent registrations
     * of one enterprise neither overdraw it nor deadlock; a line that no longer fits is refused in {@code check}.
     */
    void take(InputCheck check, String taxCode, List<GoodsLine> goods) {
        for (Map.Entry<String, BigDecimal> wanted : sum(goods).entrySet()) {
            String[] key = wanted.getKey().split("\\|", 2);
            int updated = jdbc.sql("""
                            update registered_goods set declared = declared + ?
                            where enterprise_tax_code = ? and hs_code = ? and unit = ? and declared + ? <= quantity""")
                    .params(wanted.getValue(), taxCode, key[0], key[1], wanted.getValue()).update();
            if (updated == 0) {
                check.reject("goods[" + firstLine(goods, key) + "].quantity", "goodsBalanceGone",
                        "exceeds what is left of the registered goods HS " + key[0] + " in " + key[1], key[0], key[1]);
            }
        }
    }

    /** Quantities by HS code and unit, in a fixed order (the lock order). */
    private static Map<String, BigDecimal> sum(List<GoodsLine> goods) {
        Map<String, BigDecimal> sums = new java.util.TreeMap<>();
        goods.forEach(g -> sums.merge(g.hsCode() + "|" + g.unit(), g.quantity(), BigDecimal::add));
        return sums;
    }

    private static int firstLine(List<GoodsLine> goods, String[] key) {
        return goods.stream().filter(g -> g.hsCode().equals(key[0]) && g.unit().equals(key[1]))
                .min(Comparator.comparingInt(GoodsLine::line)).map(g -> g.line() - 1).orElse(0);
    }

}
