package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import io.epewatch.support.TotpCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Delegated administration, the forced password change and MFA (R3.1, R6.3). */
@IntegrationTest
class AccountSecurityTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditTrail audit;
    @Autowired
    Units units;
    @LocalServerPort
    int port;

    private Api unitAdmin(Fixtures.Site site) {
        String admin = fixtures.user(Role.UNIT_ADMIN, site.subDepartment().id(), null);
        return new Api(port, null).signIn(admin, Fixtures.PASSWORD, fixtures.enrolTotp(admin));
    }

    private static Map<String, Object> account(String username, Long unitId, String taxCode, Role role) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("displayName", "Trần Văn Kiểm");
        body.put("unitId", unitId);
        body.put("enterpriseTaxCode", taxCode);
        body.put("role", role.name());
        return body;
    }

    @Test
    @DisplayName("R6.3 a unit admin opens accounts and grants roles only in their own unit, never administrative roles")
    void unitAdminStaysInsideTheirUnit() {
        Fixtures.Site mine = fixtures.site();
        Fixtures.Site other = fixtures.site();
        Api admin = unitAdmin(mine);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);

        Api.Response opened = admin.post("/api/v1/users", account("officer." + suffix, mine.subDepartment().id(), null, Role.OFFICER));
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("initialPassword").asString()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(admin.post("/api/v1/users", account("clerk." + suffix, null, mine.taxCode(), Role.EPE_USER)).status()).isEqualTo(201);

        assertThat(admin.post("/api/v1/users", account("outsider." + suffix, other.subDepartment().id(), null, Role.OFFICER)).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/users", account("clerk2." + suffix, null, other.taxCode(), Role.EPE_USER)).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/users", account("admin2." + suffix, mine.subDepartment().id(), null, Role.UNIT_ADMIN)).status()).isEqualTo(403);
        assertThat(admin.put("/api/v1/users/officer." + suffix + "/roles/SYSTEM_ADMIN", Map.of()).status()).isEqualTo(403);
        assertThat(admin.put("/api/v1/users/officer." + suffix + "/roles/UNIT_ADMIN", Map.of()).status()).isEqualTo(403);
        assertThat(admin.put("/api/v1/users/officer." + suffix + "/roles/HEAD", Map.of()).json().get("roles").valueStream()
                .map(JsonNode::asString)).containsExactlyInAnyOrder("OFFICER", "HEAD");

        String self = admin.get("/api/v1/users").json().valueStream().map(a -> a.get("username").asString())
                .filter(name -> name.startsWith("unit-admin")).findFirst().orElseThrow();
        assertThat(admin.put("/api/v1/users/" + self + "/roles/HEAD", Map.of()).status()).as("no self-grant").isEqualTo(403);

        String someoneElse = fixtures.user(Role.OFFICER, other.subDepartment().id(), null);
        assertThat(admin.put("/api/v1/users/" + someoneElse + "/roles/HEAD", Map.of()).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/users").json().valueStream().map(a -> a.get("username").asString()))
                .contains("officer." + suffix, "clerk." + suffix).doesNotContain(someoneElse);

        assertThat(audit.search(new AuditTrail.Query(null, null, AuditTrail.Actions.ROLE_GRANTED, null, null), 50))
                .anySatisfy(r -> assertThat(r.target()).isEqualTo("user:officer." + suffix));
        assertThat(audit.search(new AuditTrail.Query(null, null, AuditTrail.Actions.ACCOUNT_CREATED, null, null), 50))
                .anySatisfy(r -> assertThat(r.target()).isEqualTo("user:clerk." + suffix));
    }

    @Test
    @DisplayName("R6.3 headquarters board accounts are granted by the IT board's administrator")
    void itBoardAdminAdministersHeadquartersBoards() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        Unit general = units.create(Fixtures.ADMIN, "TC" + suffix, "Tổng cục Hải quan " + suffix, UnitKind.GENERAL_DEPARTMENT, null);
        Unit it = units.create(Fixtures.ADMIN, "IT" + suffix, "Cục CNTT " + suffix, UnitKind.HQ_BOARD, general.id(), Board.IT);
        Unit risk = units.create(Fixtures.ADMIN, "RM" + suffix, "Cục QLRR " + suffix, UnitKind.HQ_BOARD, general.id(), Board.RISK_MANAGEMENT);
        String itAdmin = fixtures.user(Role.UNIT_ADMIN, it.id(), null);
        Api admin = new Api(port, null).signIn(itAdmin, Fixtures.PASSWORD, fixtures.enrolTotp(itAdmin));
        assertThat(admin.post("/api/v1/users", account("analyst." + suffix, risk.id(), null, Role.HQ_ANALYST)).status()).isEqualTo(201);

        Fixtures.Site site = fixtures.site();
        String subAdmin = fixtures.user(Role.UNIT_ADMIN, site.subDepartment().id(), null);
        Api notIt = new Api(port, null).signIn(subAdmin, Fixtures.PASSWORD, fixtures.enrolTotp(subAdmin));
        assertThat(notIt.post("/api/v1/users", account("analyst2." + suffix, risk.id(), null, Role.HQ_ANALYST)).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("R6.3 a new account can do nothing before it changes its initial password")
    void initialPasswordMustBeChangedFirst() {
        Fixtures.Site site = fixtures.site();
        String username = "new." + System.nanoTime() % 1_000_000;
        String initial = unitAdmin(site).post("/api/v1/users", account(username, site.subDepartment().id(), null, Role.OFFICER))
                .json().get("initialPassword").asString();

        Api newcomer = new Api(port, null).signIn(username, initial);
        Api.Response blocked = newcomer.get("/api/v1/enterprises");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().get("detail").asString()).contains("/account/password");
        assertThat(newcomer.get("/warnings").headers().firstValue("Location").orElse("")).endsWith("/account/password");

        Api.Response common = newcomer.form("/account/password", "currentPassword=" + Api.encode(initial)
                + "&newPassword=password1234&repeatPassword=password1234");
        assertThat(common.status()).isEqualTo(200);
        assertThat(common.body()).contains("mật khẩu phổ biến");
        assertThat(newcomer.get("/api/v1/enterprises").status()).isEqualTo(403);

        String chosen = "Ba con cá bơi qua cầu 7";
        Api.Response changed = newcomer.form("/account/password", "currentPassword=" + Api.encode(initial)
                + "&newPassword=" + Api.encode(chosen) + "&repeatPassword=" + Api.encode(chosen));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(newcomer.get("/api/v1/enterprises").status()).isEqualTo(200);
        assertThat(new Api(port, null).signIn(username, chosen).get("/api/v1/enterprises").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R3.1 a role configured for MFA must enrol TOTP, then enter a code at every sign-in")
    void totpIsRequiredWhereConfigured() {
        Fixtures.Site site = fixtures.site();
        String head = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        Api first = new Api(port, null).signIn(head, Fixtures.PASSWORD);
        Api.Response blocked = first.get("/api/v1/enterprises");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().get("detail").asString()).contains("/account/mfa");

        String page = first.get("/account/mfa").body();
        String secret = page.replaceAll("(?s).*<code id=\"secret\">([A-Z2-7]+)</code>.*", "$1");
        assertThat(first.form("/account/mfa", "code=000000").body()).as("the page says it in Vietnamese").contains("không phải mã hiện hành");
        Api.Response enrolled = first.form("/account/mfa", "code=" + TotpCodes.now(secret));
        assertThat(enrolled.body()).contains("recovery-codes");
        List<String> recovery = java.util.regex.Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(enrolled.body())
                .results().map(m -> m.group(1)).toList();
        assertThat(recovery).hasSize(10);
        assertThat(first.get("/api/v1/enterprises").status()).isEqualTo(200);

        Api wrongCode = new Api(port, null).signIn(head, Fixtures.PASSWORD);
        assertThat(wrongCode.form("/account/mfa/verify", "code=123456").status()).isEqualTo(200);
        assertThat(wrongCode.get("/api/v1/enterprises").status()).isEqualTo(403);

        assertThat(new Api(port, null).signIn(head, Fixtures.PASSWORD, secret).get("/api/v1/enterprises").status()).isEqualTo(200);

        Api withRecovery = new Api(port, null).signIn(head, Fixtures.PASSWORD);
        assertThat(withRecovery.form("/account/mfa/verify", "code=" + recovery.getFirst()).status()).isEqualTo(302);
        assertThat(withRecovery.get("/api/v1/enterprises").status()).isEqualTo(200);
        Api reused = new Api(port, null).signIn(head, Fixtures.PASSWORD);
        assertThat(reused.form("/account/mfa/verify", "code=" + recovery.getFirst()).status()).as("a recovery code works once").isEqualTo(200);
    }
}
