package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.epewatch.identity.AccountDirectory.AccountEntry;
import io.epewatch.identity.AccountDirectory.Snapshot;
import io.epewatch.identity.AccountDirectory.TokenEntry;
import io.epewatch.identity.AccountDirectory.UnitEntry;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R6.3 on the backup's side: the primary's accounts and unit scopes arrive without passwords; an administrator of the
 * unit issues a one-time password, changed at first sign-in; what the primary disables, revokes or no longer sends
 * follows; an account made on the backup itself is never overwritten. (The two-instance path: PairInBrowserTest.)
 */
@IntegrationTest
class AccountMirrorTest {

    @Autowired
    AccountDirectory directory;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Units units;
    @Autowired
    UserAccounts accounts;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R6.3 the primary's accounts arrive without a password; the unit administrator issues one, changed at first sign-in")
    void mirroredAccountsSignInWithAOneTimePassword() {
        String s = suffix();
        String taxCode = "03" + s + "01";
        UnitEntry department = new UnitEntry("DM" + s, "Cục Hải quan khu vực " + s, "DEPARTMENT", null, null);
        UnitEntry sub = new UnitEntry("SM" + s, "Chi cục Hải quan KCX Linh Trung " + s, "SUB_DEPARTMENT", "DM" + s, null);
        AccountEntry admin = new AccountEntry("admin." + s, "Quản trị Chi cục", "SM" + s, null, true, Set.of("UNIT_ADMIN"));
        AccountEntry officer = new AccountEntry("officer." + s, "Nguyễn Văn Giám Sát", "SM" + s, null, true, Set.of("OFFICER"));
        AccountEntry declarant = new AccountEntry("declarant." + s, "Trần Thị Khai Báo", null, taxCode, true, Set.of("DECLARANT"));
        String software = "epw_mirrored_" + s;
        TokenEntry token = new TokenEntry(declarant.username() + "/ecus", ApiTokens.hash(software),
                Set.of(ApiTokens.INGEST_DECLARATIONS), null, null, declarant.username());
        // units in any order of arrival would do; parents come first from the primary
        Snapshot snapshot = new Snapshot(List.of(department, sub), List.of(admin, officer, declarant), List.of(token));

        AccountDirectory.Mirrored first = directory.mirror(snapshot);
        assertThat(first).isEqualTo(new AccountDirectory.Mirrored(2, 3, 0, 0, 0, 1));
        assertThat(directory.mirror(snapshot).changed()).as("the same snapshot again changes nothing").isFalse();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCOUNTS_SYNCHRONISED' and details like ?")
                .param("%" + officer.username() + "%").query(Long.class).single()).isEqualTo(1);

        Unit mirroredSub = units.findByCode("SM" + s).orElseThrow();
        assertThat(mirroredSub.parentId()).isEqualTo(units.findByCode("DM" + s).orElseThrow().id());
        Account arrived = accounts.find(officer.username()).orElseThrow();
        assertThat(arrived.unitId()).isEqualTo(mirroredSub.id());
        assertThat(arrived.roles()).containsExactly(Role.OFFICER);
        assertThat(arrived.mustChangePassword()).isTrue();
        assertThat(new Api(port, null).signInAttempt(officer.username(), Fixtures.PASSWORD)).contains("/login?error");

        // the declarant's software switches by base URL alone: its token came with the account
        assertThat(new Api(port, software).get("/api/v1/clearance/declarations").status()).isEqualTo(200);

