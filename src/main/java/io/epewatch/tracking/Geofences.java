package io.epewatch.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.SharedState;
import io.epewatch.kernel.TaxCode;
import io.epewatch.registry.Enterprises;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The geofences, editable by customs; every position is placed in one through an index rebuilt on each change. */
@Service
public class Geofences {

    private static final int MAX_CORNERS = 5_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile ZoneIndex index;
    /** The geofence index, as other instances keep it too (issue 22). */
    private static final String SHARED = "geofences";
    private final SharedState shared;

    Geofences(JdbcClient jdbc, JsonMapper json, Enterprises enterprises, AuditTrail audit, Clock clock, SharedState shared) {
        this.shared = shared;
        shared.onChange(SHARED, () -> index = null);
        this.jdbc = jdbc;
        this.json = json;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every geofence, for system processing (placing positions, following trips): no caller scope applies. */
    public List<Geofence> all() {
        return jdbc.sql("select code, name, kind, enterprise_tax_code, ring::text as ring, updated_at, updated_by from geofence order by code")
                .query((rs, n) -> new Geofence(rs.getString("code"), rs.getString("name"),
                        Geofence.Kind.valueOf(rs.getString("kind")), rs.getString("enterprise_tax_code"),
                        json.readValue(rs.getString("ring"), new TypeReference<List<List<Double>>>() { }),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .list();
    }

    /**
     * The geofences a caller may see, like enterprises (R4.2): the shared places (ports, ICDs, border gates, no
     * enterprise) and the sites of the enterprises in their scope — an EPE user sees its own site, not its neighbours'.
     */
    public List<Geofence> list(AccessScope scope) {
        if (scope.everything()) {
            return all();
        }
        Set<String> visible = enterprises.visibleTaxCodes(scope);
        return all().stream().filter(g -> g.enterpriseTaxCode() == null || visible.contains(g.enterpriseTaxCode())).toList();
    }

    public Optional<Geofence> find(AccessScope scope, String code) {
        return list(scope).stream().filter(g -> g.code().equals(normal(code))).findFirst();
    }

    /** For system processing: no caller scope applies. */
    public Optional<Geofence> findForSystem(String code) {
        return find(AccessScope.all(), code);
    }

    /** Creates or replaces a geofence. */
    @Transactional
    public Geofence save(Caller caller, String code, GeofenceInput input) {
        InputCheck check = new InputCheck();
        String normal = check.parse("code", code, raw -> {
            String c = normal(raw);
            if (!c.matches("[A-Z0-9][A-Z0-9_-]{1,63}")) {
                throw new IllegalArgumentException("must be 2 to 64 letters, digits, - or _, like PORT-CAT-LAI");
            }
            return c;
        });
        check.requireText("name", input.name(), 200);
        Geofence.Kind kind = check.parse("kind", input.kind(), raw -> InputCheck.parseEnum(Geofence.Kind.class, raw,
                "EPE_SITE, PORT, ICD, BORDER_GATE, PARKING or OTHER"));
        // a geofence of an enterprise outside the caller's scope is as absent as a missing one: neither replaced nor
        // taken over by naming another enterprise
        Optional<Geofence> existing = findForSystem(normal(code));
        if (existing.isPresent() && find(caller.access(), existing.get().code()).isEmpty()) {
            throw new NotFoundException("geofence", code);
        }
        String taxCode = check.parseOptional("enterpriseTaxCode", input.enterpriseTaxCode(), raw -> TaxCode.parse(raw).value());
        if (taxCode != null && enterprises.find(caller.access(), taxCode).isEmpty()) {
            check.reject("enterpriseTaxCode", "notAnEpe", "is not a registered export processing enterprise");
        }
        List<List<Double>> ring = input.ring() == null ? null : new ArrayList<>(input.ring());
        if (ring != null && ring.size() > MAX_CORNERS) {
            check.reject("ring", "ringCorners", "at most " + MAX_CORNERS + " corners", MAX_CORNERS);
        } else {
            if (ring != null && ring.size() >= 3 && !ring.getFirst().equals(ring.getLast())) {
                ring.add(ring.getFirst()); // an officer drawing on a map does not close the ring by hand
            }
            String problem = ZoneIndex.problem(ring);
            if (problem != null) {
                check.reject("ring", "ring", problem);
            }
        }
        check.throwIfAny();
        jdbc.sql("""
                        insert into geofence (code, name, kind, enterprise_tax_code, ring, updated_at, updated_by)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?)
                        on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                            enterprise_tax_code = excluded.enterprise_tax_code, ring = excluded.ring,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(normal, input.name().strip(), kind.name(), taxCode, json.writeValueAsString(ring),
                        Timestamp.from(clock.instant()), caller.name()).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, "geofence:" + normal,
                Map.of("change", "geofence saved", "corners", ring.size() - 1));
        index = null;
        shared.changed(SHARED);
        return findForSystem(normal).orElseThrow();
    }

    @Transactional
    public void delete(Caller caller, String code) {
        String normal = normal(code);
        Geofence geofence = find(caller.access(), normal).orElseThrow(() -> new NotFoundException("geofence", code));
        Integer inUse = jdbc.sql("select count(*) from trip where (origin = ? or destination = ?) and stage = 'STARTED'")
                .params(normal, normal).query(Integer.class).single();
        if (inUse > 0) {
            throw new InvalidInputException("code", "is the origin or destination of " + inUse + " open trip(s)");
        }
        if (jdbc.sql("delete from geofence where code = ?").param(normal).update() == 0) {
            throw new NotFoundException("geofence", code);
        }
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, geofence.enterpriseTaxCode(), "geofence:" + normal,
                Map.of("change", "geofence deleted"));
        index = null;
        shared.changed(SHARED);
    }

    /** The geofence a point lies in (the smallest where they overlap), or null. */
    public String zoneOf(double lat, double lon) {
        ZoneIndex current = index;
        if (current == null) {
            current = new ZoneIndex(all());
            index = current;
        }
        return current.zoneOf(lat, lon);
    }

    /** The centre of a geofence as {@code [lat, lon]}. */
    Optional<double[]> centre(String code) {
        return findForSystem(code).map(g -> {
            Point c = ZoneIndex.polygon(g.ring()).getCentroid();
            return new double[] {c.getY(), c.getX()};
        });
    }

    static String normal(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
