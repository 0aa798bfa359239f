package io.epewatch.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.ApiTokens;
import io.epewatch.risk.live.Replay;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R4.5: the fact log the live engine wrote, replayed into a fresh engine, gives exactly the stored warnings — twice
 * in a row — after real traffic through the API (passages, declarations late, notes, a manifest).
 */
@IntegrationTest
class ReplayTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Replay replay;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R4.5 replaying the fact log gives the stored warnings, and the same again")
    void replayGivesTheStoredWarnings() {
        Fixtures.Site site = fixtures.site();
        Api feed = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS, ApiTokens.INGEST_DECLARATIONS,
                ApiTokens.INGEST_CARGO, ApiTokens.READ));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        feed.post("/api/v1/warehouse-notes", Map.of("number", "PN-R1", "enterpriseTaxCode", site.taxCode(), "kind", "RECEIPT",
                "location", "Bãi phế liệu", "at", now.minusSeconds(3600).toString()));
        for (String container : List.of("MSKU4670691", "TEMU2709541", "CSQU3054384")) {
            feed.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                    "capturedAt", now.minusSeconds(600).toString(), "plate", "51C-123.45", "containerNumbers", List.of(container)));
        }
        feed.post("/api/v1/declarations", Map.of("number", Fixtures.declarationNumber(), "typeCode", "E52",
                "enterpriseTaxCode", site.taxCode(), "direction", "EXPORT", "registeredAt", now.minusSeconds(300).toString(),
                "status", "CLEARED", "containerNumbers", List.of("MSKU4670691")));
        feed.post("/api/v1/manifests", Map.of("number", "MF-R1", "enterpriseTaxCode", site.taxCode(), "mode", "ROAD",
                "transportName", "51C-123.45", "portOfLoading", "VNCLI", "portOfDischarge", "KHPNH",
                "at", now.minusSeconds(200).toString(), "containerNumbers", List.of("HLXU1234560")));
        fixtures.awaitEventsHandled();

        assertThat(feed.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).json().size()).isGreaterThanOrEqualTo(5);
        assertThat(replay.differences()).isEmpty();
        assertThat(replay.differences()).isEmpty();
    }
}
