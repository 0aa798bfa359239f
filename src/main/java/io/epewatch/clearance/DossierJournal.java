package io.epewatch.clearance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.epewatch.intake.DeclarationIntake;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the backup accepted, for the primary to take back exactly once when it returns (R6.1, R6.4). On a backup every
 * step a declaration takes appends the whole declaration as it now stands — row, history, versions — to a journal, in
 * the step's own transaction. The primary applies entries in any order and any number of times with the same result:
 * an entry older than the copy it holds, or the same again, changes nothing.
 */
@Service
public class DossierJournal {

    /** Appends the declaration {@code id} as it now stands, at {@code at}: its row, its history and its versions. */
    static final String KEEP = """
                        insert into dossier_journal (number, steps, snapshot, at)
                        select d.number, (select count(*) from dossier_step s where s.dossier_id = d.id),
                               jsonb_build_object('dossier', to_jsonb(d) - 'id' - 'backup_steps' - 'handed_over_at',
                                   'steps', (select coalesce(jsonb_agg(to_jsonb(s) - 'id' - 'dossier_id' order by s.id), '[]')
                                             from dossier_step s where s.dossier_id = d.id),
                                   'versions', (select coalesce(jsonb_agg(to_jsonb(v) - 'dossier_id' order by v.version), '[]')
                                                from dossier_version v where v.dossier_id = d.id)), ?
                        from dossier d where d.id = ?""";

    /**
     * On a backup, in the attachment's transaction: a supporting document as attached, with its certificate's
     * fingerprint — the two databases number certificates apart.
     */
    static final String KEEP_DOCUMENT = """
                        insert into dossier_journal (number, steps, snapshot, at)
                        select d.number, (select count(*) from dossier_step s where s.dossier_id = d.id),
                               jsonb_build_object('document', to_jsonb(dd) - 'id' - 'dossier_id' - 'certificate_id',
                                   'certificate', (select c.sha256 from enterprise_certificate c where c.id = dd.certificate_id)), ?
                        from dossier_document dd join dossier d on d.id = dd.dossier_id where dd.id = ?""";

    /** A page of the journal stops after this many (stored) bytes: documents of 10 MiB travel in it too. */
    private static final int PAGE_BYTES = 16 * 1024 * 1024;

    private static final List<String> OWN_COLUMNS = List.of("id", "backup_steps", "handed_over_at");

    private final JdbcClient jdbc;
    private final DeclarationIntake intake;
    private final DossierLedger ledger;
    private final GoodsBalance balance;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Columns columns;

    DossierJournal(JdbcClient jdbc, DeclarationIntake intake, DossierLedger ledger, GoodsBalance balance, JsonMapper json,
                   Clock clock) {
        this.jdbc = jdbc;
        this.balance = balance;
        this.intake = intake;
        this.ledger = ledger;
        this.json = json;
        this.clock = clock;
    }

    /** One journal entry: a declaration as it stood after its {@code steps}-th step on the backup. */
    public record Entry(long seq, String number, int steps, String snapshot) {
    }

    /** The backup's journal after {@code seq}, oldest first. */
    @Transactional(readOnly = true)
    public List<Entry> after(long seq, int limit) {
        return jdbc.sql("""
                        select j.seq, j.number, j.steps, j.snapshot::text as snapshot
                        from (select seq, sum(pg_column_size(snapshot)) over (order by seq) - pg_column_size(snapshot) as before
                              from dossier_journal where seq > ? order by seq limit ?) page
                        join dossier_journal j on j.seq = page.seq
                        where page.before < ? order by j.seq""")
                .params(seq, Math.clamp(limit, 1, 1000), PAGE_BYTES)
                .query((rs, n) -> new Entry(rs.getLong("seq"), rs.getString("number"), rs.getInt("steps"), rs.getString("snapshot")))
                .list();
    }

    /** A declaration as the journal last pictured it, or as the primary holds what it took back. */
    public record Picture(String number, String enterpriseTaxCode, String state, String lane, java.time.Instant registeredAt,
                          int steps) {
    }

    /** On a backup: each declaration it accepted, as its journal last pictured it. */
    @Transactional(readOnly = true)
    public List<Picture> latest() {
        return jdbc.sql("""
                        select distinct on (number) number, steps, snapshot->'dossier'->>'enterprise_tax_code' as enterprise,
                               snapshot->'dossier'->>'state' as state, snapshot->'dossier'->>'lane' as lane,
                               (snapshot->'dossier'->>'registered_at')::timestamptz as registered_at
                        from dossier_journal where snapshot->'dossier' is not null order by number, seq desc""")
                .query((rs, n) -> picture(rs, "enterprise", "steps")).list();
    }

    /** On a primary: each declaration it took back from the backup, as it holds it now. */
    @Transactional(readOnly = true)
    public List<Picture> takenBack() {
        return jdbc.sql("""
                        select number, enterprise_tax_code, state, lane, registered_at, backup_steps from dossier
                        where backup_steps is not null order by number""")
                .query((rs, n) -> picture(rs, "enterprise_tax_code", "backup_steps")).list();
    }

    private static Picture picture(java.sql.ResultSet rs, String enterprise, String steps) throws java.sql.SQLException {
        Timestamp registered = rs.getTimestamp("registered_at");
        return new Picture(rs.getString("number"), rs.getString(enterprise), rs.getString("state"), rs.getString("lane"),
                registered == null ? null : registered.toInstant(), rs.getInt(steps));
    }

