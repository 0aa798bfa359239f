package io.epewatch.evidence.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceLink;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.evidence.MediaFiles;
import io.epewatch.evidence.NewEvidence;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.epewatch.kernel.DataDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files under {@code ${epewatch.data-dir}/evidence/yyyy/MM/dd/<id>.<ext>}, written to a temporary file and moved
 * into place, so a crash never leaves a half-written item; the metadata row is written in the same transaction.
 */
@Component
class FileSystemEvidenceStore implements EvidenceStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemEvidenceStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final String COLUMNS = """
            id, sha256, media_type, size_bytes, enterprise_tax_code, camera_number, captured_at, stored_at, legal_hold, hold_reason""";

    private final JdbcClient jdbc;
    private final Path root;
    private final Clock clock;

    FileSystemEvidenceStore(JdbcClient jdbc, DataDir dataDir, Clock clock) {
        this.jdbc = jdbc;
        this.root = dataDir.resolve("evidence");
        this.clock = clock;
    }

    Path root() {
        return root;
    }

    @Override
    @Transactional
    public EvidenceItem store(NewEvidence evidence, List<EvidenceLink> links) {
        InputCheck check = new InputCheck();
        if (evidence.content() == null || evidence.content().length == 0) {
            check.reject("content", "evidence needs content");
        } else if (evidence.content().length > MAX_BYTES) {
            check.reject("content", "is larger than " + MAX_BYTES + " bytes");
        }
        if (check.require("mediaType", evidence.mediaType()) && !evidence.mediaType().matches("[a-z]+/[a-z0-9.+-]+")) {
            check.reject("mediaType", "is not a media type");
        }
        check.require("capturedAt", evidence.capturedAt());
        check.throwIfAny();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String location = DAY.format(now) + "/" + id + "." + MediaFiles.extension(evidence.mediaType());
        Path file = root.resolve(location);
        write(file, evidence.content());
        try {
            jdbc.sql("""
                            insert into evidence_item (id, sha256, media_type, size_bytes, enterprise_tax_code, camera_number,
                                captured_at, stored_at, location) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, Sha256.hex(evidence.content()), evidence.mediaType(), evidence.content().length,
                            evidence.enterpriseTaxCode(), evidence.cameraNumber(), Timestamp.from(evidence.capturedAt()),
                            Timestamp.from(now), location)
                    .update();
            for (EvidenceLink link : links) {
                jdbc.sql("insert into evidence_link (evidence_id, kind, ref) values (?, ?, ?) on conflict do nothing")
                        .params(id, link.kind().name(), link.ref()).update();
            }
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return find(id).orElseThrow();
    }

    @Override
    public Optional<EvidenceItem> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evidence_item where id = ? and purged_at is null").param(id)
                .query(FileSystemEvidenceStore::toItem).optional();
    }

    @Override
    public Optional<InputStream> open(UUID id) {
        return location(id).map(location -> {
            try {
                return Files.newInputStream(root.resolve(location));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public boolean intact(UUID id) {
        Optional<String> expected = jdbc.sql("select sha256 from evidence_item where id = ? and purged_at is null").param(id)
                .query(String.class).optional();
        Optional<String> location = location(id);
        if (expected.isEmpty() || location.isEmpty()) {
            return false;
        }
        try {
            return expected.get().equals(Sha256.hex(Files.readAllBytes(root.resolve(location.get()))));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    @Transactional
    public void hold(UUID id, String reason) {
        jdbc.sql("update evidence_item set legal_hold = true, hold_reason = ? where id = ?").params(reason, id).update();
    }

    @Override
    @Transactional
    public void release(UUID id) {
        jdbc.sql("update evidence_item set legal_hold = false, hold_reason = null where id = ?").param(id).update();
    }

    @Override
    public List<EvidenceItem> linkedTo(EvidenceLink link) {
        return jdbc.sql("select " + COLUMNS + " from evidence_item where purged_at is null and id in "
                        + "(select evidence_id from evidence_link where kind = ? and ref = ?) order by captured_at")
                .params(link.kind().name(), link.ref()).query(FileSystemEvidenceStore::toItem).list();
    }

    @Override
    public List<EvidenceItem> capturedBy(String enterpriseTaxCode, String cameraNumber, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from evidence_item where purged_at is null and enterprise_tax_code = ? and camera_number = ?
                         and captured_at between ? and ? order by captured_at""")
                .params(enterpriseTaxCode, cameraNumber, Timestamp.from(from), Timestamp.from(to))
                .query(FileSystemEvidenceStore::toItem).list();
    }

    /** Deletes the file of an expired item and marks it purged; the row stays, so the record of what existed stays. */
    @Transactional
    boolean purge(UUID id) {
        Optional<String> location = location(id);
        if (location.isEmpty()) {
            return false;
        }
        jdbc.sql("update evidence_item set purged_at = ? where id = ?").params(Timestamp.from(clock.instant()), id).update();
        deleteQuietly(root.resolve(location.get()));
        return true;
    }

    private Optional<String> location(UUID id) {
        return jdbc.sql("select location from evidence_item where id = ? and purged_at is null").param(id)
                .query(String.class).optional();
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".part");
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence could not be written to " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Evidence file {} could not be deleted: {}", file, e.getMessage());
        }
    }

    private static EvidenceItem toItem(ResultSet rs, int row) throws SQLException {
        return new EvidenceItem(rs.getObject("id", UUID.class), rs.getString("sha256"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("enterprise_tax_code"), rs.getString("camera_number"),
                rs.getTimestamp("captured_at").toInstant(), rs.getTimestamp("stored_at").toInstant(),
                rs.getBoolean("legal_hold"), rs.getString("hold_reason"));
    }
}
