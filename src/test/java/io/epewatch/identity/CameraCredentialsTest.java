package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import io.epewatch.support.TotpCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R2.2, R3.1: camera accounts are sealed at rest, never answered or logged, revealed only with MFA and a reason. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CameraCredentialsTest {

    private static final String CAMERA_PASSWORD = "Hik-Gate1-S3cret!x9";
    private static final String CAMERA_USER = "customs_viewer_g1";

    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R3.1 a camera password is in no API answer and no log line, and is revealed only with TOTP and a reason")
    void credentialsStaySecret(CapturedOutput output) {
        Fixtures.Site site = fixtures.site();
        String path = "/api/v1/enterprises/" + site.taxCode() + "/cameras/G1/credentials";
        Api clerk = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
        Api.Response stored = clerk.put(path, Map.of("username", CAMERA_USER, "password", CAMERA_PASSWORD));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("stored").asBoolean()).isTrue();

        Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        Api token = new Api(port, fixtures.allScopesToken());
        for (Api caller : new Api[] {clerk, officer, token}) {
            for (String read : new String[] {path, "/api/v1/enterprises/" + site.taxCode() + "/cameras",
                    "/api/v1/enterprises/" + site.taxCode(), "/api/v1/enterprises"}) {
                Api.Response answer = caller.get(read);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body()).doesNotContain(CAMERA_PASSWORD).doesNotContain(CAMERA_USER);
            }
        }
        assertThat(jdbc.sql("select password_encrypted from camera_credential").query(String.class).list())
                .noneMatch(sealed -> sealed.contains(CAMERA_PASSWORD));

        String cameraPage = "/enterprises/" + site.taxCode() + "/cameras/G1";
        Api.Response noMfa = officer.form(cameraPage + "/credentials/reveal", "reason=" + Api.encode("Kiểm tra hình ảnh cổng G1 theo kế hoạch") + "&code=123456");
        assertThat(noMfa.body()).doesNotContain(CAMERA_PASSWORD).contains("xác thực hai lớp");

        String head = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        String secret = fixtures.enrolTotp(head);
        Api headApi = new Api(port, null).signIn(head, Fixtures.PASSWORD, secret);
        Api.Response noReason = headApi.form(cameraPage + "/credentials/reveal", "reason=xem&code=" + TotpCodes.now(secret));
        assertThat(noReason.body()).doesNotContain(CAMERA_PASSWORD).contains("ít nhất 10 ký tự");
        Api.Response revealed = headApi.form(cameraPage + "/credentials/reveal",
                "reason=" + Api.encode("Kiểm tra đột xuất cổng G1 theo chỉ đạo") + "&code=" + TotpCodes.now(secret));
        assertThat(revealed.body()).contains(CAMERA_PASSWORD).contains(CAMERA_USER);

        assertThat(audit.search(new AuditTrail.Query(head, site.taxCode(), AuditTrail.Actions.CREDENTIAL_REVEALED, null, null), 5))
                .singleElement().satisfies(r -> assertThat(r.details()).contains("Kiểm tra đột xuất cổng G1").doesNotContain(CAMERA_PASSWORD));
        assertThat(audit.search(new AuditTrail.Query(null, site.taxCode(), AuditTrail.Actions.CREDENTIAL_STORED, null, null), 5)).hasSize(1);
        assertThat(output.getAll()).doesNotContain(CAMERA_PASSWORD);
    }
}
