package io.epewatch.clearance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.epewatch.clearance.DossierStep.Step;
import io.epewatch.declaration.Declaration.Direction;
import io.epewatch.declaration.Declaration.Lane;
import io.epewatch.declaration.DeclarationInput;
import io.epewatch.declaration.Declarations;
import io.epewatch.declaration.Seal;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.intake.DeclarationIntake;
import io.epewatch.intake.SystemRole;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dossiers' rows: reading them within a scope, taking one step (state, columns, history, audit) and writing what
 * customs now knows through to the {@code declaration} module, in the caller's transaction.
 */
@Component
class DossierLedger {

    static final String COLUMNS = """
            id, number, direction, type_code, enterprise_tax_code, declarant, reference, state, version, body::text as body,
            computed::text as computed, lane, lane_decision::text as lane_decision, filed_at, registered_at, due_at,
            fees_paid_at, documents_checked_at, inspection_form, inspection_level, inspection_ordered_at, inspected_at,
            seals::text as seals, cleared_at, released_at, passed_at, cancellation_requested, replaces, replaced_by,
            updated_at, transit::text as transit, arrival::text as arrival""";

    private final JdbcClient jdbc;
    private final Declarations declarations;
    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final DeclarantMandates mandates;
    private final DeclarationIntake intake;

    DossierLedger(JdbcClient jdbc, Declarations declarations, Enterprises enterprises, AuditTrail audit, JsonMapper json,
                  Clock clock, DeclarantMandates mandates, DeclarationIntake intake) {
        this.mandates = mandates;
        this.intake = intake;
        this.jdbc = jdbc;
        this.declarations = declarations;
        this.enterprises = enterprises;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** For the system's own steps (a replacement's predecessor, a number just made): no caller's scope applies. */
    Optional<Dossier> find(String number) {
        return one(null, number, "");
    }

    Optional<Dossier> find(Caller caller, String number) {
        return one(reach(caller), number, "");
    }

    /** The dossier, locked for this transaction, when the caller reaches it; else 404 (never telling it exists). */
    Dossier lock(Caller caller, String number) {
        intake.admit();
        return writable(one(reach(caller), number, " for update").orElseThrow(() -> new NotFoundException("declaration", number)));
    }

    Dossier lockForSystem(String number) {
        intake.admit();
        return writable(one(null, number, " for update").orElseThrow(() -> new NotFoundException("declaration", number)));
    }

    /** Admits a new declaration on this instance, or refuses naming its state (R6.1). */
    void admit() {
        intake.admit();
    }

    /** On a backup, a declaration the primary took back continues there (R6.1): here it is read-only. */
    private Dossier writable(Dossier d) {
        if (intake.role() == SystemRole.BACKUP && jdbc.sql("select handed_over_at is not null from dossier where id = ?")
                .param(d.id()).query(Boolean.class).single()) {
            throw refused(d, "was handed back to the primary system and continues there");
        }
        return d;
    }

    private Optional<Dossier> one(Set<String> reach, String number, String lock) {
        return jdbc.sql("select " + COLUMNS + " from dossier where number = ?" + lock).param(number)
                .query(this::toDossier).optional().filter(d -> reach == null || reach.contains(d.enterpriseTaxCode()));
    }

    /**
     * The dossiers the caller reaches that meet {@code condition} (SQL over the dossier's columns with named
     * parameters), in {@code order}: the reach is applied in the query, before the limit.
     */
    List<Dossier> select(Caller caller, String condition, Map<String, ?> params, String order, int limit) {
        Set<String> visible = reach(caller);
        if (visible != null && visible.isEmpty()) {
            return List.of();
        }
        JdbcClient.StatementSpec query = jdbc.sql("select " + COLUMNS + " from dossier where (:all or enterprise_tax_code in (:visible)) "
                        + "and (" + condition + ") order by " + order + " limit :limit")
                .param("all", visible == null).param("visible", visible == null ? Set.of("") : visible).param("limit", limit);
        params.forEach(query::param);
        return query.query(this::toDossier).list();
    }

