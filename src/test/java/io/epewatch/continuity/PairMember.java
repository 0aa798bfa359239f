package io.epewatch.continuity;

import java.time.LocalDate;
import java.util.Set;

import io.epewatch.EpeWatchApplication;
import io.epewatch.clearance.RegisteredGoods;
import io.epewatch.identity.Role;
import io.epewatch.identity.Unit;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.UserAccounts;
import io.epewatch.identity.Units;
import io.epewatch.registry.EnterpriseInput;
import io.epewatch.registry.Enterprises;
import io.epewatch.support.Fixtures;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One instance of a primary/backup pair in its own JVM, for {@link PairFailoverTest}: EPE Watch, plus — on its first
 * start only — the same unit, enterprise, registered goods and accounts on every instance, as account synchronisation
 * from the primary would give them. They are seeded once every bean is ready and before the web server starts, so a
 * directory the primary sends the backup at once cannot arrive first (its accounts come without passwords).
 */
public final class PairMember {

    static final String TAX_CODE = "0399999901";
    static final String DECLARANT = "pair-declarant";
    static final String ADMIN = "pair-admin";

    public static void main(String[] args) {
        new SpringApplicationBuilder(EpeWatchApplication.class, Fixtures.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("pairSeed",
                        SmartInitializingSingleton.class, () -> () -> seed(context)))
                .run(args);
    }

    private static void seed(ApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        if (jdbc.sql("select count(*) from enterprise where tax_code = ?").param(TAX_CODE).query(Long.class).single() > 0) {
            return;
        }
        Units units = app.getBean(Units.class);
        Unit department = units.create(Fixtures.ADMIN, "DPAIR", "Cục Hải quan khu vực II", UnitKind.DEPARTMENT, null);
        Unit sub = units.create(Fixtures.ADMIN, "SPAIR", "Chi cục Hải quan KCX Tân Thuận", UnitKind.SUB_DEPARTMENT, department.id());
        app.getBean(Enterprises.class).register(Fixtures.ADMIN, new EnterpriseInput(TAX_CODE, "Công ty TNHH Cặp Đôi (DNCX)",
                "Lô 9, KCX Tân Thuận", LocalDate.of(2023, 1, 5), LocalDate.of(2022, 12, 20), false, "Nguyễn Thị Hoa",
                "0903 000 111", sub.id()));
        RegisteredGoods goods = app.getBean(RegisteredGoods.class);
        goods.register(Fixtures.ADMIN, TAX_CODE, "85423100", "chiếc", "Vi mạch tích hợp", "1000000000");
        UserAccounts accounts = app.getBean(UserAccounts.class);
        accounts.create(DECLARANT, "Người khai hải quan", Fixtures.PASSWORD, Set.of(Role.DECLARANT), null, TAX_CODE);
        accounts.create(ADMIN, "Quản trị CNTT", Fixtures.PASSWORD, Set.of(Role.SYSTEM_ADMIN), null, null);
    }
}
