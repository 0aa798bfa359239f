package io.epewatch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.epewatch.identity.ApiTokens;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator installing EPE Watch looks at first: health, metrics and the API description. */
@IntegrationTest
class ObservabilityTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    @Test
    void healthIsUpWithTheDatabaseAndOpenToProbes() {
        Api.Response health = new Api(port, null).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/db/status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsNeedTheMetricsScope() {
        assertThat(new Api(port, fixtures.integrationToken(ApiTokens.READ)).get("/actuator/prometheus").status()).isEqualTo(403);
        Api.Response metrics = new Api(port, fixtures.integrationToken(ApiTokens.READ_METRICS)).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openApiDescribesTheIngestEndpoints() {
        Api.Response docs = new Api(port, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/declarations", "/api/v1/gate-events", "/api/v1/warnings", "/api/v1/enterprises/{taxCode}/cameras");
        assertThat(new Api(port, null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