        // a system administrator on the backup issues the unit administrator's password; the unit administrator the officer's
        String itAdmin = systemAdmin();
        Api it = new Api(port, null).signIn(itAdmin, Fixtures.PASSWORD, fixtures.enrolTotp(itAdmin));
        String adminPassword = it.post("/api/v1/users/" + admin.username() + "/password", Map.of()).json().get("oneTimePassword").asString();
        firstSignIn(admin.username(), adminPassword, "Quản trị đổi mật khẩu 2026!");
        Api unitAdmin = new Api(port, null).signIn(admin.username(), "Quản trị đổi mật khẩu 2026!", fixtures.enrolTotp(admin.username()));
        Api.Response issued = unitAdmin.post("/api/v1/users/" + officer.username() + "/password", Map.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String oneTime = issued.json().get("oneTimePassword").asString();
        Api officerApi = new Api(port, null).signIn(officer.username(), oneTime);
        assertThat(officerApi.get("/api/v1/enterprises").status()).as("nothing before the password change").isEqualTo(403);
        firstSignIn(officer.username(), oneTime, "Cá vàng bơi qua cầu 9");
        assertThat(new Api(port, null).signIn(officer.username(), "Cá vàng bơi qua cầu 9").get("/api/v1/enterprises").status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'PASSWORD_ISSUED' and target = ? and actor = ?")
                .params("user:" + officer.username(), admin.username()).query(Long.class).single()).isEqualTo(1);
        // a unit administrator never takes over another administrator's account, nor one outside its unit
        assertThat(unitAdmin.post("/api/v1/users/" + systemAdmin() + "/password", Map.of()).status()).isEqualTo(403);
        Fixtures.Site elsewhere = fixtures.site();
        String stranger = fixtures.user(Role.OFFICER, elsewhere.subDepartment().id(), null);
        assertThat(unitAdmin.post("/api/v1/users/" + stranger + "/password", Map.of()).status()).isEqualTo(403);
        assertThat(unitAdmin.post("/api/v1/users/nobody-" + s + "/password", Map.of()).status()).isEqualTo(404);

        // the unit administrator delegates on the backup as on the primary: within its unit, never an administrative role
        assertThat(unitAdmin.put("/api/v1/users/" + officer.username() + "/roles/HEAD", Map.of()).status()).isEqualTo(200);
        assertThat(unitAdmin.put("/api/v1/users/" + officer.username() + "/roles/UNIT_ADMIN", Map.of()).status()).isEqualTo(403);

        // the primary moves the officer to HEAD, disables nobody, stops sending the declarant and revokes nothing else
        AccountEntry promoted = new AccountEntry(officer.username(), officer.displayName(), "SM" + s, null, true, Set.of("HEAD"));
        AccountDirectory.Mirrored next = directory.mirror(new Snapshot(List.of(department, sub), List.of(admin, promoted), List.of()));
        assertThat(next).isEqualTo(new AccountDirectory.Mirrored(0, 0, 1, 1, 0, 1));
        assertThat(accounts.find(officer.username()).orElseThrow().roles()).containsExactly(Role.HEAD);
        assertThat(accounts.find(officer.username()).orElseThrow().mustChangePassword())
                .as("the password chosen on the backup stays").isFalse();
        assertThat(accounts.find(declarant.username()).orElseThrow().enabled()).isFalse();
        assertThat(new Api(port, software).get("/api/v1/clearance/declarations").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("R6.3 an account made on the backup itself keeps precedence over the primary's of the same name")
    void localAccountsAreNotOverwritten() {
        Fixtures.Site site = fixtures.site();
        String local = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        AccountDirectory.Mirrored mirrored = directory.mirror(new Snapshot(List.of(),
                List.of(new AccountEntry(local, "Kẻ mạo danh", null, null, true, Set.of("SYSTEM_ADMIN"))), List.of()));
        assertThat(mirrored.keptLocal()).isEqualTo(1);
        Account kept = accounts.find(local).orElseThrow();
        assertThat(kept.roles()).containsExactly(Role.OFFICER);
        assertThat(kept.displayName()).isNotEqualTo("Kẻ mạo danh");
        assertThat(new Api(port, null).signIn(local, Fixtures.PASSWORD).get("/api/v1/enterprises").status()).isEqualTo(200);
    }

    private void firstSignIn(String username, String oneTime, String chosen) {
        Api api = new Api(port, null).signIn(username, oneTime);
        Api.Response changed = api.form("/account/password", "currentPassword=" + Api.encode(oneTime)
                + "&newPassword=" + Api.encode(chosen) + "&repeatPassword=" + Api.encode(chosen));
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);
    }

    private String systemAdmin() {
        return fixtures.user(Role.SYSTEM_ADMIN, null, null);
    }

    private static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    }
}
