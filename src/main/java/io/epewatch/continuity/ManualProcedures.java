package io.epewatch.continuity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.epewatch.clearance.Dossier;
import io.epewatch.clearance.Dossiers;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.EnterpriseUnits;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.TaxCode;
import io.epewatch.kernel.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R5.9: while both clearance systems are down, declarants proceed on paper and customs keeps a record of each manual
 * procedure — which enterprise, which paper declaration, of what type, received when, for what goods. Once a system
 * is back, the declarant files the electronic declaration and the officer links it, which closes the record. Kept by
 * the officers and heads of the enterprise's managing unit; read within the same scope; audited.
 */
@Service
class ManualProcedures {

    private static final int MAX_TEXT = 2_000;

    public record ManualProcedure(long id, long unitId, String enterpriseTaxCode, String paperReference, String typeCode,
                                  Instant receivedAt, String goods, String note, String recordedBy, Instant recordedAt,
                                  String declarationNumber, String regularisedBy, Instant regularisedAt) {

        public boolean open() {
            return regularisedAt == null;
        }
    }

    /** {@code first}: recorded now, not found already recorded. */
    public record Recorded(ManualProcedure procedure, boolean first) {
    }

    /** As typed: {@code receivedAt} an instant with its offset (a browser's local time gets Vietnam's). */
    public record ManualInput(String enterpriseTaxCode, String paperReference, String typeCode, String receivedAt,
                              String goods, String note) {
    }

    private final JdbcClient jdbc;
    private final EnterpriseUnits managing;
    private final Dossiers dossiers;
    private final AuditTrail audit;
    private final Clock clock;

