package io.epewatch.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.Units;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.TaxCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enterprises, always read through the caller's {@link AccessScope}. */
@Service
public class Enterprises {

    private static final String COLUMNS = """
            id, tax_code, name, address, established_on, investment_certificate_on, operating_with_cameras,
            contact_name, contact_phone, managing_unit_id""";
    /** The scope filter every read applies; parameters :everything, :units, :taxCode. */
    private static final String IN_SCOPE = "(:everything or managing_unit_id in (:units) or tax_code = :taxCode)";

    /** Dates of enterprises are Vietnamese calendar dates. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final Units units;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Enterprises(JdbcClient jdbc, Units units, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public List<Enterprise> list(AccessScope scope) {
        return scoped("select " + COLUMNS + " from enterprise where " + IN_SCOPE + " order by name", scope)
                .query(Enterprises::toEnterprise).list();
    }

    public Optional<Enterprise> find(AccessScope scope, String taxCode) {
        return scoped("select " + COLUMNS + " from enterprise where tax_code = :code and " + IN_SCOPE, scope)
                .param("code", taxCode).query(Enterprises::toEnterprise).optional();
    }

    /** For system processing (ingest, rules): no caller scope applies. */
    public Optional<Enterprise> findForSystem(String taxCode) {
        return find(AccessScope.all(), taxCode);
    }

    public Set<String> visibleTaxCodes(AccessScope scope) {
        return Set.copyOf(scoped("select tax_code from enterprise where " + IN_SCOPE, scope).query(String.class).list());
    }

    /** The visible tax codes, narrowed to {@code onlyTaxCode} when one is given (empty if that one is not visible). */
    public Set<String> visibleTaxCodes(AccessScope scope, String onlyTaxCode) {
        Set<String> visible = visibleTaxCodes(scope);
        if (onlyTaxCode == null || onlyTaxCode.isBlank()) {
            return visible;
        }
        return visible.contains(onlyTaxCode.strip()) ? Set.of(onlyTaxCode.strip()) : Set.of();
    }

    public long count(AccessScope scope) {
        return scoped("select count(*) from enterprise where " + IN_SCOPE, scope).query(Long.class).single();
    }

    @Transactional
    public Enterprise register(Caller caller, EnterpriseInput input) {
        requireCustoms(caller);
        InputCheck check = new InputCheck();
        TaxCode taxCode = check.parse("taxCode", input.taxCode(), TaxCode::parse);
        validate(caller, input, check);
        if (taxCode != null && find(AccessScope.all(), taxCode.value()).isPresent()) {
            check.reject("taxCode", "taxCodeTaken", "an enterprise with this tax code is already registered");
        }
        check.throwIfAny();
        long id = jdbc.sql("""
                        insert into enterprise (tax_code, name, address, established_on, investment_certificate_on,
                            operating_with_cameras, contact_name, contact_phone, managing_unit_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(taxCode.value(), input.name().strip(), input.address().strip(), date(input.establishedOn()),
                        date(input.investmentCertificateOn()), Boolean.TRUE.equals(input.operatingWithCameras()),
                        InputCheck.blankToNull(input.contactName()), InputCheck.blankToNull(input.contactPhone()), input.managingUnitId())
                .query(Long.class).single();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode.value(), "enterprise:" + taxCode.value(),
                java.util.Map.of("change", "enterprise registered"));
        events.publishEvent(new EnterpriseAssigned(taxCode.value(), input.managingUnitId(), clock.instant()));
        return findForSystem(taxCode.value()).filter(e -> e.id() == id).orElseThrow();
    }

    /** The tax code identifies the enterprise and is not edited. */
    @Transactional
    public Enterprise update(Caller caller, String taxCode, EnterpriseInput input) {
        requireCustoms(caller);
        Enterprise existing = find(caller.access(), taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode));
        InputCheck check = new InputCheck();
        validate(caller, input, check);
        check.throwIfAny();
        jdbc.sql("""
                        update enterprise set name = ?, address = ?, established_on = ?, investment_certificate_on = ?,
                            operating_with_cameras = ?, contact_name = ?, contact_phone = ?, managing_unit_id = ?,
                            updated_at = now()
                        where id = ?""")
                .params(input.name().strip(), input.address().strip(), date(input.establishedOn()),
                        date(input.investmentCertificateOn()), Boolean.TRUE.equals(input.operatingWithCameras()),
                        InputCheck.blankToNull(input.contactName()), InputCheck.blankToNull(input.contactPhone()), input.managingUnitId(), existing.id())
                .update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, "enterprise:" + taxCode,
                java.util.Map.of("change", "enterprise updated"));
        if (existing.managingUnitId() != input.managingUnitId()) {
            events.publishEvent(new EnterpriseAssigned(taxCode, input.managingUnitId(), clock.instant()));
        }
        return findForSystem(taxCode).orElseThrow();
    }

    private void validate(Caller caller, EnterpriseInput input, InputCheck check) {
        check.require("name", input.name());
        check.maxLength("name", input.name(), 300);
        check.require("address", input.address());
        check.maxLength("address", input.address(), 500);
        check.maxLength("contactName", input.contactName(), 200);
        // R1.6: customs must be able to call the EPE's contact
        if (input.contactPhone() != null && !input.contactPhone().isBlank()
                && !input.contactPhone().strip().matches("\\+?[0-9 ().-]{8,20}")) {
            check.reject("contactPhone", "phone", "must be a phone number of 8 to 20 digits, spaces, dots or dashes");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
        if (input.establishedOn() != null && input.establishedOn().isAfter(today)) {
            check.reject("establishedOn", "future", "cannot be in the future");
        }
        if (input.investmentCertificateOn() != null && input.investmentCertificateOn().isAfter(today)) {
            check.reject("investmentCertificateOn", "future", "cannot be in the future");
        }
        if (check.require("managingUnitId", input.managingUnitId())) {
            var unit = units.find(input.managingUnitId());
            if (unit.isEmpty() || unit.get().kind() != UnitKind.SUB_DEPARTMENT) {
                check.reject("managingUnitId", "subDepartment", "must be an existing sub-department");
            } else if (!caller.access().everything() && !caller.access().unitIds().contains(input.managingUnitId())) {
                check.reject("managingUnitId", "ownUnit", "you can only assign enterprises to your own sub-department");
            }
        }
    }

    static void requireCustoms(Caller caller) {
        if (!(caller.has(Role.SYSTEM_ADMIN) || caller.has(Role.UNIT_ADMIN) || caller.has(Role.HEAD) || caller.has(Role.OFFICER))) {
            throw new AccessDeniedException("only customs staff register enterprises");
        }
    }

    private JdbcClient.StatementSpec scoped(String sql, AccessScope scope) {
        return jdbc.sql(sql)
                .param("everything", scope.everything())
                .param("units", scope.unitIds().isEmpty() ? List.of(-1L) : List.copyOf(scope.unitIds()))
                .param("taxCode", scope.enterpriseTaxCode() == null ? "" : scope.enterpriseTaxCode());
    }

    private static Date date(LocalDate value) {
        return value == null ? null : Date.valueOf(value);
    }

    private static Enterprise toEnterprise(ResultSet rs, int row) throws SQLException {
        Date established = rs.getDate("established_on");
        Date certificate = rs.getDate("investment_certificate_on");
        return new Enterprise(rs.getLong("id"), rs.getString("tax_code"), rs.getString("name"), rs.getString("address"),
                established == null ? null : established.toLocalDate(),
                certificate == null ? null : certificate.toLocalDate(), rs.getBoolean("operating_with_cameras"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getLong("managing_unit_id"));
    }
}
