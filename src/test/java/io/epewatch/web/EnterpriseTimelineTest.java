package io.epewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An enterprise's timeline shows its passages and warnings together, with a risk score that warnings raise. */
@IntegrationTest
class EnterpriseTimelineTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("the timeline lists the passage and its warning, and the risk score counts the warning")
    void timelineAndScore() {
        Fixtures.Site site = fixtures.site();
        Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        String before = officer.get("/enterprises/" + site.taxCode() + "/timeline").body();
        assertThat(before).contains("data-score=\"0\"");
        assertThat(before).contains("id=\"compliance-score\" data-score=\"100\"");

        new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS)).post("/api/v1/gate-events", Map.of(
                "enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", Instant.now().minusSeconds(60).toString(), "plate", "51C-135.79",
                "containerNumbers", List.of("TEMU2709541")));
        fixtures.awaitEventsHandled();
        String after = officer.get("/enterprises/" + site.taxCode() + "/timeline").body();
        assertThat(after).contains("51C-135.79").contains("data-kind=\"WARNING\"").contains("data-kind=\"PASSAGE\"");
        // one open HIGH warning (70 points): a third, times 0.7
        assertThat(after).contains("data-score=\"16\"");

        Fixtures.Site elsewhere = fixtures.site();
        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, elsewhere.subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(stranger.get("/enterprises/" + site.taxCode() + "/timeline").status()).isEqualTo(404);
    }
}
