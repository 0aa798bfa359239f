package io.epewatch.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceLink;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import io.epewatch.risk.Warning;
import io.epewatch.risk.Warnings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casework (R4.6–R4.8). Each step checks who may take it and from which state, records the transition and audits it:
 * officers take, analyse, propose and escalate; heads order inspections and close. A case is scoped like its
 * warning: someone who cannot see the enterprise cannot see or touch the case.
 */
@Service
public class Cases {

    private static final int MAX_TEXT = 10_000;
    private static final String COLUMNS = """
            c.id, c.warning_id, c.enterprise_tax_code, w.rule, w.score, w.summary, w.explanation_vi, c.state, c.assignee, c.analysis,
            c.proposal, c.outcome, c.violation_reference, c.opened_by, c.opened_at, c.state_since""";
    private static final String FROM = " from warning_case c join warning w on w.id = c.warning_id ";

    private final JdbcClient jdbc;
    private final Warnings warnings;
    private final Enterprises enterprises;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Clock clock;

    Cases(JdbcClient jdbc, Warnings warnings, Enterprises enterprises, EvidenceStore evidence, AuditTrail audit,
          Clock clock) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.enterprises = enterprises;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens the case of a warning, or returns the one already open for it. Its passage's evidence is held. */
    @Transactional
    public CaseFile open(Caller caller, long warningId) {
        Warning warning = warnings.find(caller.access(), warningId)
                .orElseThrow(() -> new NotFoundException("warning", String.valueOf(warningId)));
        Optional<Long> existing = jdbc.sql("select id from warning_case where warning_id = ?").param(warningId)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return find(caller.access(), existing.get()).orElseThrow();
        }
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into warning_case (warning_id, enterprise_tax_code, state, opened_by, opened_at, state_since)
                        values (?, ?, 'NEW', ?, ?, ?) on conflict (warning_id) do nothing returning id""")
                .params(warningId, warning.enterpriseTaxCode(), caller.name(), now, now).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("select id from warning_case where warning_id = ?").param(warningId).query(Long.class).single());
        // the steps the system writes itself carry no note: the page says them in the reader's language (issue 15)
        record(id, null, CaseState.NEW, caller, null,
                warning.enterpriseTaxCode());
        if (warning.gateEventId() != null) {
            for (EvidenceItem item : evidence.linkedTo(new EvidenceLink(EvidenceLink.Kind.GATE_EVENT,
                    String.valueOf(warning.gateEventId())))) {
                evidence.hold(item.id(), "case " + id); // R2.2: evidence of a case outlives the retention
            }
        }
        return find(caller.access(), id).orElseThrow();
    }

    @Transactional
    public CaseFile take(Caller caller, long id) {
        CaseFile c = forChange(caller, id, EnumSet.of(CaseState.NEW, CaseState.ANALYSING));
        jdbc.sql("update warning_case set assignee = ? where id = ?").params(caller.name(), id).update();
        return move(caller, c, CaseState.ANALYSING, null);
    }

    /** R4.6: the officer's analysis (declaration, route, travel time, images) and the handling proposed under the law. */
    @Transactional
    public CaseFile propose(Caller caller, long id, String analysis, String proposal) {
        CaseFile c = forChange(caller, id, EnumSet.of(CaseState.ANALYSING));
        InputCheck check = new InputCheck();
        check.requireText("analysis", analysis, MAX_TEXT);
        check.requireText("proposal", proposal, MAX_TEXT);
        check.throwIfAny();
        jdbc.sql("update warning_case set analysis = ?, proposal = ? where id = ?")
                .params(analysis.strip(), proposal.strip(), id).update();
        return move(caller, c, CaseState.PROPOSED, null);
    }

    /** R4.8: signs of fraud are reported to the head. */
    @Transactional
    public CaseFile escalate(Caller caller, long id, String note) {
        CaseFile c = forChange(caller, id, EnumSet.of(CaseState.PROPOSED));
        return move(caller, c, CaseState.ESCALATED, text("note", note));
    }

    /** R4.8: the head organises an inspection. */
    @Transactional
    public CaseFile orderInspection(Caller caller, long id, String note) {
        requireHead(caller);
        CaseFile c = forChange(caller, id, EnumSet.of(CaseState.ESCALATED));
        return move(caller, c, CaseState.INSPECTION_ORDERED, text("note", note));
    }

    /**
     * R4.8: the head decides. A violation needs the reference of its record; evidence stays held for a violation and
     * is released otherwise.
     */
    @Transactional
    public CaseFile close(Caller caller, long id, String outcome, String reference, String note) {
        requireHead(caller);
        CaseFile c = forChange(caller, id, EnumSet.of(CaseState.PROPOSED, CaseState.ESCALATED, CaseState.INSPECTION_ORDERED));
        InputCheck check = new InputCheck();
        CaseFile.Outcome decided = check.parse("outcome", outcome,
                raw -> InputCheck.parseEnum(CaseFile.Outcome.class, raw, "NO_VIOLATION or VIOLATION"));
        if (decided == CaseFile.Outcome.VIOLATION && blank(reference) == null) {
            check.reject("reference", "violationReference", "is required for a violation: the number of its record (biên bản)");
        }
        check.maxLength("reference", reference, 100);
        check.throwIfAny();
        jdbc.sql("update warning_case set outcome = ?, violation_reference = ? where id = ?")
                .params(decided.name(), blank(reference) == null ? null : reference.strip(), id).update();
        CaseFile closed = move(caller, c, CaseState.CLOSED, text("note", note));
        if (decided == CaseFile.Outcome.NO_VIOLATION) {
            warnings.find(AccessScope.all(), c.warningId()).map(Warning::gateEventId).ifPresent(gate ->
                    evidence.linkedTo(new EvidenceLink(EvidenceLink.Kind.GATE_EVENT, String.valueOf(gate)))
                            .forEach(item -> evidence.release(item.id())));
        }
        return closed;
    }

    @Transactional
    public CaseNote addNote(Caller caller, long id, String text) {
        CaseFile c = find(caller.access(), id).orElseThrow(() -> new NotFoundException("case", String.valueOf(id)));
        InputCheck check = new InputCheck();
        check.requireText("text", text, MAX_TEXT);
        check.throwIfAny();
        Instant now = clock.instant();
        long noteId = jdbc.sql("insert into case_note (case_id, author, text, at) values (?, ?, ?, ?) returning id")
                .params(id, caller.name(), text.strip(), Timestamp.from(now)).query(Long.class).single();
        audit.record(caller.name(), AuditTrail.Actions.CASE_NOTE, c.enterpriseTaxCode(), "case:" + id, Map.of("note", noteId));
        return new CaseNote(noteId, caller.name(), text.strip(), now);
    }

    /** Media a case may hold: documents and pictures an officer gathers (a record, a photo of the seal). */
    private static final Set<String> ATTACHABLE = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final int MAX_ATTACHMENT = 10 * 1024 * 1024;

    /** Attaches a file to a case: stored as evidence, linked to the case and held with it. Audited. */
    @Transactional
    public CaseAttachment attach(Caller caller, long id, String fileName, String mediaType, byte[] content) {
        CaseFile c = find(caller.access(), id).orElseThrow(() -> new NotFoundException("case", String.valueOf(id)));
        InputCheck check = new InputCheck();
        check.requireText("fileName", fileName, 200);
        if (mediaType == null || !ATTACHABLE.contains(mediaType)) {
            check.reject("file", "fileType", "must be a PDF, JPEG or PNG file");
        }
        if (content == null || content.length == 0) {
            check.reject("file", "fileEmpty", "is empty");
        } else if (content.length > MAX_ATTACHMENT) {
            check.reject("file", "fileTooLarge", "is larger than 10 MB", 10);
        }
        check.throwIfAny();
        Instant now = clock.instant();
        EvidenceItem item = evidence.store(new io.epewatch.evidence.NewEvidence(content, mediaType, c.enterpriseTaxCode(),
                null, now), List.of(new EvidenceLink(EvidenceLink.Kind.CASE, String.valueOf(id))));
        evidence.hold(item.id(), "case " + id);
        String name = fileName.strip().replaceAll("[\\/\\p{Cntrl}]", "_");
        jdbc.sql("insert into case_attachment (case_id, evidence_id, file_name, added_by, added_at) values (?, ?, ?, ?, ?)")
                .params(id, item.id(), name, caller.name(), Timestamp.from(now)).update();
        audit.record(caller.name(), AuditTrail.Actions.CASE_NOTE, c.enterpriseTaxCode(), "case:" + id,
                Map.of("attached", name, "sha256", item.sha256()));
        return new CaseAttachment(item.id(), name, mediaType, item.sizeBytes(), caller.name(), now);
    }

    public List<CaseAttachment> attachments(AccessScope scope, long id) {
        if (find(scope, id).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select evidence_id, file_name, added_by, added_at from case_attachment where case_id = ? order by added_at")
                .param(id).query((rs, n) -> {
                    java.util.UUID evidenceId = rs.getObject("evidence_id", java.util.UUID.class);
                    EvidenceItem item = evidence.find(evidenceId).orElse(null);
                    return new CaseAttachment(evidenceId, rs.getString("file_name"), item == null ? "" : item.mediaType(),
                            item == null ? 0 : item.sizeBytes(), rs.getString("added_by"), rs.getTimestamp("added_at").toInstant());
                }).list();
    }

    /** The bytes of a case's attachment, when the case is visible and the file is one of its own. */
    public Optional<java.io.InputStream> openAttachment(AccessScope scope, long id, java.util.UUID evidenceId) {
        if (find(scope, id).isEmpty()) {
            return Optional.empty();
        }
        boolean own = jdbc.sql("select count(*) from case_attachment where case_id = ? and evidence_id = ?")
                .params(id, evidenceId).query(Long.class).single() > 0;
        return own ? evidence.open(evidenceId) : Optional.empty();
    }

    public Optional<CaseFile> find(AccessScope scope, long id) {
        Set<String> visible = enterprises.visibleTaxCodes(scope);
        return jdbc.sql("select " + COLUMNS + FROM + "where c.id = ?").param(id).query(Cases::toCase).optional()
                .filter(c -> visible.contains(c.enterpriseTaxCode()));
    }

    public Optional<CaseFile> forWarning(AccessScope scope, long warningId) {
        return jdbc.sql("select id from warning_case where warning_id = ?").param(warningId).query(Long.class).optional()
                .flatMap(id -> find(scope, id));
    }

    /**
     * A person's queue: the open cases in their scope, most urgent (highest score) first; a head's escalations
     * come before everything else (R4.8).
     */
    public List<CaseFile> queue(Caller caller, int limit) {
        Set<String> visible = enterprises.visibleTaxCodes(caller.access());
        if (visible.isEmpty()) {
            return List.of();
        }
        boolean head = caller.has(Role.HEAD);
        return jdbc.sql("select " + COLUMNS + FROM + """
                        where c.enterprise_tax_code in (:codes) and c.state <> 'CLOSED'
                        order by case when :head and c.state in ('ESCALATED', 'INSPECTION_ORDERED') then 0 else 1 end,
                            w.score desc, c.opened_at limit :limit""")
                .param("codes", visible).param("head", head).param("limit", Math.min(Math.max(limit, 1), 500))
                .query(Cases::toCase).list();
    }

    /** The case's steps, oldest first, each with how long the case stayed in the state it left. */
    public List<CaseTransition> transitions(AccessScope scope, long id) {
        if (find(scope, id).isEmpty()) {
            return List.of();
        }
        List<CaseTransition> steps = new ArrayList<>();
        Instant[] previous = {null};
        jdbc.sql("select from_state, to_state, actor, note, at from case_transition where case_id = ? order by seq")
                .param(id).query((rs, n) -> {
                    Instant at = rs.getTimestamp("at").toInstant();
                    String from = rs.getString("from_state");
                    steps.add(new CaseTransition(from == null ? null : CaseState.valueOf(from),
                            CaseState.valueOf(rs.getString("to_state")), rs.getString("actor"), rs.getString("note"), at,
                            previous[0] == null ? null : Duration.between(previous[0], at)));
                    previous[0] = at;
                    return null;
                }).list();
        return steps;
    }

    public List<CaseNote> notes(AccessScope scope, long id) {
        if (find(scope, id).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, author, text, at from case_note where case_id = ? order by at, id").param(id)
                .query((rs, n) -> new CaseNote(rs.getLong("id"), rs.getString("author"), rs.getString("text"),
                        rs.getTimestamp("at").toInstant())).list();
    }

    private CaseFile forChange(Caller caller, long id, Set<CaseState> from) {
        CaseFile c = find(caller.access(), id).orElseThrow(() -> new NotFoundException("case", String.valueOf(id)));
        if (!from.contains(c.state())) {
            throw new InvalidInputException("state", "caseState", "the case is " + c.state() + "; this step needs it " + from);
        }
        return c;
    }

    private static void requireHead(Caller caller) {
        if (!caller.has(Role.HEAD)) {
            throw new AccessDeniedException("only the head decides (R4.8)");
        }
    }

    private CaseFile move(Caller caller, CaseFile c, CaseState to, String note) {
        Instant now = clock.instant();
        int changed = jdbc.sql("update warning_case set state = ?, state_since = ? where id = ? and state = ?")
                .params(to.name(), Timestamp.from(now), c.id(), c.state().name()).update();
        if (changed == 0) {
            throw new InvalidInputException("state", "caseChanged", "the case changed meanwhile; reload it");
        }
        record(c.id(), c.state(), to, caller, note, c.enterpriseTaxCode());
        return find(AccessScope.all(), c.id()).orElseThrow();
    }

    private void record(long id, CaseState from, CaseState to, Caller caller, String note, String enterprise) {
        jdbc.sql("""
                        insert into case_transition (case_id, seq, from_state, to_state, actor, note, at)
                        values (?, (select coalesce(max(seq), 0) + 1 from case_transition where case_id = ?), ?, ?, ?, ?, ?)""")
                .params(id, id, from == null ? null : from.name(), to.name(), caller.name(), note,
                        Timestamp.from(clock.instant())).update();
        audit.record(caller.name(), AuditTrail.Actions.CASE_TRANSITION, enterprise, "case:" + id,
                Map.of("from", from == null ? "" : from.name(), "to", to.name()));
    }

    private static String text(String field, String raw) {
        if (raw != null && raw.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "maxLength", "must be at most " + MAX_TEXT + " characters", MAX_TEXT);
        }
        return blank(raw);
    }

    private static String blank(String raw) {
        return raw == null || raw.isBlank() ? null : raw;
    }

    private static CaseFile toCase(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new CaseFile(rs.getLong("id"), rs.getLong("warning_id"), rs.getString("enterprise_tax_code"),
                rs.getString("rule"), rs.getInt("score"), rs.getString("summary"), CaseState.valueOf(rs.getString("state")),
                rs.getString("assignee"), rs.getString("analysis"), rs.getString("proposal"),
                outcome == null ? null : CaseFile.Outcome.valueOf(outcome), rs.getString("violation_reference"),
                rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("state_since").toInstant(),
                rs.getString("explanation_vi"));
    }
}
