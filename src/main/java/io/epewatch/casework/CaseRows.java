package io.epewatch.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The casework tables — cases, their steps, notes and attachments — and nothing else: no rules, no scope. */
@Component
class CaseRows {

    /** Enough for every open case of a department; the queue sorts them by their warning's score. */
    private static final int MAX_OPEN = 5_000;
    private static final String COLUMNS = """
            id, warning_id, enterprise_tax_code, state, assignee, analysis, proposal, outcome, violation_reference,
            opened_by, opened_at, state_since""";

    /** A case as its table holds it; {@link Cases} adds its warning. */
    record CaseRow(long id, long warningId, String enterpriseTaxCode, CaseState state, String assignee, String analysis,
                   String proposal, CaseFile.Outcome outcome, String violationReference, String openedBy,
                   Instant openedAt, Instant stateSince) {
    }

    /** An attachment's row; the evidence store knows its type and size. */
    record AttachmentRow(UUID evidenceId, String fileName, String addedBy, Instant addedAt) {
    }

    private final JdbcClient jdbc;

    CaseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from warning_case where id = ?").param(id).query(CaseRows::toRow).optional();
    }

    Optional<Long> idOfWarning(long warningId) {
        return jdbc.sql("select id from warning_case where warning_id = ?").param(warningId).query(Long.class).optional();
    }

    /** The open cases of these enterprises, oldest first. */
    List<CaseRow> open(Set<String> taxCodes) {
        return jdbc.sql("select " + COLUMNS + """
                         from warning_case where enterprise_tax_code in (:codes) and state <> 'CLOSED'
                        order by opened_at limit :limit""")
                .param("codes", taxCodes).param("limit", MAX_OPEN).query(CaseRows::toRow).list();
    }

    /** Opens the warning's case, or finds the one a concurrent request opened. */
    long insert(long warningId, String taxCode, String openedBy, Instant now) {
        return jdbc.sql("""
                        insert into warning_case (warning_id, enterprise_tax_code, state, opened_by, opened_at, state_since)
                        values (?, ?, 'NEW', ?, ?, ?) on conflict (warning_id) do nothing returning id""")
                .params(warningId, taxCode, openedBy, Timestamp.from(now), Timestamp.from(now)).query(Long.class).optional()
                .orElseGet(() -> idOfWarning(warningId).orElseThrow());
    }

    void assign(long id, String username) {
        jdbc.sql("update warning_case set assignee = ? where id = ?").params(username, id).update();
    }

    void writeProposal(long id, String analysis, String proposal) {
        jdbc.sql("update warning_case set analysis = ?, proposal = ? where id = ?").params(analysis, proposal, id).update();
    }

    void writeOutcome(long id, CaseFile.Outcome outcome, String reference) {
        jdbc.sql("update warning_case set outcome = ?, violation_reference = ? where id = ?")
                .params(outcome.name(), reference, id).update();
    }

    /** @return false when the case left {@code from} meanwhile */
    boolean changeState(long id, CaseState from, CaseState to, Instant at) {
        return jdbc.sql("update warning_case set state = ?, state_since = ? where id = ? and state = ?")
                .params(to.name(), Timestamp.from(at), id, from.name()).update() > 0;
    }

    void appendTransition(long id, CaseState from, CaseState to, String actor, String note, Instant at) {
        jdbc.sql("""
                        insert into case_transition (case_id, seq, from_state, to_state, actor, note, at)
                        values (?, (select coalesce(max(seq), 0) + 1 from case_transition where case_id = ?), ?, ?, ?, ?, ?)""")
                .params(id, id, from == null ? null : from.name(), to.name(), actor, note, Timestamp.from(at)).update();
    }

    /** The case's steps, oldest first, each with how long the case stayed in the state it left. */
    List<CaseTransition> transitions(long id) {
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

    long insertNote(long id, String author, String text, Instant at) {
        return jdbc.sql("insert into case_note (case_id, author, text, at) values (?, ?, ?, ?) returning id")
                .params(id, author, text, Timestamp.from(at)).query(Long.class).single();
    }

    List<CaseNote> notes(long id) {
        return jdbc.sql("select id, author, text, at from case_note where case_id = ? order by at, id").param(id)
                .query((rs, n) -> new CaseNote(rs.getLong("id"), rs.getString("author"), rs.getString("text"),
                        rs.getTimestamp("at").toInstant())).list();
    }

    void insertAttachment(long id, UUID evidenceId, String fileName, String addedBy, Instant at) {
        jdbc.sql("insert into case_attachment (case_id, evidence_id, file_name, added_by, added_at) values (?, ?, ?, ?, ?)")
                .params(id, evidenceId, fileName, addedBy, Timestamp.from(at)).update();
    }

    List<AttachmentRow> attachments(long id) {
        return jdbc.sql("select evidence_id, file_name, added_by, added_at from case_attachment where case_id = ? order by added_at")
                .param(id).query((rs, n) -> new AttachmentRow(rs.getObject("evidence_id", UUID.class),
                        rs.getString("file_name"), rs.getString("added_by"), rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    boolean hasAttachment(long id, UUID evidenceId) {
        return jdbc.sql("select count(*) from case_attachment where case_id = ? and evidence_id = ?")
                .params(id, evidenceId).query(Long.class).single() > 0;
    }

    private static CaseRow toRow(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new CaseRow(rs.getLong("id"), rs.getLong("warning_id"), rs.getString("enterprise_tax_code"),
                CaseState.valueOf(rs.getString("state")), rs.getString("assignee"), rs.getString("analysis"),
                rs.getString("proposal"), outcome == null ? null : CaseFile.Outcome.valueOf(outcome),
                rs.getString("violation_reference"), rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("state_since").toInstant());
    }
}
