package io.epewatch.evidence.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import io.epewatch.EpeWatchApplication;
import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceLink;
import io.epewatch.evidence.EvidenceProperties;
import io.epewatch.evidence.NewEvidence;
import io.epewatch.kernel.Sha256;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** R2.2: evidence kept with its hash for at least 12 months, and never purged while held. */
@IntegrationTest
class EvidenceStoreTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5, (byte) 0xFF, (byte) 0xD9};

    @Autowired
    CatalogedEvidenceStore store;
    @Autowired
    FileSystemObjects files;
    @Autowired
    JdbcClient jdbc;

    private EvidenceItem snapshot(String camera, EvidenceLink... links) {
        return store.store(new NewEvidence(JPEG, "image/jpeg", "0312345678", camera, Instant.now()), List.of(links));
    }

    @Test
    void storedEvidenceKeepsItsHashAndATamperedFileIsDetected() throws Exception {
        EvidenceItem item = snapshot("C01", new EvidenceLink(EvidenceLink.Kind.GATE_EVENT, "42"));
        assertThat(item.sha256()).isEqualTo(Sha256.hex(JPEG));
        try (var in = store.open(item.id()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(JPEG);
        }
        assertThat(store.intact(item.id())).isTrue();
        assertThat(store.linkedTo(new EvidenceLink(EvidenceLink.Kind.GATE_EVENT, "42"))).extracting(EvidenceItem::id).contains(item.id());

        Path file;
        try (var walk = Files.walk(files.root())) {
            file = walk.filter(p -> p.getFileName().toString().startsWith(item.id().toString())).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[5] ^= 1;
        Files.write(file, bytes);
        assertThat(store.intact(item.id())).isFalse();
    }

    @Test
    @DisplayName("R2.2 the purge removes only what is older than the retention and not held")
    void purgeKeepsHeldAndYoungEvidence() {
        EvidenceItem plain = snapshot("C02");
        EvidenceItem held = snapshot("C03");
        store.hold(held.id(), "Vụ việc 12/2026: nghi vấn xuất không tờ khai");
        EvidenceItem inCase = snapshot("C04", new EvidenceLink(EvidenceLink.Kind.CASE, "case-7"));
        EvidenceProperties twelveMonths = new EvidenceProperties(Period.ofMonths(12), DataSize.ofMegabytes(1));

        EvidenceRetention elevenMonthsOn = new EvidenceRetention(jdbc, store, twelveMonths, clockIn(Period.ofMonths(11)));
        elevenMonthsOn.purgeExpired();
        assertThat(store.find(plain.id())).as("younger than the retention").isPresent();

        EvidenceRetention thirteenMonthsOn = new EvidenceRetention(jdbc, store, twelveMonths, clockIn(Period.ofMonths(13)));
        assertThat(thirteenMonthsOn.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(store.find(plain.id())).isEmpty();
        assertThat(store.open(plain.id())).isEmpty();
        assertThat(store.find(held.id())).isPresent();
        assertThat(store.intact(held.id())).isTrue();
        assertThat(store.find(inCase.id())).isPresent();

        store.release(held.id());
        thirteenMonthsOn.purgeExpired();
        assertThat(store.find(held.id())).as("released, it goes at the next purge").isEmpty();
        assertThat(jdbc.sql("select count(*) from evidence_item where id = ?").param(plain.id()).query(Long.class).single())
                .as("the record of what existed stays").isOne();
    }

    @Test
    @DisplayName("R2.2 a retention under 12 months stops start-up with a message naming the property")
    @org.junit.jupiter.api.Tag("extra-start")
    void retentionUnderTwelveMonthsFailsAtStartup() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-retention");
        SpringApplication application = new SpringApplication(EpeWatchApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--epewatch.evidence.retention=P11M", "--epewatch.data-dir=" + dataDir,
                "--logging.file.name=" + dataDir.resolve("epewatch.log")))
                .satisfies(e -> assertThat(rootMessages(e)).contains("epewatch.evidence.retention is P11M").contains("at least 12 months"));
        assertThatThrownBy(() -> new EvidenceProperties(Period.ofDays(365), DataSize.ofGigabytes(1))).hasMessageContaining("12 months");
        assertThat(new EvidenceProperties(Period.ofDays(366), DataSize.ofGigabytes(1)).retention()).isEqualTo(Period.ofDays(366));
    }

    private static Clock clockIn(Period ahead) {
        return Clock.fixed(Instant.now().atZone(ZoneOffset.UTC).plus(ahead).toInstant(), ZoneOffset.UTC);
    }

    private static String rootMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

}
