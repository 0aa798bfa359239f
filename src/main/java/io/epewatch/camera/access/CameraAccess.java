package io.epewatch.camera.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.epewatch.identity.AuditRecord;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.UserAccounts;
import io.epewatch.kernel.InputCheck;
import io.epewatch.registry.Camera;
import io.epewatch.registry.SiteDiagram;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may watch a camera live, capture from it and export its footage (R4.7). Customs surveillance roles in the
 * camera's scope may, unless the camera is restricted: then only the people granted it, and heads. Every grant and
 * revocation is audited, and {@link #history} answers "who watched or downloaded what".
 */
@Service
public class CameraAccess {

    /** Roles that watch cameras at all; unit administrators manage accounts, EPE users have their own NVR. */
    private static final Set<Role> WATCHERS = Set.of(Role.SYSTEM_ADMIN, Role.HEAD, Role.OFFICER, Role.HQ_ANALYST);
    /** Audit actions that are someone looking at or taking a camera's footage. */
    public static final Set<String> VIEWING_ACTIONS = Set.of("LIVE_VIEW_STARTED", "LIVE_VIEW_STOPPED", "EVIDENCE_CAPTURED",
            "EVIDENCE_EXPORTED", AuditTrail.Actions.CREDENTIAL_USED, AuditTrail.Actions.CREDENTIAL_REVEALED, "CAMERA_ACCESS_GRANTED",
            "CAMERA_ACCESS_REVOKED");

    public record Grant(String username, String grantedBy, Instant grantedAt) {
    }

    private final SiteDiagram diagram;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    CameraAccess(SiteDiagram diagram, UserAccounts accounts, AuditTrail audit, JdbcClient jdbc) {
        this.diagram = diagram;
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The camera, if the caller may see it at all (scope); 404 otherwise, so its existence does not leak. */
    public Camera visible(Caller caller, String taxCode, String number) {
        return diagram.camera(caller.access(), taxCode, number);
    }

    public boolean mayWatch(Caller caller, Camera camera) {
        if (caller.roles().stream().noneMatch(WATCHERS::contains)) {
            return false;
        }
        if (caller.has(Role.HEAD) || caller.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        List<String> granted = grantees(camera.id());
        return granted.isEmpty() || granted.contains(caller.name());
    }

    /** Throws unless the caller may watch, capture from and export this camera. */
    public Camera requireWatch(Caller caller, String taxCode, String number) {
        Camera camera = visible(caller, taxCode, number);
        if (!mayWatch(caller, camera)) {
            throw new AccessDeniedException("you may not watch camera " + number + " of " + taxCode);
        }
        return camera;
    }

    public boolean mayManage(Caller caller) {
        return caller.has(Role.HEAD) || caller.has(Role.SYSTEM_ADMIN);
    }

    public List<Grant> grants(Caller caller, String taxCode, String number) {
        Camera camera = visible(caller, taxCode, number);
        return jdbc.sql("select username, granted_by, granted_at from camera_grant where camera_id = ? order by username")
                .param(camera.id()).query((rs, row) -> new Grant(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    @Transactional
    public void grant(Caller caller, String taxCode, String number, String username) {
        Camera camera = managed(caller, taxCode, number);
        InputCheck check = new InputCheck();
        if (check.require("username", username) && accounts.find(username.strip()).filter(a -> a.roles().stream().anyMatch(WATCHERS::contains)).isEmpty()) {
            check.reject("username", "watcherAccount", "must be the user name of a customs officer, head or analyst");
        }
        check.throwIfAny();
        int added = jdbc.sql("insert into camera_grant (camera_id, username, granted_by) values (?, ?, ?) on conflict do nothing")
                .params(camera.id(), username.strip(), caller.name()).update();
        if (added > 0) {
            audit.record(caller.name(), "CAMERA_ACCESS_GRANTED", taxCode, "camera:" + number, Map.of("username", username.strip()));
        }
    }

    @Transactional
    public void revoke(Caller caller, String taxCode, String number, String username) {
        Camera camera = managed(caller, taxCode, number);
        if (jdbc.sql("delete from camera_grant where camera_id = ? and username = ?").params(camera.id(), username).update() > 0) {
            audit.record(caller.name(), "CAMERA_ACCESS_REVOKED", taxCode, "camera:" + number, Map.of("username", username));
        }
    }

    /** Who watched, captured, exported or used the account of this camera, newest first. */
    public List<AuditRecord> history(Caller caller, String taxCode, String number, int limit) {
        visible(caller, taxCode, number);
        if (!caller.isCustoms() && !caller.has(Role.HQ_ANALYST)) {
            throw new AccessDeniedException("only customs sees who watched a camera");
        }
        String target = "camera:" + number;
        return audit.search(new AuditTrail.Query(null, taxCode, null, null, null), 2000).stream()
                .filter(r -> target.equals(r.target()) && VIEWING_ACTIONS.contains(r.action())).limit(limit).toList();
    }

    private Camera managed(Caller caller, String taxCode, String number) {
        Camera camera = visible(caller, taxCode, number);
        if (!mayManage(caller)) {
            throw new AccessDeniedException("only a head of the managing unit grants access to a camera");
        }
        return camera;
    }

    private List<String> grantees(long cameraId) {
        return jdbc.sql("select username from camera_grant where camera_id = ?").param(cameraId).query(String.class).list();
    }
}
