package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R6.1 R6.4: what the backup accepted reaches the primary exactly once, whatever order the journal's entries arrive
 * in and however often. The entries are real: a declaration filed and registered here, pictured after each step with
 * the backup's own statement, and renumbered into the backup's series.
 */
@IntegrationTest
class DossierJournalTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DossierJournal journal;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R6.4 duplicated and out-of-order journal entries converge on the newest picture, applied once")
    void duplicatesAndDisorder() {
        Fixtures.Site site = fixtures.site();
        Api declarant = new Api(port, null).signIn(fixtures.user(Role.DECLARANT, null, site.taxCode()), Fixtures.PASSWORD);
        Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(officer.put("/api/v1/clearance/enterprises/" + site.taxCode() + "/goods", Map.of("hsCode", "85423100",
                "unit", "chiếc", "description", "Vi mạch tích hợp", "quantity", "1000")).status()).isEqualTo(200);
        Api.Response filed = declarant.post("/api/v1/clearance/declarations", Map.of("direction", "EXPORT", "typeCode", "E42",
                "enterpriseTaxCode", site.taxCode(), "invoiceNumber", "INV-J-1", "currency", "USD",
                "goods", List.of(Map.of("hsCode", "85423100", "description", "Vi mạch tích hợp", "quantity", "10",
                        "unit", "chiếc", "unitPrice", "3.5", "origin", "VN"))));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String local = filed.json().get("declaration").get("number").asString();
        String backupNumber = local.charAt(0) + "9" + local.substring(2);
        DossierJournal.Entry provisional = picture(local, backupNumber, 900_001);
        assertThat(declarant.post("/api/v1/clearance/declarations/" + local + "/registration", Map.of()).status()).isEqualTo(200);
        DossierJournal.Entry registered = picture(local, backupNumber, 900_002);
        assertThat(provisional.steps()).isEqualTo(1);
        assertThat(registered.steps()).isEqualTo(2);

        assertThat(journal.apply(List.of(registered, provisional, registered))).as("one declaration changed").isEqualTo(1);
        assertThat(journal.apply(List.of(provisional))).as("an older picture changes nothing").isZero();
        assertThat(journal.apply(List.of(registered, provisional))).as("the same again changes nothing").isZero();

        Api.Response taken = declarant.get("/api/v1/clearance/declarations/" + backupNumber);
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().get("declaration").get("state").asString())
                .isEqualTo(declarant.get("/api/v1/clearance/declarations/" + local).json().get("declaration").get("state").asString());
        assertThat(taken.json().get("declaration").get("lane").isNull()).isFalse();
        assertThat(jdbc.sql("select count(*) from dossier_step s join dossier d on d.id = s.dossier_id where d.number = ?")
                .param(backupNumber).query(Long.class).single()).as("history applied once").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from dossier_version v join dossier d on d.id = v.dossier_id where d.number = ?")
                .param(backupNumber).query(Long.class).single()).isEqualTo(1);
        // written through: the gate analysis knows the backup's declaration and its lane
        assertThat(jdbc.sql("select lane from declaration where number = ?").param(backupNumber).query(String.class).optional())
                .isPresent();
        // the primary's balance: its own 10 and the backup's 10, taken once however often the entry came
        assertThat(jdbc.sql("select declared from registered_goods where enterprise_tax_code = ?").param(site.taxCode())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("20");
        assertThat(jdbc.sql("select journal_applied from intake_state").query(Long.class).single()).isGreaterThanOrEqualTo(900_002);

        // a supporting document attached on the backup reaches the primary with its declaration, once
        Api.Response attached = declarant.postMultipart("/api/v1/clearance/declarations/" + local + "/documents",
                Api.Part.field("kind", "INVOICE"), new Api.Part("file", "hóa-đơn.pdf", "application/pdf",
                        "%PDF-1.4 hóa đơn INV-J-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        long document = jdbc.sql("select dd.id from dossier_document dd join dossier d on d.id = dd.dossier_id where d.number = ?")
                .param(local).query(Long.class).single();
        jdbc.sql(DossierJournal.KEEP_DOCUMENT).params(Timestamp.from(Instant.now()), document).update();
        Map<String, Object> row = jdbc.sql("select steps, snapshot::text as snapshot from dossier_journal order by seq desc limit 1")
                .query().singleRow();
        DossierJournal.Entry attachedOnBackup = new DossierJournal.Entry(900_003, backupNumber, ((Number) row.get("steps")).intValue(),
                (String) row.get("snapshot"));
        assertThat(journal.apply(List.of(attachedOnBackup, registered, attachedOnBackup))).isEqualTo(1);
        assertThat(journal.apply(List.of(attachedOnBackup))).as("the same document again").isZero();
        Api.Response documents = declarant.get("/api/v1/clearance/declarations/" + backupNumber + "/documents");
        assertThat(documents.json()).hasSize(1);
        assertThat(documents.json().get(0).get("fileName").asString()).isEqualTo("hóa-đơn.pdf");
        assertThat(documents.json().get(0).get("sha256").asString())
                .isEqualTo(declarant.get("/api/v1/clearance/declarations/" + local + "/documents").json().get(0).get("sha256").asString());
    }

    /** The declaration as the backup's journal pictures it now, under the backup's number, as entry {@code seq}. */
    private DossierJournal.Entry picture(String number, String backupNumber, long seq) {
        long id = jdbc.sql("select id from dossier where number = ?").param(number).query(Long.class).single();
        jdbc.sql(DossierJournal.KEEP).params(Timestamp.from(Instant.now()), id).update();
        Map<String, Object> row = jdbc.sql("select steps, snapshot::text as snapshot from dossier_journal order by seq desc limit 1")
                .query().singleRow();
        String snapshot = ((String) row.get("snapshot")).replace(number, backupNumber);
        return new DossierJournal.Entry(seq, backupNumber, ((Number) row.get("steps")).intValue(), snapshot);
    }
}
