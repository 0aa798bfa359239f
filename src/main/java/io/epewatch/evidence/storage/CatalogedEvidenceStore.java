package io.epewatch.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceLink;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.evidence.EvidenceProperties;
import io.epewatch.evidence.MediaFiles;
import io.epewatch.evidence.NewEvidence;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence catalogue: each item's row (hash, links, hold, retention) in PostgreSQL and its bytes in the
 * {@link EvidenceObjects} chosen by {@code epewatch.evidence.store} — the data directory (default) or an S3-compatible
 * bucket. The bytes are stored first and the row after, in the caller's transaction: a crash between them leaves an
 * orphan object, never a row without bytes. Each row names the store that holds its bytes, so items stored before a
 * switch stay readable.
 */
@Component
class CatalogedEvidenceStore implements EvidenceStore {

    private static final Logger log = LoggerFactory.getLogger(CatalogedEvidenceStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final String COLUMNS = """
            id, sha256, media_type, size_bytes, enterprise_tax_code, camera_number, captured_at, stored_at, legal_hold, hold_reason""";

    private final JdbcClient jdbc;
    private final Map<String, EvidenceObjects> stores;
    private final EvidenceObjects current;
    private final EvidenceProperties properties;
    private final Clock clock;

    CatalogedEvidenceStore(JdbcClient jdbc, List<EvidenceObjects> stores, EvidenceProperties properties, Clock clock,
                           @Value("${epewatch.evidence.store:filesystem}") String store) {
        this.jdbc = jdbc;
        this.stores = stores.stream().collect(Collectors.toUnmodifiableMap(EvidenceObjects::name, Function.identity()));
        this.current = this.stores.get(store);
        if (current == null) {
            throw new IllegalStateException("epewatch.evidence.store is " + store + "; use filesystem or s3");
        }
        this.properties = properties;
        this.clock = clock;
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
        // the purge lets an item go once stored_at is older than the retention; a locking store refuses it before
        Instant retainUntil = now.atZone(ZoneOffset.UTC).plus(properties.retention()).toInstant();
        current.put(location, evidence.content(), evidence.mediaType(), retainUntil);
        try {
            jdbc.sql("""
                            insert into evidence_item (id, sha256, media_type, size_bytes, enterprise_tax_code, camera_number,
                                captured_at, stored_at, location, backend) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, Sha256.hex(evidence.content()), evidence.mediaType(), evidence.content().length,
                            evidence.enterpriseTaxCode(), evidence.cameraNumber(), Timestamp.from(evidence.capturedAt()),
                            Timestamp.from(now), location, current.name())
                    .update();
            for (EvidenceLink link : links) {
                jdbc.sql("insert into evidence_link (evidence_id, kind, ref) values (?, ?, ?) on conflict do nothing")
                        .params(id, link.kind().name(), link.ref()).update();
            }
        } catch (RuntimeException e) {
            current.delete(location);
            throw e;
        }
        return find(id).orElseThrow();
    }

    @Override
    public Optional<EvidenceItem> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evidence_item where id = ? and purged_at is null").param(id)
                .query(CatalogedEvidenceStore::toItem).optional();
    }

    @Override
    public Optional<InputStream> open(UUID id) {
        return location(id).map(Stored::open);
    }

    @Override
    public boolean intact(UUID id) {
        Optional<String> expected = jdbc.sql("select sha256 from evidence_item where id = ? and purged_at is null").param(id)
                .query(String.class).optional();
        Optional<Stored> stored = location(id);
        if (expected.isEmpty() || stored.isEmpty()) {
            return false;
        }
        try (InputStream in = stored.get().open()) {
            return expected.get().equals(Sha256.hex(in.readAllBytes()));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    @Override
    @Transactional
    public void hold(UUID id, String reason) {
        jdbc.sql("update evidence_item set legal_hold = true, hold_reason = ? where id = ?").params(reason, id).update();
        location(id).ifPresent(stored -> stored.hold(true));
    }

    @Override
    @Transactional
    public void release(UUID id) {
        jdbc.sql("update evidence_item set legal_hold = false, hold_reason = null where id = ?").param(id).update();
        location(id).ifPresent(stored -> stored.hold(false));
    }

    @Override
    public List<EvidenceItem> linkedTo(EvidenceLink link) {
        return jdbc.sql("select " + COLUMNS + " from evidence_item where purged_at is null and id in "
                        + "(select evidence_id from evidence_link where kind = ? and ref = ?) order by captured_at")
                .params(link.kind().name(), link.ref()).query(CatalogedEvidenceStore::toItem).list();
    }

    @Override
    public List<EvidenceItem> capturedBy(String enterpriseTaxCode, String cameraNumber, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from evidence_item where purged_at is null and enterprise_tax_code = ? and camera_number = ?
                         and captured_at between ? and ? order by captured_at""")
                .params(enterpriseTaxCode, cameraNumber, Timestamp.from(from), Timestamp.from(to))
                .query(CatalogedEvidenceStore::toItem).list();
    }

    /** Deletes the bytes of an expired item and marks it purged; the row stays, so the record of what existed stays. */
    @Transactional
    boolean purge(UUID id) {
        Optional<Stored> stored = location(id);
        if (stored.isEmpty()) {
            return false;
        }
        jdbc.sql("update evidence_item set purged_at = ? where id = ?").params(Timestamp.from(clock.instant()), id).update();
        stored.get().delete();
        return true;
    }

    private Optional<Stored> location(UUID id) {
        return jdbc.sql("select location, backend from evidence_item where id = ? and purged_at is null").param(id)
                .query((rs, row) -> new Stored(objects(rs.getString("backend")), rs.getString("location"))).optional();
    }

    private EvidenceObjects objects(String backend) {
        EvidenceObjects objects = stores.get(backend);
        if (objects == null) {
            log.warn("Evidence stored in {} cannot be read: that store is not configured here", backend);
            throw new IllegalStateException("evidence store " + backend + " is not configured on this instance");
        }
        return objects;
    }

    /** An item's bytes: which store, under which key. */
    private record Stored(EvidenceObjects objects, String key) {

        InputStream open() {
            return objects.open(key);
        }

        void delete() {
            objects.delete(key);
        }

        void hold(boolean held) {
            objects.hold(key, held);
        }
    }

    private static EvidenceItem toItem(ResultSet rs, int row) throws SQLException {
        return new EvidenceItem(rs.getObject("id", UUID.class), rs.getString("sha256"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("enterprise_tax_code"), rs.getString("camera_number"),
                rs.getTimestamp("captured_at").toInstant(), rs.getTimestamp("stored_at").toInstant(),
                rs.getBoolean("legal_hold"), rs.getString("hold_reason"));
    }
}
