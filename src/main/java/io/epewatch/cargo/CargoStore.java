package io.epewatch.cargo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.epewatch.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps cargo documents: the latest version of each as JSON, every version's input as received. The same content
 * again is UNCHANGED; other content is the next version — unless the kind is immutable (a gate confirmation).
 */
@Component
class CargoStore {

    enum Kind { MANIFEST, WAREHOUSE_NOTE, AREA_CONFIRMATION }

    /** A stored document: its content, version and when it was first received. */
    record Stored(String content, int version, Instant receivedAt) {
    }

    /** What storing did: CREATED, UPDATED or UNCHANGED, and the document as stored. */
    record Saved(String outcome, Stored stored) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CargoStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores the document; call inside a transaction.
     *
     * @param content the validated document with version 0 and no receipt time: what "the same content" means
     * @param immutable a different content under the same reference is refused, not a new version
     */
    Saved store(Kind kind, String reference, String enterpriseTaxCode, Instant occurredAt, Object content,
                Object input, boolean immutable) {
        String contentJson = json.writeValueAsString(content);
        Optional<Stored> current = jdbc.sql("""
                        select content::text as content, version, received_at, content = ?::jsonb as same
                        from cargo_document where kind = ? and reference = ? for update""")
                .params(contentJson, kind.name(), reference)
                .query((rs, n) -> rs.getBoolean("same") ? new Stored(rs.getString("content"), rs.getInt("version"),
                        rs.getTimestamp("received_at").toInstant()) : new Stored(null, rs.getInt("version"),
                        rs.getTimestamp("received_at").toInstant()))
                .optional();
        if (current.isPresent() && current.get().content() != null) {
            return new Saved("UNCHANGED", current.get());
        }
        if (current.isPresent() && immutable) {
            throw new InvalidInputException("id", "was confirmed before with other content; a confirmation does not change");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int version = current.map(c -> c.version() + 1).orElse(1);
        if (current.isEmpty()) {
            jdbc.sql("""
                            insert into cargo_document (kind, reference, enterprise_tax_code, version, occurred_at, content,
                                received_at, updated_at) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                    .params(kind.name(), reference, enterpriseTaxCode, version, Timestamp.from(occurredAt), contentJson,
                            now, now).update();
        } else {
            jdbc.sql("""
                            update cargo_document set enterprise_tax_code = ?, version = ?, occurred_at = ?,
                                content = ?::jsonb, updated_at = ? where kind = ? and reference = ?""")
                    .params(enterpriseTaxCode, version, Timestamp.from(occurredAt), contentJson, now, kind.name(), reference)
                    .update();
        }
        jdbc.sql("insert into cargo_document_version (kind, reference, version, body, received_at) values (?, ?, ?, ?::jsonb, ?)")
                .params(kind.name(), reference, version, json.writeValueAsString(input), now).update();
        return new Saved(current.isEmpty() ? "CREATED" : "UPDATED",
                new Stored(contentJson, version, current.map(Stored::receivedAt).orElse(now.toInstant())));
    }

    /** The document, when it belongs to one of these enterprises (else it is as good as missing). */
    Optional<Stored> find(Kind kind, String reference, Set<String> visibleTaxCodes) {
        if (visibleTaxCodes.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select content::text as content, version, received_at from cargo_document
                        where kind = :kind and reference = :reference and enterprise_tax_code in (:codes)""")
                .param("kind", kind.name()).param("reference", reference).param("codes", visibleTaxCodes)
                .query(CargoStore::stored)
                .optional();
    }

    /** For system processing (the risk engine reading what an event announced): the document, whoever asks. */
    Optional<Stored> find(Kind kind, String reference) {
        return jdbc.sql("select content::text as content, version, received_at from cargo_document where kind = ? and reference = ?")
                .params(kind.name(), reference)
                .query(CargoStore::stored)
                .optional();
    }

    /** The latest documents of a kind for these enterprises, newest first. */
    List<Stored> latest(Kind kind, Set<String> visibleTaxCodes, int limit) {
        if (visibleTaxCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select content::text as content, version, received_at from cargo_document
                        where kind = :kind and enterprise_tax_code in (:codes) order by occurred_at desc limit :limit""")
                .param("kind", kind.name()).param("codes", visibleTaxCodes).param("limit", Math.min(Math.max(limit, 1), 500))
                .query(CargoStore::stored)
                .list();
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getString("content"), rs.getInt("version"), rs.getTimestamp("received_at").toInstant());
    }

    <T> T read(Stored stored, Class<T> type) {
        return json.readValue(stored.content(), type);
    }
}
