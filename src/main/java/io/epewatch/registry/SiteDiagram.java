package io.epewatch.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An enterprise's site diagram (R1.4): its locations and the cameras numbered on it. Customs staff of the managing
 * unit and the enterprise's own users may change it.
 */
@Service
public class SiteDiagram {

    private static final String CAMERA_COLUMNS = """
            c.id, e.tax_code, c.number, c.location_id, l.name as location_name, l.kind, c.stream_url, c.snapshot_url,
            c.onvif_url, c.direction, c.specs::text as specs, l.goods, c.onvif_profile, c.rtsp_transport, c.retired_at""";
    /** A camera the system can reach and watches: one in service with a snapshot, stream or ONVIF address. */
    private static final String CONNECTABLE = "(c.snapshot_url is not null or c.stream_url is not null or c.onvif_url is not null)"
            + " and c.retired_at is null";
    private static final String CAMERA_FROM = " from camera c join location l on l.id = c.location_id join enterprise e on e.id = c.enterprise_id ";

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final CameraAddressGuard addressGuard;
    private final JsonMapper json;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.time.Clock clock;

    SiteDiagram(JdbcClient jdbc, Enterprises enterprises, AuditTrail audit, CameraAddressGuard addressGuard, JsonMapper json,
                org.springframework.context.ApplicationEventPublisher events, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.enterprises = enterprises;
        this.audit = audit;
        this.addressGuard = addressGuard;
        this.json = json;
    }

