package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R6.4 on the backup's side: what the primary knows of an EPE before it declares — goods and their balance, standing,
 * signing certificates — replaces the backup's, only what differs, and nothing is lost on the way (the export reads
 * back what the mirror wrote).
 */
@IntegrationTest
class ClearanceDirectoryTest {

    @Autowired
    ClearanceDirectory directory;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("R6.4 the primary's goods balance, standing and certificates replace the backup's, idempotently")
    void mirrorsWhatTheBackupChecksDeclarationsAgainst() {
        String taxCode = fixtures.site().taxCode();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        byte[] der = ("certificate of " + taxCode).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ClearanceDirectory.Certificate certificate = new ClearanceDirectory.Certificate(taxCode, "CN=Sao Viet, O=" + taxCode,
                "CN=VNPT-CA", "0a1b", now.minus(30, ChronoUnit.DAYS), now.plus(300, ChronoUnit.DAYS), "ab" + taxCode, der,
                "declarant", now, null);
        ClearanceDirectory.Snapshot snapshot = new ClearanceDirectory.Snapshot(
                List.of(new ClearanceDirectory.Good(taxCode, "85423100", "chiếc", "Vi mạch tích hợp", new BigDecimal("1000.000"),
                        new BigDecimal("120.000"))),
                List.of(new ClearanceDirectory.Standing(taxCode, "SUSPENDED", LocalDate.of(2026, 11, 1))),
                List.of(certificate));

        assertThat(directory.mirror(snapshot)).isEqualTo(3);
        assertThat(directory.mirror(snapshot)).as("the same again writes nothing").isZero();

        ClearanceDirectory.Snapshot back = directory.export();
        assertThat(back.goods()).filteredOn(g -> g.taxCode().equals(taxCode)).singleElement()
                .satisfies(g -> assertThat(g.declared()).isEqualByComparingTo("120"));
        assertThat(back.standings()).filteredOn(s -> s.taxCode().equals(taxCode)).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("SUSPENDED"));
        assertThat(back.certificates()).filteredOn(c -> c.taxCode().equals(taxCode)).singleElement()
                .satisfies(c -> assertThat(c.der()).isEqualTo(der));

        // the primary's later word wins: more declared, the certificate withdrawn
        ClearanceDirectory.Snapshot later = new ClearanceDirectory.Snapshot(
                List.of(new ClearanceDirectory.Good(taxCode, "85423100", "chiếc", "Vi mạch tích hợp", new BigDecimal("1000.000"),
                        new BigDecimal("300.000"))),
                snapshot.standings(),
                List.of(new ClearanceDirectory.Certificate(taxCode, certificate.subject(), certificate.issuer(), certificate.serial(),
                        certificate.notBefore(), certificate.notAfter(), certificate.sha256(), der, "declarant", now, now)));
        assertThat(directory.mirror(later)).isEqualTo(2);
        assertThat(jdbc.sql("select declared from registered_goods where enterprise_tax_code = ?").param(taxCode)
                .query(BigDecimal.class).single()).isEqualByComparingTo("300");
        assertThat(jdbc.sql("select withdrawn_at is not null from enterprise_certificate where enterprise_tax_code = ?").param(taxCode)
                .query(Boolean.class).single()).isTrue();
    }
}