    ManualProcedures(JdbcClient jdbc, EnterpriseUnits managing, Dossiers dossiers, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.managing = managing;
        this.dossiers = dossiers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a manual procedure; the same paper declaration recorded again with the same details is the record
     * already there (a retried form), with other details it is refused, naming the field.
     */
    @Transactional
    public Recorded record(Caller officer, ManualInput in) {
        InputCheck check = new InputCheck();
        String taxCode = check.parse("enterpriseTaxCode", in.enterpriseTaxCode(), raw -> TaxCode.parse(raw).value());
        check.requireText("paperReference", in.paperReference(), 64);
        if (check.require("typeCode", InputCheck.blankToNull(in.typeCode())) && !in.typeCode().strip().matches("[A-Z][0-9]{2}")) {
            check.reject("typeCode", "manualTypeCode", "must be a type code such as E31, E42 or E52");
        }
        Instant received = check.parse("receivedAt", Timestamps.withVietnamOffset(in.receivedAt()), Timestamps::parse);
        if (received != null && received.isAfter(clock.instant().plus(Timestamps.CLOCK_TOLERANCE))) {
            check.reject("receivedAt", "future", "cannot be in the future");
        }
        check.requireText("goods", in.goods(), MAX_TEXT);
        check.maxLength("note", in.note(), MAX_TEXT);
        Long unit = taxCode == null ? null : managing.managingUnit(taxCode).orElse(null);
        if (taxCode != null && unit == null) {
            check.reject("enterpriseTaxCode", "notSupervised", "is not an enterprise this system supervises");
        }
        check.throwIfAny();
        requireInScope(officer, unit);
        String reference = in.paperReference().strip();
        String note = InputCheck.blankToNull(in.note());
        Optional<ManualProcedure> earlier = find(taxCode, reference);
        if (earlier.isPresent()) {
            ManualProcedure e = earlier.get();
            if (e.typeCode().equals(in.typeCode().strip()) && e.receivedAt().equals(received) && e.goods().equals(in.goods().strip())
                    && Objects.equals(e.note(), note == null ? null : note.strip())) {
                return new Recorded(e, false);
            }
            check.reject("paperReference", "paperReferenceTaken", "is already recorded for this enterprise, with other details (record {0})", e.id());
            check.throwIfAny();
        }
        long id = jdbc.sql("""
                        insert into manual_procedure (unit_id, enterprise_tax_code, paper_reference, type_code, received_at, goods,
                            note, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(unit, taxCode, reference, in.typeCode().strip(), Timestamp.from(received), in.goods().strip(),
                        note == null ? null : note.strip(), officer.name(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(officer.name(), AuditTrail.Actions.MANUAL_PROCEDURE, taxCode, "manual:" + id,
                Map.of("step", "recorded", "paperReference", reference, "typeCode", in.typeCode().strip()));
        return new Recorded(get(id), true);
    }

    /** Links the electronic declaration filed once a system was back; the same link again is a no-op. */
    @Transactional
    public ManualProcedure regularise(Caller officer, long id, String declarationNumber) {
        ManualProcedure m = jdbc.sql(SELECT + " where id = ? for update").param(id).query(ManualProcedures::toRecord).optional()
                .orElseThrow(() -> new NotFoundException("manual procedure", String.valueOf(id)));
        requireInScope(officer, m.unitId());
        InputCheck check = new InputCheck();
        check.requireText("declarationNumber", declarationNumber, 12);
        check.throwIfAny();
        String number = declarationNumber.strip();
        if (number.equals(m.declarationNumber())) {
            return m;
        }
        if (!m.open()) {
            check.reject("declarationNumber", "alreadyRegularised", "this record is already regularised by declaration {0}", m.declarationNumber());
        }
        Dossier d = dossiers.find(officer, number).orElse(null);
        if (d == null) {
            check.reject("declarationNumber", "noSuchDeclaration", "there is no declaration {0} that you may read", number);
        } else if (!d.enterpriseTaxCode().equals(m.enterpriseTaxCode())) {
            check.reject("declarationNumber", "otherEnterprise", "belongs to another enterprise ({0})", d.enterpriseTaxCode());
        }
        check.throwIfAny();
        jdbc.sql("update manual_procedure set declaration_number = ?, regularised_by = ?, regularised_at = ? where id = ?")
                .params(number, officer.name(), Timestamp.from(clock.instant()), id).update();
        audit.record(officer.name(), AuditTrail.Actions.MANUAL_PROCEDURE, m.enterpriseTaxCode(), "manual:" + id,
                Map.of("step", "regularised", "declaration", number));
        return get(id);
    }

    /** The records the caller may read, open ones first, newest first; {@code openOnly} for the worklist. */
    public List<ManualProcedure> list(Caller caller, boolean openOnly) {
        String where = caller.access().everything() ? " where true" : " where unit_id = any(?)";
        String sql = SELECT + where + (openOnly ? " and regularised_at is null" : "")
                + " order by (regularised_at is null) desc, received_at desc limit 500";
        var statement = jdbc.sql(sql);
        if (!caller.access().everything()) {
            statement = statement.param(caller.access().unitIds().toArray(Long[]::new));
        }
        return statement.query(ManualProcedures::toRecord).list();
    }

    public ManualProcedure get(Caller caller, long id) {
        ManualProcedure m = get(id);
        requireInScope(caller, m.unitId());
        return m;
    }

    private ManualProcedure get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ManualProcedures::toRecord).optional()
                .orElseThrow(() -> new NotFoundException("manual procedure", String.valueOf(id)));
    }

    private Optional<ManualProcedure> find(String taxCode, String reference) {
        return jdbc.sql(SELECT + " where enterprise_tax_code = ? and paper_reference = ?").params(taxCode, reference)
                .query(ManualProcedures::toRecord).optional();
    }

    private static void requireInScope(Caller caller, Long unitId) {
        if (!caller.access().everything() && (unitId == null || !caller.access().unitIds().contains(unitId))) {
            throw new AccessDeniedException("manual procedures are kept by the enterprise's managing unit");
        }
    }

    private static final String SELECT = """
            select id, unit_id, enterprise_tax_code, paper_reference, type_code, received_at, goods, note, recorded_by,
                   recorded_at, declaration_number, regularised_by, regularised_at from manual_procedure""";

    private static ManualProcedure toRecord(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp regularised = rs.getTimestamp("regularised_at");
        return new ManualProcedure(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("enterprise_tax_code"),
                rs.getString("paper_reference"), rs.getString("type_code"), rs.getTimestamp("received_at").toInstant(),
                rs.getString("goods"), rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("declaration_number"), rs.getString("regularised_by"), regularised == null ? null : regularised.toInstant());
    }
}