    private void changed(Caller caller, String taxCode, String target, String change) {
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, target, java.util.Map.of("change", change));
        long version = jdbc.sql("update enterprise set diagram_version = diagram_version + 1 where tax_code = ? returning diagram_version")
                .param(taxCode).query(Long.class).single();
        events.publishEvent(new SiteDiagramChanged(taxCode, version, clock.instant()));
    }

    /** R1.1, R1.3: each place of the enterprise that must be watched, and whether it is; for a caller who may see it. */
    public List<Coverage> coverage(AccessScope scope, String taxCode) {
        visible(scope, taxCode);
        return coverage(taxCode);
    }

    /** For system processing (the coverage rule): each place of the enterprise that must be watched, and whether it is. */
    public List<Coverage> coverage(String taxCode) {
        List<Camera> cameras = jdbc.sql("select " + CAMERA_COLUMNS + CAMERA_FROM + " where e.tax_code = ? order by c.number")
                .param(taxCode).query(this::toCamera).list();
        return jdbc.sql("""
                        select l.id, l.enterprise_id, l.name, l.kind, l.goods from location l join enterprise e on e.id = l.enterprise_id
                        where e.tax_code = ? order by l.name""")
                .param(taxCode).query(SiteDiagram::toLocation).list().stream()
                .filter(l -> Coverage.required(l.kind()))
                .map(l -> Coverage.of(l, cameras.stream().filter(c -> c.locationId() == l.id()).toList()))
                .toList();
    }

    /** How many times the enterprise's site diagram has changed (tells one change's coverage from the next). */
    public long diagramVersion(String taxCode) {
        return jdbc.sql("select diagram_version from enterprise where tax_code = ?").param(taxCode).query(Long.class).optional().orElse(0L);
    }

    public List<Location> locations(AccessScope scope, String taxCode) {
        Enterprise enterprise = visible(scope, taxCode);
        return jdbc.sql("select id, enterprise_id, name, kind, goods from location where enterprise_id = ? order by name")
                .param(enterprise.id()).query(SiteDiagram::toLocation).list();
    }

    public List<Camera> cameras(AccessScope scope, String taxCode) {
        Enterprise enterprise = visible(scope, taxCode);
        return jdbc.sql("select " + CAMERA_COLUMNS + CAMERA_FROM + " where c.enterprise_id = ? order by c.number")
                .param(enterprise.id()).query(this::toCamera).list();
    }

    /** The camera with this number on a diagram the caller may see; not found otherwise, so its existence does not leak. */
    public Camera camera(AccessScope scope, String taxCode, String number) {
        Enterprise enterprise = visible(scope, taxCode);
        return jdbc.sql("select " + CAMERA_COLUMNS + CAMERA_FROM + " where c.enterprise_id = ? and c.number = ?")
                .params(enterprise.id(), number).query(this::toCamera).optional()
                .orElseThrow(() -> new NotFoundException("camera", number));
    }

    /** For system processing (the health monitor): every camera that has a snapshot or stream address. */
    public List<Camera> allConnectable() {
        return jdbc.sql("select " + CAMERA_COLUMNS + CAMERA_FROM + " where " + CONNECTABLE + " order by c.id")
                .query(this::toCamera).list();
    }

    /** For system processing (the health monitor judging an outage): the enterprise's cameras it can reach. */
    public List<Camera> connectable(String taxCode) {
        return jdbc.sql("select " + CAMERA_COLUMNS + CAMERA_FROM + " where e.tax_code = ? and " + CONNECTABLE + " order by c.id")
                .param(taxCode).query(this::toCamera).list();
    }

    /** For system processing (gate ingest): the camera with that diagram number, whoever asks. */
    public Optional<Camera> findCamera(String taxCode, String number) {
        return jdbc.sql("select " + CAMERA_COLUMNS + CAMERA_FROM + " where e.tax_code = ? and c.number = ?")
                .params(taxCode, number).query(this::toCamera).optional();
    }

    public long cameraCount(AccessScope scope) {
        Set<String> visible = enterprises.visibleTaxCodes(scope);
        if (visible.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from camera c join enterprise e on e.id = c.enterprise_id where e.tax_code in (:codes)")
                .param("codes", visible).query(Long.class).single();
    }

    @Transactional
    public Location addLocation(Caller caller, String taxCode, LocationInput input) {
        Enterprise enterprise = editable(caller, taxCode);
        Set<GoodsKind> goods = validateLocation(enterprise, input, null);
        long id = jdbc.sql("insert into location (enterprise_id, name, kind, goods) values (?, ?, ?, ?) returning id")
                .params(enterprise.id(), input.name().strip(), input.kind().name(),
                        goods.stream().map(Enum::name).toArray(String[]::new))
                .query(Long.class).single();
        changed(caller, taxCode, "location:" + id, "location added");
        return new Location(id, enterprise.id(), input.name().strip(), input.kind(), goods);
    }

    /** Renames or re-classifies a location; its cameras follow (their R1.7 result may change with the kind). */
    @Transactional
    public Location updateLocation(Caller caller, String taxCode, long locationId, LocationInput input) {
        Enterprise enterprise = editable(caller, taxCode);
        if (locations(caller.access(), taxCode).stream().noneMatch(l -> l.id() == locationId)) {
            throw new NotFoundException("location", String.valueOf(locationId));
        }
        Set<GoodsKind> goods = validateLocation(enterprise, input, locationId);
        jdbc.sql("update location set name = ?, kind = ?, goods = ? where id = ?")
                .params(input.name().strip(), input.kind().name(), goods.stream().map(Enum::name).toArray(String[]::new), locationId)
                .update();
        changed(caller, taxCode, "location:" + locationId, "location updated");
        return new Location(locationId, enterprise.id(), input.name().strip(), input.kind(), goods);
    }

    private Set<GoodsKind> validateLocation(Enterprise enterprise, LocationInput input, Long locationId) {
        InputCheck check = new InputCheck();
        check.require("name", input.name());
        check.maxLength("name", input.name(), 200);
        check.require("kind", input.kind());
        Set<GoodsKind> goods = input.goods() == null || input.goods().isEmpty() ? Set.of() : EnumSet.copyOf(input.goods());
        if (input.kind() != null && input.kind().holdsGoods() && goods.isEmpty()) {
            check.reject("goods", "goodsRequired", "say which goods this storage location holds");
        }
        if (input.name() != null && jdbc.sql("select count(*) from location where enterprise_id = ? and name = ? and id <> ?")
                .params(enterprise.id(), input.name().strip(), locationId == null ? -1 : locationId).query(Integer.class).single() > 0) {
            check.reject("name", "locationNameTaken", "this enterprise already has a location with this name");
        }
        check.throwIfAny();
        return goods;
    }

    @Transactional
    public Camera addCamera(Caller caller, String taxCode, CameraInput input) {
        Enterprise enterprise = editable(caller, taxCode);
        InputCheck check = validateCamera(enterprise, input, null);
        check.throwIfAny();
        jdbc.sql("""
                        insert into camera (enterprise_id, number, location_id, stream_url, snapshot_url, onvif_url, direction, specs,
                            onvif_profile, rtsp_transport)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(enterprise.id(), input.number().strip(), input.locationId(), InputCheck.blankToNull(input.streamUrl()),
                        InputCheck.blankToNull(input.snapshotUrl()), InputCheck.blankToNull(input.onvifUrl()), InputCheck.blankToNull(input.direction()), specsJson(input.specs()),
                        InputCheck.blankToNull(input.onvifProfile()), InputCheck.blankToNull(input.rtspTransport()))
                .update();
        changed(caller, taxCode, "camera:" + input.number().strip(), "camera added");
        return findCamera(taxCode, input.number().strip()).orElseThrow();
    }

    @Transactional
    public Camera updateCamera(Caller caller, String taxCode, String number, CameraInput input) {
        Enterprise enterprise = editable(caller, taxCode);
        Camera existing = findCamera(taxCode, number).orElseThrow(() -> new NotFoundException("camera", number));
        InputCheck check = validateCamera(enterprise, input, existing.id());
        check.throwIfAny();
        jdbc.sql("""
                        update camera set number = ?, location_id = ?, stream_url = ?, snapshot_url = ?, onvif_url = ?, direction = ?,
                            specs = ?::jsonb, onvif_profile = ?, rtsp_transport = ?, updated_at = now() where id = ?""")
                .params(input.number().strip(), input.locationId(), InputCheck.blankToNull(input.streamUrl()),
                        InputCheck.blankToNull(input.snapshotUrl()), InputCheck.blankToNull(input.onvifUrl()), InputCheck.blankToNull(input.direction()), specsJson(input.specs()),
                        InputCheck.blankToNull(input.onvifProfile()), InputCheck.blankToNull(input.rtspTransport()), existing.id())
                .update();
        changed(caller, taxCode, "camera:" + input.number().strip(), "camera updated");
        return findCamera(taxCode, input.number().strip()).orElseThrow();
    }

    /**
     * Takes a camera out of service, or puts it back: a retired camera is no longer watched and no longer covers its
     * location, so a gate left with only retired cameras shows as a coverage gap (R1.1, R1.3). Its history stays.
     */
    @Transactional
    public Camera retireCamera(Caller caller, String taxCode, String number, boolean retired) {
        editable(caller, taxCode);
        Camera existing = findCamera(taxCode, number).orElseThrow(() -> new NotFoundException("camera", number));
        if (existing.retired() != retired) {
            jdbc.sql("update camera set retired_at = " + (retired ? "now()" : "null") + ", updated_at = now() where id = ?")
                    .param(existing.id()).update();
            changed(caller, taxCode, "camera:" + number, retired ? "camera retired" : "camera back in service");
            events.publishEvent(new CameraRetired(existing.id(), taxCode, number, retired, caller.name(), clock.instant()));
        }
        return findCamera(taxCode, number).orElseThrow();
    }

    private InputCheck validateCamera(Enterprise enterprise, CameraInput input, Long cameraId) {
        InputCheck check = new InputCheck();
        if (check.require("number", input.number()) && !input.number().strip().matches("[A-Za-z0-9._-]{1,16}")) {
            check.reject("number", "cameraNumberFormat", "use 1 to 16 letters, digits, dot, dash or underscore, as on the site diagram");
        }
        if (input.number() != null && jdbc.sql("select count(*) from camera where enterprise_id = ? and number = ? and id <> ?")
                .params(enterprise.id(), input.number().strip(), cameraId == null ? -1 : cameraId)
                .query(Integer.class).single() > 0) {
            check.reject("number", "cameraNumberTaken", "another camera of this enterprise already has this number on the diagram");
        }
        if (check.require("locationId", input.locationId())
                && jdbc.sql("select count(*) from location where id = ? and enterprise_id = ?")
                .params(input.locationId(), enterprise.id()).query(Integer.class).single() == 0) {
            check.reject("locationId", "locationOfEnterprise", "must be a location of this enterprise");
        }
        checkUrl(check, "streamUrl", input.streamUrl(), Set.of("rtsp", "rtsps", "http", "https"));
        checkUrl(check, "snapshotUrl", input.snapshotUrl(), Set.of("http", "https"));
        checkUrl(check, "onvifUrl", input.onvifUrl(), Set.of("http", "https"));
        if (input.direction() != null && !input.direction().isBlank() && !Set.of("IN", "OUT", "BOTH").contains(input.direction())) {
            check.reject("direction", "cameraDirection", "must be IN, OUT or BOTH");
        }
        if (input.onvifProfile() != null && !input.onvifProfile().isBlank()
                && !input.onvifProfile().strip().matches("[\\p{Alnum}._:-]{1,64}")) {
            check.reject("onvifProfile", "onvifProfile", "a channel number from 1 or a profile token: up to 64 letters, digits, dot, dash, colon or underscore");
        }
        if (input.rtspTransport() != null && !input.rtspTransport().isBlank()
                && java.util.Arrays.stream(RtspTransport.values()).noneMatch(t -> t.name().equals(input.rtspTransport()))) {
            check.reject("rtspTransport", "rtspTransport", "must be TCP, UDP or AUTO");
        }
        return check;
    }

    /** Credentials belong in the vault, not in URLs that are shown to people and written to logs. */
    private void checkUrl(InputCheck check, String field, String value, Set<String> schemes) {
        if (value == null || value.isBlank()) {
            return;
        }
        check.maxLength(field, value, 1000);
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase())) {
                String allowed = String.join(", ", schemes.stream().sorted().toList());
                check.reject(field, "urlScheme", "must start with one of " + allowed, allowed);
            } else if (uri.getHost() == null) {
                check.reject(field, "urlHost", "has no host");
            } else if (uri.getUserInfo() != null) {
                check.reject(field, "urlCredentials", "must not contain a user name or password");
            } else if (addressGuard.refusal(uri) != null) {
                check.reject(field, "urlForbiddenHost", "host " + uri.getHost() + " " + addressGuard.refusal(uri), uri.getHost());
            }
        } catch (URISyntaxException e) {
            check.reject(field, "url", "is not a valid URL");
        }
    }

    private Enterprise visible(AccessScope scope, String taxCode) {
        return enterprises.find(scope, taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode));
    }

    /** Customs staff in scope, or a user of this very enterprise. */
    private Enterprise editable(Caller caller, String taxCode) {
        Enterprise enterprise = visible(caller.access(), taxCode);
        if (!caller.isCustoms() && !(caller.has(Role.EPE_USER) && taxCode.equals(caller.access().enterpriseTaxCode()))) {
            throw new AccessDeniedException("you may not change this enterprise's site diagram");
        }
        return enterprise;
    }

    private String specsJson(CameraSpecs specs) {
        return json.writeValueAsString(specs == null ? CameraSpecs.none() : specs);
    }

    private Camera toCamera(ResultSet rs, int row) throws SQLException {
        return new Camera(rs.getLong("id"), rs.getString("tax_code"), rs.getString("number"), rs.getLong("location_id"),
                rs.getString("location_name"), LocationKind.valueOf(rs.getString("kind")), rs.getString("stream_url"),
                rs.getString("snapshot_url"), rs.getString("onvif_url"), rs.getString("direction"),
                json.readValue(rs.getString("specs"), CameraSpecs.class), goods(rs), rs.getString("onvif_profile"),
                rs.getString("rtsp_transport") == null ? null : RtspTransport.valueOf(rs.getString("rtsp_transport")),
                rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant());
    }

    private static Location toLocation(ResultSet rs, int row) throws SQLException {
        return new Location(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("name"),
                LocationKind.valueOf(rs.getString("kind")), goods(rs));
    }

    private static Set<GoodsKind> goods(ResultSet rs) throws SQLException {
        Array goods = rs.getArray("goods");
        Set<GoodsKind> kinds = EnumSet.noneOf(GoodsKind.class);
        for (String kind : (String[]) goods.getArray()) {
            kinds.add(GoodsKind.valueOf(kind));
        }
        return kinds;
    }
}
