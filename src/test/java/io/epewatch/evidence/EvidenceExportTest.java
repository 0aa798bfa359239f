package io.epewatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R2.2: evidence leaves as a signed package whose every file can be checked, and every export is audited. */
@IntegrationTest
class EvidenceExportTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EvidenceStore store;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @Test
    @DisplayName("R2.2 an export package verifies, and flipping one byte of any file makes verify fail naming it")
    void exportVerifiesAndTamperingIsNamed() throws Exception {
        Fixtures.Site site = fixtures.site();
        Instant t0 = Instant.now().minusSeconds(600);
        store.store(new NewEvidence(new byte[] {(byte) 0xFF, (byte) 0xD8, 10, 20, 30, (byte) 0xFF, (byte) 0xD9}, "image/jpeg",
                site.taxCode(), "G1", t0), List.of());
        store.store(new NewEvidence(new byte[] {(byte) 0xFF, (byte) 0xD8, 40, 50, 60, (byte) 0xFF, (byte) 0xD9}, "image/jpeg",
                site.taxCode(), "G1", t0.plusSeconds(60)), List.of());
        Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("enterpriseTaxCode", site.taxCode());
        request.put("cameraNumber", "G1");
        request.put("from", t0.minusSeconds(1).toString());
        request.put("to", Instant.now().toString());
        request.put("reason", "short");
        assertThat(officer.post("/api/v1/evidence/exports", request).json().at("/errors/0/field").asString()).isEqualTo("reason");
        request.put("reason", "Yêu cầu của Chi cục trưởng: xác minh container rời cổng G1");
        Api.Response created = officer.post("/api/v1/evidence/exports", request);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("files").asInt()).isEqualTo(2);

        Path zip = dir.resolve("package.zip");
        Files.write(zip, officer.getBytes("/api/v1/evidence/exports/" + created.json().get("id").asString()));
        ExportVerifier.Result valid = ExportVerifier.verify(zip);
        assertThat(valid.valid()).isTrue();
        assertThat(valid.files()).isEqualTo(2);
        assertThat(valid.signingKeyFingerprint()).isEqualTo(created.json().get("signingKeyFingerprint").asString());

        Map<String, byte[]> entries = read(zip);
        String media = entries.keySet().stream().filter(name -> name.startsWith("media/")).sorted().findFirst().orElseThrow();
        entries.get(media)[3] ^= 1;
        Path tampered = write(dir.resolve("tampered.zip"), entries);
        assertThat(ExportVerifier.verify(tampered).problems()).singleElement().satisfies(p -> assertThat(p).startsWith(media));

        entries = read(zip);
        entries.put("manifest.json", new String(entries.get("manifest.json")).replace("Chi cục trưởng", "Chi cục phó").getBytes());
        assertThat(ExportVerifier.verify(write(dir.resolve("manifest.zip"), entries)).problems())
                .anySatisfy(p -> assertThat(p).startsWith("manifest.json: the signature does not match"));

        assertThat(audit.search(new AuditTrail.Query(null, site.taxCode(), "EVIDENCE_EXPORTED", null, null), 5)).hasSize(1);
        assertThat(audit.search(new AuditTrail.Query(null, site.taxCode(), "EVIDENCE_DOWNLOADED", null, null), 5)).hasSize(1);

        Api clerk = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
        assertThat(clerk.post("/api/v1/evidence/exports", request).status()).isEqualTo(403);
        Fixtures.Site other = fixtures.site();
        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, other.subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(stranger.get("/api/v1/evidence/exports/" + created.json().get("id").asString()).status()).isEqualTo(404);
    }

    private static Map<String, byte[]> read(Path zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static Path write(Path zip, Map<String, byte[]> entries) throws Exception {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

}
