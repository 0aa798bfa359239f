package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Api.Part;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import io.epewatch.support.SigningCertificates;
import io.epewatch.support.SigningCertificates.Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** R5.3 over the API: the enterprise registers its certificate, attaches signed documents, and reads each check's verdict. */
@IntegrationTest
class SupportingDocumentsTest {

    static final byte[] INVOICE = "Hóa đơn thương mại INV-2026-117 — 1.200 chiếc".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    Fixtures.Site site;
    Api declarant;
    String number;
    Signer saoViet;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        declarant = new Api(port, null).signIn(fixtures.user(Role.DECLARANT, null, site.taxCode()), Fixtures.PASSWORD);
        Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        officer.put("/api/v1/clearance/enterprises/" + site.taxCode() + "/goods",
                Map.of("hsCode", "85423100", "unit", "chiếc", "description", "Vi mạch", "quantity", "100000"));
        Map<String, Object> line = new LinkedHashMap<>(Map.of("hsCode", "85423100", "description", "Vi mạch", "quantity", "10",
                "unit", "chiếc", "unitPrice", "2", "origin", "VN"));
        Api.Response filed = declarant.post("/api/v1/clearance/declarations", Map.of("direction", "EXPORT", "typeCode", "E42",
                "enterpriseTaxCode", site.taxCode(), "invoiceNumber", "INV-2026-117", "currency", "USD", "goods", List.of(line)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        number = filed.json().get("declaration").get("number").asString();
        saoViet = SigningCertificates.signer("CN=Sao Viet, O=" + site.taxCode() + ", C=VN",
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(300)));
    }

    private Api.Response attach(String kind, String fileName, byte[] content, byte[] signature) {
        List<Part> parts = new java.util.ArrayList<>(List.of(Part.field("kind", kind),
                new Part("file", fileName, "application/pdf", content)));
        if (signature != null) {
            parts.add(new Part("signature", fileName + ".p7s", "application/pkcs7-signature", signature));
        }
        return declarant.postMultipart("/api/v1/clearance/declarations/" + number + "/documents", parts.toArray(Part[]::new));
    }

    @Test
    @DisplayName("R5.3 a signed invoice is valid; a changed one, one signed by another and one unsigned each say so beside the document")
    void verdictsBesideTheDocuments() {
        Api.Response registered = declarant.postTyped("/api/v1/clearance/enterprises/" + site.taxCode() + "/certificates",
                "application/x-pem-file", saoViet.certificatePem().getBytes(StandardCharsets.US_ASCII));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.body()).doesNotContain("der");

        Api.Response valid = attach("INVOICE", "Hóa đơn INV-2026-117.pdf", INVOICE, saoViet.sign(INVOICE));
        assertThat(valid.status()).as(valid.body()).isEqualTo(201);
        assertThat(valid.json().get("signatureStatus").asString()).isEqualTo("VALID");
        assertThat(attach("INVOICE", "Hóa đơn INV-2026-117.pdf", INVOICE, saoViet.sign(INVOICE)).json().get("id").asLong())
                .as("the same file again is the same document").isEqualTo(valid.json().get("id").asLong());

        byte[] changed = "Hóa đơn thương mại INV-2026-117 — 9.200 chiếc".getBytes(StandardCharsets.UTF_8);
        assertThat(attach("PACKING_LIST", "packing.pdf", changed, saoViet.sign(INVOICE)).json().get("signatureStatus").asString())
                .isEqualTo("TAMPERED");
        Signer stranger = SigningCertificates.signer("CN=Someone else, C=VN", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(1)));
        assertThat(attach("CONTRACT", "contract.pdf", INVOICE, stranger.sign(INVOICE)).json().get("signatureStatus").asString())
                .isEqualTo("WRONG_CERTIFICATE");
        assertThat(attach("PERMIT", "permit.pdf", INVOICE, null).json().get("signatureStatus").asString()).isEqualTo("NOT_SIGNED");

        JsonNode listed = declarant.get("/api/v1/clearance/declarations/" + number + "/documents").json();
        assertThat(listed.valueStream().map(d -> d.get("kind").asString() + ":" + d.get("signatureStatus").asString()).toList())
                .containsExactly("INVOICE:VALID", "PACKING_LIST:TAMPERED", "CONTRACT:WRONG_CERTIFICATE", "PERMIT:NOT_SIGNED");
        assertThat(declarant.getBytes("/api/v1/clearance/declarations/" + number + "/documents/" + valid.json().get("id").asLong()))
                .isEqualTo(INVOICE);
        String page = declarant.get("/clearance/declarations/" + number + "?lang=en").body();
        assertThat(page).contains("valid signature").contains("changed after signing").contains("not the enterprise&#39;s certificate");

        // another enterprise's declarant neither reads nor attaches
        Fixtures.Site elsewhere = fixtures.site();
        Api other = new Api(port, null).signIn(fixtures.user(Role.DECLARANT, null, elsewhere.taxCode()), Fixtures.PASSWORD);
        assertThat(other.get("/api/v1/clearance/declarations/" + number + "/documents").json().isEmpty()).isTrue();
        assertThat(other.postMultipart("/api/v1/clearance/declarations/" + number + "/documents", Part.field("kind", "INVOICE"),
                new Part("file", "x.pdf", "application/pdf", INVOICE)).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("R5.3 a withdrawn certificate no longer makes a signature the enterprise's; bad input names its field")
    void withdrawnAndBadInput() {
        long id = declarant.postTyped("/api/v1/clearance/enterprises/" + site.taxCode() + "/certificates", "application/pkix-cert",
                saoViet.certificateDer()).json().get("id").asLong();
        assertThat(declarant.delete("/api/v1/clearance/enterprises/" + site.taxCode() + "/certificates/" + id).status()).isEqualTo(204);
        assertThat(attach("INVOICE", "inv.pdf", INVOICE, saoViet.sign(INVOICE)).json().get("signatureStatus").asString())
                .isEqualTo("WRONG_CERTIFICATE");

        Api.Response garbage = declarant.postTyped("/api/v1/clearance/enterprises/" + site.taxCode() + "/certificates",
                "text/plain", "-----BEGIN CERTIFICATE-----\nkhông phải\n-----END CERTIFICATE-----".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).contains("certificate");
        Api.Response expired = declarant.postTyped("/api/v1/clearance/enterprises/" + site.taxCode() + "/certificates",
                "application/pkix-cert", SigningCertificates.signer("CN=old", Instant.now().minus(Duration.ofDays(400)),
                        Instant.now().minus(Duration.ofDays(1))).certificateDer());
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).contains("expired");

        Api.Response noFile = declarant.postMultipart("/api/v1/clearance/declarations/" + number + "/documents", Part.field("kind", "VISA"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.body()).contains("kind").contains("file");
        Api.Response badSignature = attach("INVOICE", "inv2.pdf", "khác".getBytes(StandardCharsets.UTF_8),
                "<chữ ký/>".getBytes(StandardCharsets.UTF_8));
        assertThat(badSignature.json().get("signatureStatus").asString()).isEqualTo("MALFORMED");
    }
}
