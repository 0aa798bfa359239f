package io.epewatch.camera.device;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.epewatch.camera.access.CameraAccess;
import io.epewatch.camera.connector.CameraAddress;
import io.epewatch.camera.connector.CameraConnectors;
import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.camera.onvif.MediaProfile;
import io.epewatch.camera.onvif.OnvifDevice;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.registry.AppendixI;
import io.epewatch.registry.AppendixIRow;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.registry.CameraSpecs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a camera's model, firmware, resolution, frame rate and codec over ONVIF and holds them against the specs the
 * EPE declared and against Appendix I (R1.8): a datasheet can promise 1080p while the camera streams 720p.
 */
@Service
public class DeviceChecks {

    private final CameraAccess access;
    private final CameraConnectors connectors;
    private final CameraCredentials credentials;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DeviceChecks(CameraAccess access, CameraConnectors connectors, CameraCredentials credentials, AuditTrail audit, JdbcClient jdbc,
                 JsonMapper json, Clock clock) {
        this.access = access;
        this.connectors = connectors;
        this.credentials = credentials;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public DeviceCheck check(Caller caller, String taxCode, String number) throws CameraFailure {
        Camera camera = access.visible(caller, taxCode, number);
        if (!caller.isCustoms() && !caller.has(io.epewatch.identity.Role.EPE_USER)) {
            throw new AccessDeniedException("only customs or the enterprise itself checks a camera's device");
        }
        if (camera.onvifUrl() == null) {
            throw new InvalidInputException("onvifUrl", "noOnvifAddress", "the camera has no ONVIF address: add its device service address to the camera first");
        }
        OnvifDevice device = connectors.discover(CameraAddress.of(camera, credentials.useFor(caller, taxCode, number, "ONVIF device check")));
        MediaProfile profile = device.profile();
        DeviceCheck check = new DeviceCheck(number, clock.instant(), caller.name(), device.information().manufacturer(),
                device.information().model(), device.information().firmwareVersion(), device.information().serialNumber(),
                profile.width(), profile.height(), profile.frameRateLimit(), profile.encoding(), device.clockSkew().toSeconds(),
                findings(camera.specs(), profile));
        jdbc.sql("""
                        insert into camera_device_check (camera_id, checked_at, checked_by, manufacturer, model, firmware, serial, width,
                            height, frame_rate, encoding, clock_skew_s, findings) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(camera.id(), Timestamp.from(check.checkedAt()), check.checkedBy(), check.manufacturer(), check.model(), check.firmware(),
                        check.serial(), check.width(), check.height(), check.frameRate(), check.encoding(), check.clockSkewSeconds(),
                        json.writeValueAsString(check.findings()))
                .update();
        audit.record(caller.name(), "DEVICE_CHECKED", taxCode, "camera:" + number, Map.of("model", String.valueOf(check.model()),
                "findings", check.findings().size()));
        return check;
    }

    public Optional<DeviceCheck> latest(Caller caller, String taxCode, String number) {
        return history(caller, taxCode, number, 1).stream().findFirst();
    }

    /** The checks of this camera, newest first. */
    public List<DeviceCheck> history(Caller caller, String taxCode, String number, int limit) {
        Camera camera = access.visible(caller, taxCode, number);
        return jdbc.sql("select * from camera_device_check where camera_id = ? order by checked_at desc, id desc limit ?")
                .params(camera.id(), Math.min(Math.max(limit, 1), 200))
                .query((rs, row) -> new DeviceCheck(number, rs.getTimestamp("checked_at").toInstant(), rs.getString("checked_by"),
                        rs.getString("manufacturer"), rs.getString("model"), rs.getString("firmware"), rs.getString("serial"),
                        (Integer) rs.getObject("width"), (Integer) rs.getObject("height"), (Integer) rs.getObject("frame_rate"),
                        rs.getString("encoding"), (Long) rs.getObject("clock_skew_s"),
                        json.readValue(rs.getString("findings"), new TypeReference<List<String>>() { })))
                .list();
    }

    /** Where the device contradicts the declaration, and Appendix I rows its real settings would fail. */
    static List<String> findings(CameraSpecs declared, MediaProfile profile) {
        List<String> findings = new ArrayList<>();
        if (declared.resolutionWidth() != null && declared.resolutionHeight() != null && profile.width() != null && profile.height() != null
                && (long) profile.width() * profile.height() < (long) declared.resolutionWidth() * declared.resolutionHeight()) {
            findings.add("resolution: the device streams " + profile.width() + "×" + profile.height() + ", the declaration says "
                    + declared.resolutionWidth() + "×" + declared.resolutionHeight());
        }
        if (declared.frameRate() != null && profile.frameRateLimit() != null && profile.frameRateLimit() < declared.frameRate()) {
            findings.add("frame rate: the device is set to " + profile.frameRateLimit() + " fps, the declaration says " + declared.frameRate());
        }
        String codec = codec(profile.encoding());
        if (codec != null && !declared.compressions().isEmpty()
                && declared.compressions().stream().map(DeviceChecks::codec).noneMatch(codec::equals)) {
            findings.add("compression: the device sends " + codec + ", the declaration lists " + String.join(", ", declared.compressions()));
        }
        if (Boolean.FALSE.equals(declared.onvif())) {
            findings.add("ONVIF: the device answers ONVIF, the declaration says it does not");
        }
        CameraSpecs observed = new CameraSpecs(declared.sensorFormat(), declared.sensorType(), declared.dayNight(), profile.width(),
                profile.height(), declared.whiteBalance(), codec == null ? declared.compressions() : List.of(codec), declared.focalMinMm(),
                declared.focalMaxMm(), declared.horizontalViewDeg(), profile.frameRateLimit(), declared.protocols(), declared.backlightDb(),
                declared.ipRating(), declared.maxOperatingTempC(), declared.minIlluminationColorLux(), declared.minIlluminationIrLux(), true,
                declared.safetyStandards());
        List<AppendixIRow> asDeclared = AppendixI.evaluate(declared);
        for (AppendixIRow row : AppendixI.evaluate(observed)) {
            AppendixIRow claimed = asDeclared.stream().filter(r -> r.number() == row.number()).findFirst().orElseThrow();
            if (row.failed() && !claimed.failed()) {
                findings.add("Appendix I row " + row.number() + " (" + row.requirement() + "): the device's own setting "
                        + row.declared() + " fails it");
            }
        }
        return findings;
    }

    /** "H264", "H.264", "h264" → "H.264". */
    private static String codec(String name) {
        if (name == null) {
            return null;
        }
        String plain = name.toUpperCase(Locale.ROOT).replace(".", "").replace(" ", "");
        return switch (plain) {
            case "H264", "AVC" -> "H.264";
            case "H265", "HEVC" -> "H.265";
            case "JPEG", "MJPEG" -> "MJPEG";
            default -> name;
        };
    }
}
