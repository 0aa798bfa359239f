package io.epewatch.identity;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.epewatch.kernel.Sha256;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit trail's signed checkpoints to an append-only file outside the database (R3.1), half a minute after
 * start, then every few minutes while the trail grows, and at shutdown, and reads them back for verification. A checkpoint is written only over a
 * trail that still links to the previous checkpoint, so a rewrite is never blessed. Each one is also logged under
 * {@code io.epewatch.audit.checkpoint}, which an operator can route to syslog or a remote collector.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final Logger published = LoggerFactory.getLogger("io.epewatch.audit.checkpoint");

    /** The checkpoints read back, and the first thing wrong with the file, if anything. */
    record Ledger(List<AuditCheckpoint> checkpoints, String lastLine, String problem) {
        Optional<AuditCheckpoint> latest() {
            return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.getLast());
        }
    }

    private final JdbcClient jdbc;
    private final InstallationKey key;
    private final JsonMapper json;
    private final Clock clock;
    private final Path file;

    AuditCheckpoints(JdbcClient jdbc, InstallationKey key, JsonMapper json, Clock clock,
                     @Value("${epewatch.audit.checkpoint-file:${epewatch.data-dir:./data}/audit-checkpoints.log}") Path file) {
        this.jdbc = jdbc;
        this.key = key;
        this.json = json;
        this.clock = clock;
        this.file = file;
    }

    @Scheduled(initialDelayString = "${epewatch.audit.first-checkpoint-after:PT30S}", fixedDelayString = "${epewatch.audit.checkpoint-every:PT5M}")
    void everyFewMinutes() {
        try {
            write();
        } catch (RuntimeException e) {
            log.warn("No audit checkpoint written this time: {}", e.getMessage());
        }
    }

    @PreDestroy
    void atShutdown() {
        everyFewMinutes();
    }

    /**
     * Appends a checkpoint of the trail as it stands, if it grew since the last one and still links to it.
     *
     * @return the checkpoint written, or empty when there was nothing new (or the trail no longer links)
     */
    synchronized Optional<AuditCheckpoint> write() {
        Ledger ledger = read();
        if (ledger.problem() != null) {
            log.error("Audit checkpoints not written: the checkpoint file {} is damaged ({})", file, ledger.problem());
            return Optional.empty();
        }
        long afterId = ledger.latest().map(AuditCheckpoint::lastId).orElse(0L);
        String expectedPrevious = ledger.latest().map(AuditCheckpoint::lastHash).orElse(AuditTrail.GENESIS);
        long count = ledger.latest().map(AuditCheckpoint::count).orElse(0L);
        AuditRecord last = null;
        for (AuditRecord record : AuditTrail.recordsAfter(jdbc, afterId)) {
            if (!AuditTrail.continues(record, expectedPrevious)) {
                log.error("Audit checkpoint not written: record {} does not continue the trail of the last checkpoint; "
                        + "run verify-audit", record.id());
                return Optional.empty();
            }
            expectedPrevious = record.hash();
            count++;
            last = record;
        }
        if (last == null) {
            return Optional.empty();
        }
        String previousLine = ledger.lastLine() == null ? AuditCheckpoint.NONE : Sha256.hex(ledger.lastLine());
        AuditCheckpoint checkpoint = new AuditCheckpoint(count, last.id(), last.hash(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), previousLine, key.fingerprint(), null).signedBy(key);
        append(checkpoint.line(json));
        published.info("Audit checkpoint {}", checkpoint.line(json));
        return Optional.of(checkpoint);
    }

    /** Every checkpoint in the file, each signature and link checked; reading stops at the first damaged line. */
    Ledger read() {
        if (!Files.exists(file)) {
            return new Ledger(List.of(), null, null);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Ledger(List.of(), null, "the checkpoint file cannot be read: " + e.getMessage());
        }
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        String previousLine = AuditCheckpoint.NONE;
        String lastLine = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            AuditCheckpoint checkpoint;
            try {
                checkpoint = AuditCheckpoint.parse(line, json);
            } catch (RuntimeException e) {
                return new Ledger(checkpoints, lastLine, "checkpoint line " + (i + 1) + " is not a checkpoint");
            }
            if (!checkpoint.signatureHolds(key)) {
                return new Ledger(checkpoints, lastLine, "checkpoint line " + (i + 1) + " is not signed by this installation's key");
            }
            if (!checkpoint.previousLine().equals(previousLine)) {
                return new Ledger(checkpoints, lastLine, "checkpoint line " + (i + 1) + " does not follow the line before it: "
                        + "a checkpoint was removed or changed");
            }
            checkpoints.add(checkpoint);
            previousLine = Sha256.hex(line);
            lastLine = line;
        }
        return new Ledger(checkpoints, lastLine, null);
    }

    /** Whether a checkpoint (an anchor kept elsewhere) was signed by this installation. */
    boolean signedHere(AuditCheckpoint checkpoint) {
        return checkpoint.signatureHolds(key);
    }

    AuditCheckpoint parse(String line) {
        return AuditCheckpoint.parse(line, json);
    }

    String line(AuditCheckpoint checkpoint) {
        return checkpoint.line(json);
    }

    private void append(String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the checkpoint could not be written to " + file + ": " + e.getMessage(), e);
        }
    }
}
