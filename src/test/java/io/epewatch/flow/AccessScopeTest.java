package io.epewatch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.Role;
import io.epewatch.registry.Enterprises;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Who sees what: officers only their sub-department's enterprises, enforced in the queries (R4.2, R6.3). */
@IntegrationTest
class AccessScopeTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Enterprises enterprises;
    @Autowired
    UserDetailsService users;
    @LocalServerPort
    int port;

    private io.epewatch.identity.AccessScope scopeOf(String username) {
        return ((io.epewatch.identity.internal.CallerPrincipal) users.loadUserByUsername(username)).caller().access();
    }

    @Test
    void anOfficerSeesOnlyTheEnterprisesOfTheirSubDepartment() {
        Fixtures.Site mine = fixtures.site();
        Fixtures.Site theirs = fixtures.site();
        String officer = fixtures.user(Role.OFFICER, mine.subDepartment().id(), null);
        var visible = enterprises.visibleTaxCodes(scopeOf(officer));
        assertThat(visible).contains(mine.taxCode()).doesNotContain(theirs.taxCode());
        assertThat(enterprises.find(scopeOf(officer), theirs.taxCode())).isEmpty();
    }

    @Test
    void anEpeUserSeesOnlyItsOwnEnterprise() {
        Fixtures.Site mine = fixtures.site();
        Fixtures.Site other = fixtures.site();
        String clerk = fixtures.user(Role.EPE_USER, null, mine.taxCode());
        assertThat(enterprises.visibleTaxCodes(scopeOf(clerk))).containsExactly(mine.taxCode());
        assertThat(enterprises.find(scopeOf(clerk), other.taxCode())).isEmpty();
    }

    @Test
    void tokensNeedTheRightScope() {
        Fixtures.Site site = fixtures.site();
        Api ingestOnly = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS));
        assertThat(ingestOnly.get("/api/v1/warnings").status()).isEqualTo(403);
        assertThat(ingestOnly.post("/api/v1/declarations", "{}").status()).isEqualTo(403);
        Api reader = new Api(port, fixtures.integrationToken(ApiTokens.READ));
        assertThat(reader.get("/api/v1/enterprises/" + site.taxCode() + "/cameras").status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/gate-events", "{}").status()).isEqualTo(403);
    }

    @Test
    void unknownTokensAndAnonymousCallersGetProblem401() {
        Api.Response wrong = new Api(port, "epw_not-a-real-token").get("/api/v1/enterprises");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(new Api(port, null).get("/api/v1/enterprises").status()).isEqualTo(401);
    }

    @Test
    void pagesCarrySecurityHeadersAndHttpOnlySessionCookies() {
        Api.Response login = new Api(port, null).get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly"));
    }

    @Test
    void tokensAreStoredOnlyAsHashes(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        String token = fixtures.integrationToken(ApiTokens.READ);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(ApiTokens.hash(token)).query(Long.class).single()).isOne();
    }

    @Test
    void passwordsAreHashedWithBcrypt(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        String user = fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null);
        String hash = jdbc.sql("select password_hash from user_account where username = ?").param(user).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(Fixtures.PASSWORD);
        assertThat(io.epewatch.identity.PasswordPolicy.MIN_LENGTH).isGreaterThanOrEqualTo(12);
    }
}