    /**
     * The enterprises whose declarations the caller reaches, or null for all: customs by its scope, a declarant by
     * its own enterprise and the mandates it holds (R6.2) — never by the scope of its account alone.
     */
    Set<String> reach(Caller caller) {
        if (caller.has(io.epewatch.identity.Role.DECLARANT)) {
            return mandates.enterprisesOf(caller);
        }
        return caller.access().everything() ? null : enterprises.visibleTaxCodes(caller.access());
    }


    /** Refuses the step unless the dossier is in one of {@code from}. */
    static void expect(Dossier d, Set<DossierState> from, String step) {
        if (!from.contains(d.state())) {
            throw refused(d, "is " + d.state() + "; " + step + " needs it " + from);
        }
    }

    /** A step the declaration's state does not allow: "declaration N {@code why}", in the reader's language by its code. */
    static InvalidInputException refused(Dossier d, String why) {
        return new InvalidInputException("state", "dossierState", "declaration " + d.number() + " " + why, d.number(),
                d.state().name());
    }

    /**
     * Takes one step: sets the state and the given columns, keeps the step in the history, audits it and writes the
     * declaration through when it is registered. Column names come from code, never from input.
     */
    Dossier step(Caller caller, Dossier d, Step step, DossierState state, Map<String, Object> columns, String reason,
                 Map<String, Object> details) {
        intake.admit();
        Instant now = now();
        List<Object> values = new ArrayList<>();
        StringBuilder set = new StringBuilder("state = ?, updated_at = ?");
        values.add(state.name());
        values.add(Timestamp.from(now));
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            Object value = column.getValue();
            set.append(", ").append(column.getKey()).append(value instanceof Jsonb ? " = ?::jsonb" : " = ?");
            values.add(switch (value) {
                case Instant at -> Timestamp.from(at);
                case Jsonb j -> j.text();
                case null, default -> value;
            });
        }
        values.add(d.id());
        jdbc.sql("update dossier set " + set + " where id = ?").params(values).update();
        jdbc.sql("insert into dossier_step (dossier_id, step, state, actor, at, reason, details) values (?, ?, ?, ?, ?, ?, ?::jsonb)")
                .params(d.id(), step.name(), state.name(), caller.name(), Timestamp.from(now), reason,
                        json.writeValueAsString(details)).update();
        Map<String, Object> audited = new LinkedHashMap<>(details);
        audited.put("step", step.name());
        audited.put("state", state.name());
        if (reason != null) {
            audited.put("reason", reason);
        }
        audit.record(caller.name(), AuditTrail.Actions.DECLARATION_STEP, d.enterpriseTaxCode(), "declaration:" + d.number(), audited);
        if (intake.role() == SystemRole.BACKUP) {
            journal(d.id());
        }
        Dossier after = find(d.number()).orElseThrow();
        if (after.registeredAt() != null) {
            writeThrough(after);
        }
        return after;
    }

    /** On a backup, in the attachment's transaction: the document, for the primary to take back (R6.4). */
    void journalDocument(long documentId) {
        if (intake.role() == SystemRole.BACKUP) {
            jdbc.sql(DossierJournal.KEEP_DOCUMENT).params(Timestamp.from(now()), documentId).update();
        }
    }

    /** On a backup, in the step's transaction: the declaration as it now stands, for the primary to take back. */
    private void journal(long dossierId) {
        jdbc.sql(DossierJournal.KEEP).params(Timestamp.from(now()), dossierId).update();
    }

    void keepVersion(Dossier d, int version, String businessCode, DossierInput body, String reason, String by) {
        jdbc.sql("""
                        insert into dossier_version (dossier_id, version, business_code, body, reason, filed_by, filed_at)
                        values (?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(d.id(), version, businessCode, json.writeValueAsString(body), reason, by, Timestamp.from(now()))
                .update();
    }

    /** A column value stored as JSON. */
    record Jsonb(String text) {
    }

    Jsonb jsonb(Object value) {
        return new Jsonb(json.writeValueAsString(value));
    }

    List<DossierStep> steps(long dossierId) {
        return jdbc.sql("select id, step, state, actor, at, reason, details::text as details from dossier_step where dossier_id = ? order by id")
                .param(dossierId)
                .query((rs, n) -> new DossierStep(rs.getLong("id"), Step.valueOf(rs.getString("step")),
                        DossierState.valueOf(rs.getString("state")), rs.getString("actor"), rs.getTimestamp("at").toInstant(),
                        rs.getString("reason"), json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() { })))
                .list();
    }

    /**
     * What customs now knows of the declaration, in the {@code declaration} module, which the gate analysis reads:
     * lane, state, when the goods became free to leave (cleared, or released before the fee), inspection and seals.
     */
    void writeThrough(Dossier d) {
        DossierInput body = d.body();
        Instant free = d.clearedAt() != null ? d.clearedAt() : d.releasedAt();
        List<String> plates = body.vehicles() == null ? List.of() : body.vehicles().stream()
                .map(DeclarationInput.VehicleInput::plate).toList();
        List<DeclarationInput.GoodsLineInput> goods = body.goods().stream().map(l -> new DeclarationInput.GoodsLineInput(
                l.hsCode(), l.description(), l.quantity(), l.unit(), l.netWeightKg(), l.grossWeightKg())).toList();
        List<DeclarationInput.SealInput> seals = d.seals().stream()
                .map(s -> new DeclarationInput.SealInput(s.containerNumber(), s.sealNumber())).toList();
        DeclarationInput.TransitInput transit = d.transit() == null || !d.transit().accepted() ? null
                : new DeclarationInput.TransitInput(d.transit().origin(), d.transit().destination(),
                        d.transit().deadline().toString(), d.transit().route());
        DeclarationInput.ArrivalInput arrival = d.arrival() == null ? null
                : new DeclarationInput.ArrivalInput(d.arrival().at().toString(), d.arrival().office(), d.arrival().seals().stream()
                        .map(s -> new DeclarationInput.SealInput(s.containerNumber(), s.sealNumber())).toList());
        declarations.receive(new DeclarationInput(d.number(), d.typeCode(), d.enterpriseTaxCode(), d.direction().name(),
                d.registeredAt().toString(), d.state().name(), d.lane().name(), plates, List.of(),
                free == null ? null : free.toString(), goods, body.vehicles(), seals, transit,
                d.inspectedAt() == null ? null : d.inspectedAt().toString(), arrival));
    }

    Dossier toDossier(ResultSet rs, int row) throws SQLException {
        String lane = rs.getString("lane");
        String decision = rs.getString("lane_decision");
        int level = rs.getInt("inspection_level");
        Integer inspectionLevel = rs.wasNull() ? null : level;
        return new Dossier(rs.getLong("id"), rs.getString("number"), Direction.valueOf(rs.getString("direction")),
                rs.getString("type_code"), rs.getString("enterprise_tax_code"), rs.getString("declarant"),
                rs.getString("reference"), DossierState.valueOf(rs.getString("state")), rs.getInt("version"),
                json.readValue(rs.getString("body"), DossierInput.class),
                json.readValue(rs.getString("computed"), Assessment.class), lane == null ? null : Lane.valueOf(lane),
                decision == null ? null : json.readValue(decision, LaneDecision.class), instant(rs, "filed_at"),
                instant(rs, "registered_at"), instant(rs, "due_at"), instant(rs, "fees_paid_at"),
                instant(rs, "documents_checked_at"), rs.getString("inspection_form"), inspectionLevel,
                instant(rs, "inspection_ordered_at"), instant(rs, "inspected_at"),
                List.of(json.readValue(rs.getString("seals"), Seal[].class)), instant(rs, "cleared_at"),
                instant(rs, "released_at"), instant(rs, "passed_at"), rs.getString("cancellation_requested"),
                rs.getString("replaces"), rs.getString("replaced_by"), instant(rs, "updated_at"),
                rs.getString("transit") == null ? null : json.readValue(rs.getString("transit"), TransitRequest.class),
                rs.getString("arrival") == null ? null : json.readValue(rs.getString("arrival"), TransitArrivalCheck.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