    /** The newest entry's seq on this backup; 0 when it has none. */
    public long last() {
        return jdbc.sql("select coalesce(max(seq), 0) from dossier_journal").query(Long.class).single();
    }

    /**
     * On a backup handing back: every declaration it holds now continues on the primary and is read-only here.
     * Joins the hand-back's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int handOver() {
        return jdbc.sql("update dossier set handed_over_at = ? where handed_over_at is null")
                .param(Timestamp.from(clock.instant())).update();
    }

    /**
     * On a primary: applies the backup's entries and remembers how far it got, in one transaction, so an entry is
     * applied once even when the primary dies half-way and asks again. What it applied is written through to the
     * gate analysis like any step. Returns how many declarations changed.
     */
    @Transactional
    public int apply(List<Entry> entries) {
        Columns cols = columns();
        java.util.Set<String> changed = new java.util.HashSet<>();
        long upTo = 0;
        for (Entry entry : entries.stream().sorted(Comparator.comparingLong(Entry::seq)).toList()) {
            upTo = Math.max(upTo, entry.seq());
            JsonNode snapshot = json.readTree(entry.snapshot());
            if (snapshot.has("document")) {
                if (applyDocument(entry.number(), snapshot) > 0) {
                    changed.add(entry.number());
                }
                continue;
            }
            Integer held = jdbc.sql("select coalesce(backup_steps, -1) from dossier where number = ? for update")
                    .param(entry.number()).query(Integer.class).optional().orElse(null);
            if (held != null && (held == -1 || held >= entry.steps())) {
                continue; // ours (never the backup's series), or the same or an older picture of it
            }
            Dossier before = held == null ? null : ledger.find(entry.number()).orElse(null);
            long id = jdbc.sql("insert into dossier (" + cols.dossier + ", backup_steps) select " + cols.dossier
                            + ", ? from jsonb_populate_record(null::dossier, ?::jsonb) on conflict (number) do update set "
                            + cols.dossierUpdate + ", backup_steps = excluded.backup_steps returning id")
                    .params(entry.steps(), json.writeValueAsString(snapshot.get("dossier"))).query(Long.class).single();
            jdbc.sql("delete from dossier_step where dossier_id = ?").param(id).update();
            jdbc.sql("delete from dossier_version where dossier_id = ?").param(id).update();
            jdbc.sql("insert into dossier_step (dossier_id, " + cols.step + ") select ?, " + cols.step
                            + " from jsonb_populate_recordset(null::dossier_step, ?::jsonb)")
                    .params(id, json.writeValueAsString(snapshot.get("steps"))).update();
            jdbc.sql("insert into dossier_version (dossier_id, " + cols.version + ") select ?, " + cols.version
                            + " from jsonb_populate_recordset(null::dossier_version, ?::jsonb)")
                    .params(id, json.writeValueAsString(snapshot.get("versions"))).update();
            Dossier now = ledger.find(entry.number()).orElseThrow();
            balance.settle(before, now);
            if (now.registeredAt() != null) {
                ledger.writeThrough(now);
            }
            changed.add(entry.number());
        }
        if (upTo > 0) {
            intake.journalApplied(upTo);
        }
        return changed.size();
    }

    /**
     * A document the declarant attached on the backup, to the declaration the journal's earlier entries brought here;
     * the same document again (same declaration, content and kind) is there already. Its certificate is this
     * database's copy of the same one, by fingerprint.
     */
    private int applyDocument(String number, JsonNode snapshot) {
        JsonNode certificate = snapshot.get("certificate");
        return jdbc.sql("""
                        insert into dossier_document (dossier_id, kind, file_name, media_type, content, sha256, signature,
                            signature_status, signature_detail, signer, certificate_id, uploaded_by, uploaded_at)
                        select d.id, r.kind, r.file_name, r.media_type, r.content, r.sha256, r.signature, r.signature_status,
                               r.signature_detail, r.signer,
                               (select c.id from enterprise_certificate c where c.enterprise_tax_code = d.enterprise_tax_code
                                and c.sha256 = ?), r.uploaded_by, r.uploaded_at
                        from jsonb_populate_record(null::dossier_document, ?::jsonb) r join dossier d on d.number = ?
                        on conflict (dossier_id, sha256, kind) do nothing""")
                .params(certificate == null || certificate.isNull() ? null : certificate.asString(),
                        json.writeValueAsString(snapshot.get("document")), number)
                .update();
    }

    /** The columns a snapshot carries, read from the schema once, so a column added later travels without a change here. */
    private record Columns(String dossier, String dossierUpdate, String step, String version) {
    }

    private Columns columns() {
        Columns known = columns;
        if (known == null) {
            List<String> dossier = columnsOf("dossier", OWN_COLUMNS);
            known = new Columns(String.join(", ", dossier),
                    dossier.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")),
                    String.join(", ", columnsOf("dossier_step", List.of("id", "dossier_id"))),
                    String.join(", ", columnsOf("dossier_version", List.of("dossier_id"))));
            columns = known;
        }
        return known;
    }

    private List<String> columnsOf(String table, List<String> except) {
        return jdbc.sql("select column_name from information_schema.columns where table_schema = current_schema() and table_name = ? order by ordinal_position")
                .param(table).query(String.class).list().stream().filter(c -> !except.contains(c)).toList();
    }
}
