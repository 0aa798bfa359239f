package io.epewatch.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

import io.epewatch.kernel.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tamper-evident audit trail (R3.1, R4.2): who did what to which enterprise, when. Records join the caller's
 * transaction, so an action and its record commit together; each record's hash covers the previous one.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    /** Appends are serialised so two records never claim the same predecessor. */
    private static final long APPEND_LOCK = 0x45505741L;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditCheckpoints checkpoints;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.checkpoints = checkpoints;
    }

    /**
     * Records an action in the caller's transaction. The record is appended just before that transaction commits:
     * appends are serialised (each claims its predecessor's hash), and the lock that serialises them is held until
     * the commit, so taking it last keeps the rest of the transaction — a declaration's registration, a case step —
     * out of the queue of every other writer.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String enterpriseTaxCode, String target, Map<String, ?> details) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailText = json.writeValueAsString(new TreeMap<>(details == null ? Map.of() : details));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                append(at, actor, action, enterpriseTaxCode, target, detailText);
            }
        });
    }

    private void append(Instant at, String actor, String action, String enterpriseTaxCode, String target, String detailText) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query(Object.class).single();
        String previous = jdbc.sql("select hash from audit_record order by id desc limit 1").query(String.class).optional()
                .orElse(GENESIS);
        long id = jdbc.sql("select nextval('audit_record_id_seq')").query(Long.class).single();
        AuditRecord record = new AuditRecord(id, at, actor, action, enterpriseTaxCode, target, detailText, previous, null);
        jdbc.sql("""
                        insert into audit_record (id, at, actor, action, enterprise_tax_code, target, details, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(at), actor, action, enterpriseTaxCode, target, detailText, previous, hashOf(record))
                .update();
    }

    /** A record that must stay even when the action around it fails (a refused sign-in). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(String actor, String action, String enterpriseTaxCode, String target, Map<String, ?> details) {
        record(actor, action, enterpriseTaxCode, target, details);
    }

    public record Query(String actor, String enterpriseTaxCode, String action, Instant from, Instant to) {
    }

    public List<AuditRecord> search(Query query, int limit) {
        return jdbc.sql("""
                        select * from audit_record
                        where (:actor = '' or actor = :actor) and (:enterprise = '' or enterprise_tax_code = :enterprise)
                          and (:action = '' or action = :action) and at >= :from and at <= :to
                        order by id desc limit :limit""")
                .param("actor", blank(query.actor())).param("enterprise", blank(query.enterpriseTaxCode()))
                .param("action", blank(query.action()))
                .param("from", Timestamp.from(query.from() == null ? Instant.EPOCH : query.from()))
                .param("to", Timestamp.from(query.to() == null ? Instant.parse("9999-12-31T00:00:00Z") : query.to()))
                .param("limit", Math.min(Math.max(limit, 1), 1000))
                .query(AuditTrail::toRecord).list();
    }

    /** Walks the whole chain against the signed checkpoints and names the first problem. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        return verify(null);
    }

    /**
     * Walks the whole chain and compares it with every signed checkpoint, and with {@code anchorLine}, a checkpoint kept
     * outside this installation ({@code audit-anchor}), when given. Catches an edited or deleted record (the chain),
     * and the newest records deleted, the table truncated, the chain re-hashed from a point or rebuilt whole (the
     * checkpoints).
     */
    @Transactional(readOnly = true)
    public AuditVerification verify(String anchorLine) {
        AuditCheckpoints.Ledger ledger = checkpoints.read();
        List<AuditCheckpoint> expected = new ArrayList<>(ledger.checkpoints());
        Instant latest = ledger.latest().map(AuditCheckpoint::at).orElse(null);
        if (ledger.problem() != null) {
            return AuditVerification.broken(0, null, ledger.problem(), expected.size(), latest);
        }
        if (anchorLine != null) {
            AuditCheckpoint anchor;
            try {
                anchor = checkpoints.parse(anchorLine.strip());
            } catch (RuntimeException e) {
                return AuditVerification.broken(0, null, "the anchor is not an audit checkpoint", expected.size(), latest);
            }
            if (!checkpoints.signedHere(anchor)) {
                return AuditVerification.broken(0, null, "the anchor was not signed by this installation's key "
                        + "(the key, or the anchor, was replaced)", expected.size(), latest);
            }
            expected.add(anchor);
        }
        expected.sort(java.util.Comparator.comparingLong(AuditCheckpoint::lastId));
        int next = 0;
        String expectedPrevious = GENESIS;
        Long previousId = null;
        long checked = 0;
        for (AuditRecord record : recordsAfter(jdbc, 0)) {
            if (!record.prevHash().equals(expectedPrevious)) {
                return AuditVerification.broken(checked, record.id(), previousId == null
                        ? "record " + record.id() + " does not follow the start of the trail: a record before it was deleted"
                        : "record " + record.id() + " does not follow record " + previousId
                                + ": a record between them was deleted, or record " + previousId + " was edited",
                        expected.size(), latest);
            }
            if (!hashOf(record).equals(record.hash())) {
                return AuditVerification.broken(checked, record.id(), "record " + record.id() + " was edited after it was written",
                        expected.size(), latest);
            }
            checked++;
            if (next < expected.size() && expected.get(next).lastId() < record.id()) {
                AuditCheckpoint missed = expected.get(next);
                return AuditVerification.broken(checked - 1, missed.lastId(), "record " + missed.lastId()
                        + ", the last of the checkpoint of " + missed.at() + ", is missing: the trail was rewritten",
                        expected.size(), latest);
            }
            while (next < expected.size() && expected.get(next).lastId() == record.id()) {
                AuditCheckpoint checkpoint = expected.get(next++);
                if (!checkpoint.lastHash().equals(record.hash()) || checkpoint.count() != checked) {
                    return AuditVerification.broken(checked - 1, record.id(), "record " + record.id()
                            + " is not the one signed in the checkpoint of " + checkpoint.at() + " ("
                            + checkpoint.count() + " records then, " + checked + " now up to it): the trail was "
                            + "rewritten or rebuilt", expected.size(), latest);
                }
            }
            expectedPrevious = record.hash();
            previousId = record.id();
        }
        if (next < expected.size()) {
            AuditCheckpoint beyond = expected.getLast();
            return AuditVerification.broken(checked, null, "the trail ends " + (previousId == null ? "empty"
                    : "at record " + previousId + " with " + checked + " records") + ", but the checkpoint of " + beyond.at()
                    + " signed " + beyond.count() + " records up to record " + beyond.lastId()
                    + ": the newest records were deleted or the table was emptied", expected.size(), latest);
        }
        return AuditVerification.intact(checked, expected.size(), latest);
    }

    /** The newest signed checkpoint as one line, to be kept outside this installation (the {@code audit-anchor} command). */
    public Optional<String> anchor() {
        return checkpoints.write().or(() -> checkpoints.read().latest()).map(checkpoints::line);
    }

    /** Whether a record continues the chain from {@code previousHash}: it names it, and hashes as it was written. */
    static boolean continues(AuditRecord record, String previousHash) {
        return record.prevHash().equals(previousHash) && hashOf(record).equals(record.hash());
    }

    /** The records after {@code afterId}, oldest first, read a thousand at a time as the walk goes on. */
    static Iterable<AuditRecord> recordsAfter(JdbcClient jdbc, long afterId) {
        return () -> new java.util.Iterator<>() {
            private final java.util.ArrayDeque<AuditRecord> page = new java.util.ArrayDeque<>();
            private long after = afterId;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !exhausted) {
                    page.addAll(jdbc.sql("select * from audit_record where id > ? order by id limit 1000").param(after)
                            .query(AuditTrail::toRecord).list());
                    exhausted = page.isEmpty();
                }
                return !page.isEmpty();
            }

            @Override
            public AuditRecord next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                AuditRecord record = page.removeFirst();
                after = record.id();
                return record;
            }
        };
    }

    static String hashOf(AuditRecord r) {
        return Sha256.hex(String.join("\u001f", r.prevHash(), Long.toString(r.id()), r.at().toString(), r.actor(),
                r.action(), String.valueOf(r.enterpriseTaxCode()), String.valueOf(r.target()), r.details()));
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    static AuditRecord toRecord(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("enterprise_tax_code"), rs.getString("target"),
                rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    /** Actions written to the trail. */
    public static final class Actions {
        public static final String SIGN_IN = "SIGN_IN";
        public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
        public static final String SIGN_OUT = "SIGN_OUT";
        public static final String ACCOUNT_CREATED = "ACCOUNT_CREATED";
        public static final String ROLE_GRANTED = "ROLE_GRANTED";
        public static final String ROLE_REVOKED = "ROLE_REVOKED";
        public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
        public static final String MFA_ENROLLED = "MFA_ENROLLED";
        public static final String TOKEN_CREATED = "TOKEN_CREATED";
        public static final String TOKEN_REVOKED = "TOKEN_REVOKED";
        public static final String CREDENTIAL_STORED = "CREDENTIAL_STORED";
        public static final String CREDENTIAL_USED = "CREDENTIAL_USED";
        public static final String CREDENTIAL_REVEALED = "CREDENTIAL_REVEALED";
        public static final String CONFIGURATION_CHANGED = "CONFIGURATION_CHANGED";
        /** A case moved from one state to the next (R4.6–R4.8). */
        public static final String CASE_TRANSITION = "CASE_TRANSITION";
        public static final String CASE_NOTE = "CASE_NOTE";
        /** A file (a record, a photo of a seal) was attached to a case as held evidence. */
        public static final String CASE_ATTACHMENT = "CASE_ATTACHMENT";
        /** An officer marked warnings as seen in the inbox. */
        public static final String WARNINGS_ACKNOWLEDGED = "WARNINGS_ACKNOWLEDGED";
        /** An EPE filed its Appendix II notification of an incident (R2.3). */
        public static final String INCIDENT_NOTICE_FILED = "INCIDENT_NOTICE_FILED";
        /** An EPE filed a late notice for an overdue incident (R2.5). */
        public static final String INCIDENT_LATE_NOTICE = "INCIDENT_LATE_NOTICE";
        /** An incident was assigned to an officer, who follows it up (R2.4). */
        public static final String INCIDENT_ASSIGNED = "INCIDENT_ASSIGNED";
        /** The assigned officer recorded the day's follow-up (R2.4). */
        public static final String INCIDENT_FOLLOW_UP = "INCIDENT_FOLLOW_UP";
        /** The head decided a supervision measure for an incident (R2.5). */
        public static final String INCIDENT_MEASURE = "INCIDENT_MEASURE";
        /** The monitor reclassified incidents or merged them into one channel outage. */
        public static final String INCIDENT_RECLASSIFIED = "INCIDENT_RECLASSIFIED";
        /** An incident was closed: its cameras are back, or an officer closed it. */
        public static final String INCIDENT_CLOSED = "INCIDENT_CLOSED";
        /** A passage written in the manual gate log while the gate camera was down. */
        public static final String MANUAL_GATE_LOG = "MANUAL_GATE_LOG";
        /** A declaration processed by this system took a step: filed, registered with its lane, checked, cleared (R5.5–R5.7). */
        public static final String DECLARATION_STEP = "DECLARATION_STEP";
        /** The primary/backup pair changed state: declared down, took over, handed back, recovered (R6.1). */
        public static final String PAIR_STATE_CHANGED = "PAIR_STATE_CHANGED";
        /** Customs IT published an outage or end-of-outage notice (R5.9). */
        public static final String OUTAGE_NOTICE_PUBLISHED = "OUTAGE_NOTICE_PUBLISHED";
        /** The backup mirrored the primary's accounts and something changed (R6.3). */
        public static final String ACCOUNTS_SYNCHRONISED = "ACCOUNTS_SYNCHRONISED";
        /** An administrator issued a one-time password to an account (R6.3). */
        public static final String PASSWORD_ISSUED = "PASSWORD_ISSUED";
        /** An officer recorded a manual procedure, or linked it to the declaration that regularises it (R5.9). */
        public static final String MANUAL_PROCEDURE = "MANUAL_PROCEDURE";
        /** A system administrator took the audit trail's anchor away (R3.1). */
        public static final String AUDIT_ANCHOR_EXPORTED = "AUDIT_ANCHOR_EXPORTED";

        private Actions() {
        }
    }
}
