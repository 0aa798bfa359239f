package io.epewatch.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
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

    private final CaseRows rows;
    private final Warnings warnings;
    private final Enterprises enterprises;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Clock clock;

    Cases(CaseRows rows, Warnings warnings, Enterprises enterprises, EvidenceStore evidence, AuditTrail audit,
          Clock clock) {
        this.rows = rows;
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
        Optional<Long> existing = rows.idOfWarning(warningId);
        if (existing.isPresent()) {
            return find(caller.access(), existing.get()).orElseThrow();
        }
        long id = rows.insert(warningId, warning.enterpriseTaxCode(), caller.name(), clock.instant());
        // the steps the system writes itself carry no note: the page says them in the reader's language (issue 15)
        record(id, null, CaseState.NEW, caller, null, warning.enterpriseTaxCode());
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
        CaseFile c = forChange(caller, id, CaseState.ANALYSING);
        rows.assign(id, caller.name());
        return move(caller, c, CaseState.ANALYSING, null);
    }

    /** R4.6: the officer's analysis (declaration, route, travel time, images) and the handling proposed under the law. */
    @Transactional
    public CaseFile propose(Caller caller, long id, String analysis, String proposal) {
        CaseFile c = forChange(caller, id, CaseState.PROPOSED);
        InputCheck check = new InputCheck();
        check.requireText("analysis", analysis, MAX_TEXT);
        check.requireText("proposal", proposal, MAX_TEXT);
        check.throwIfAny();
        rows.writeProposal(id, analysis.strip(), proposal.strip());
        return move(caller, c, CaseState.PROPOSED, null);
    }

    /** R4.8: signs of fraud are reported to the head. */
    @Transactional
    public CaseFile escalate(Caller caller, long id, String note) {
        CaseFile c = forChange(caller, id, CaseState.ESCALATED);
        return move(caller, c, CaseState.ESCALATED, text("note", note));
    }

    /** R4.8: the head organises an inspection. */
    @Transactional
    public CaseFile orderInspection(Caller caller, long id, String note) {
        requireHead(caller);
        CaseFile c = forChange(caller, id, CaseState.INSPECTION_ORDERED);
        return move(caller, c, CaseState.INSPECTION_ORDERED, text("note", note));
    }

    /**
     * R4.8: the head decides. A violation needs the reference of its record; evidence stays held for a violation and
     * is released otherwise.
     */
    @Transactional
    public CaseFile close(Caller caller, long id, String outcome, String reference, String note) {
        requireHead(caller);
        CaseFile c = forChange(caller, id, CaseState.CLOSED);
        InputCheck check = new InputCheck();
        CaseFile.Outcome decided = check.parse("outcome", outcome,
                raw -> InputCheck.parseEnum(CaseFile.Outcome.class, raw, "NO_VIOLATION or VIOLATION"));
        if (decided == CaseFile.Outcome.VIOLATION && blank(reference) == null) {
            check.reject("reference", "violationReference", "is required for a violation: the number of its record (biên bản)");
        }
        check.maxLength("reference", reference, 100);
        check.throwIfAny();
        rows.writeOutcome(id, decided, blank(reference) == null ? null : reference.strip());
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
        long noteId = rows.insertNote(id, caller.name(), text.strip(), now);
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
        rows.insertAttachment(id, item.id(), name, caller.name(), now);
        audit.record(caller.name(), AuditTrail.Actions.CASE_ATTACHMENT, c.enterpriseTaxCode(), "case:" + id,
                Map.of("attached", name, "sha256", item.sha256()));
        return new CaseAttachment(item.id(), name, mediaType, item.sizeBytes(), caller.name(), now);
    }

    public List<CaseAttachment> attachments(AccessScope scope, long id) {
        if (find(scope, id).isEmpty()) {
            return List.of();
        }
        return rows.attachments(id).stream().map(a -> {
            EvidenceItem item = evidence.find(a.evidenceId()).orElse(null);
            return new CaseAttachment(a.evidenceId(), a.fileName(), item == null ? "" : item.mediaType(),
                    item == null ? 0 : item.sizeBytes(), a.addedBy(), a.addedAt());
        }).toList();
    }

    /** The bytes of a case's attachment, when the case is visible and the file is one of its own. */
    public Optional<java.io.InputStream> openAttachment(AccessScope scope, long id, java.util.UUID evidenceId) {
        if (find(scope, id).isEmpty()) {
            return Optional.empty();
        }
        return rows.hasAttachment(id, evidenceId) ? evidence.open(evidenceId) : Optional.empty();
    }

    public Optional<CaseFile> find(AccessScope scope, long id) {
        Set<String> visible = enterprises.visibleTaxCodes(scope);
        // the case's scope is checked here; its warning is read as the system (without listing every enterprise)
        return rows.find(id).filter(c -> visible.contains(c.enterpriseTaxCode()))
                .flatMap(row -> Optional.ofNullable(warnings.byIds(List.of(row.warningId())).get(row.warningId()))
                        .map(w -> file(row, w)));
    }

    public Optional<CaseFile> forWarning(AccessScope scope, long warningId) {
        return rows.idOfWarning(warningId).flatMap(id -> find(scope, id));
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
        List<CaseRows.CaseRow> open = rows.open(visible);
        Map<Long, Warning> byId = warnings.byIds(open.stream().map(CaseRows.CaseRow::warningId).toList());
        boolean head = caller.has(Role.HEAD);
        Comparator<CaseFile> urgency = Comparator.comparing((CaseFile c) -> !(head && HEADS_FIRST.contains(c.state())))
                .thenComparing(CaseFile::score, Comparator.reverseOrder())
                .thenComparing(CaseFile::openedAt);
        return open.stream().filter(row -> byId.containsKey(row.warningId()))
                .map(row -> file(row, byId.get(row.warningId())))
                .sorted(urgency).limit(Math.min(Math.max(limit, 1), 500)).toList();
    }

    private static final Set<CaseState> HEADS_FIRST = EnumSet.of(CaseState.ESCALATED, CaseState.INSPECTION_ORDERED);

    /** The case's steps, oldest first, each with how long the case stayed in the state it left. */
    public List<CaseTransition> transitions(AccessScope scope, long id) {
        return find(scope, id).isEmpty() ? List.of() : rows.transitions(id);
    }

    public List<CaseNote> notes(AccessScope scope, long id) {
        return find(scope, id).isEmpty() ? List.of() : rows.notes(id);
    }

    /** The case the caller may see, checked against the procedure: it must be allowed to move to {@code to}. */
    private CaseFile forChange(Caller caller, long id, CaseState to) {
        CaseFile c = find(caller.access(), id).orElseThrow(() -> new NotFoundException("case", String.valueOf(id)));
        c.state().requireMoveTo(to);
        return c;
    }

    private static void requireHead(Caller caller) {
        if (!caller.has(Role.HEAD)) {
            throw new AccessDeniedException("only the head decides (R4.8)");
        }
    }

    private CaseFile move(Caller caller, CaseFile c, CaseState to, String note) {
        c.state().requireMoveTo(to);
        if (!rows.changeState(c.id(), c.state(), to, clock.instant())) {
            throw new InvalidInputException("state", "caseChanged", "the case changed meanwhile; reload it");
        }
        record(c.id(), c.state(), to, caller, note, c.enterpriseTaxCode());
        return find(AccessScope.all(), c.id()).orElseThrow();
    }

    private void record(long id, CaseState from, CaseState to, Caller caller, String note, String enterprise) {
        rows.appendTransition(id, from, to, caller.name(), note, clock.instant());
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

    private static CaseFile file(CaseRows.CaseRow row, Warning warning) {
        return new CaseFile(row.id(), row.warningId(), row.enterpriseTaxCode(), warning.rule(), warning.score(),
                warning.summary(), row.state(), row.assignee(), row.analysis(), row.proposal(), row.outcome(),
                row.violationReference(), row.openedBy(), row.openedAt(), row.stateSince(), warning.explanationVi());
    }
}
