package io.epewatch.camera.timeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.epewatch.identity.AccessScope;
import io.epewatch.registry.Camera;
import io.epewatch.registry.SiteDiagram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Outage timelines and availability, built from the monitor's logbook entries (R1.5): a camera is in the state of
 * its last change until the next one. Per camera and, summed up, per enterprise for a day, a week or a month.
 */
@Service
public class CameraTimeline {

    public enum Period {
        DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

        private final Duration length;

        Period(Duration length) {
            this.length = length;
        }

        public Duration length() {
            return length;
        }

        /** DAY, WEEK or MONTH in any case; empty for anything else. */
        public static Optional<Period> parse(String name) {
            return java.util.Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
        }
    }

    /**
     * A camera's current state and its availability over each period; {@code latestState} and {@code latestReason}
     * are what the last probe found, which differs from the state while a change is being confirmed.
     */
    public record CameraAvailability(String number, String locationName, String state, Instant since, String reason,
                                     Instant checkedAt, Double day, Double week, Double month, String latestState, String latestReason) {

        /** Whether the last probe disagrees with the state, and is worth showing beside it. */
        public boolean latestDiffers() {
            return latestState != null && !latestState.equals(state) && !"CHECKING".equals(state);
        }
    }

    private record Change(Instant at, Timeline.State state, String reason) {
    }

    /** The monitor's row for a camera: its state now, and when it was first and last checked. */
    private record Status(String state, Instant since, String reason, Instant checkedAt, Instant firstCheckedAt, String latestState,
                          String latestReason) {
    }

    /** What the timelines of one camera are built from, read once however many windows are asked of it. */
    private record History(Camera camera, Optional<Status> status, List<Change> changes) {

        Timeline timeline(Instant from, Instant to) {
            List<Timeline.Segment> segments = new ArrayList<>();
            Instant known = status.map(Status::firstCheckedAt).orElse(to);
            for (Change change : changes) {
                if (change.at().isBefore(known)) {
                    known = change.at(); // a change logged before the first-check time was recorded (older data)
                }
            }
            Instant cursor = from;
            if (known.isAfter(from)) {
                segments.add(new Timeline.Segment(Timeline.State.UNKNOWN, from, min(known, to), "not yet watched"));
                cursor = min(known, to);
            }
            Timeline.State state = Timeline.State.ONLINE;
            String reason = null;
            for (Change change : changes) {
                if (!change.at().isBefore(to)) {
                    break;
                }
                if (change.at().isAfter(cursor)) {
                    add(segments, state, cursor, change.at(), reason);
                    cursor = change.at();
                }
                state = change.state();
                reason = change.reason();
            }
            if (cursor.isBefore(to)) {
                add(segments, state, cursor, to, reason);
            }
            return new Timeline(camera.enterpriseTaxCode(), camera.number(), from, to, List.copyOf(segments));
        }
    }

    private final SiteDiagram diagram;
    private final JdbcClient jdbc;
    private final Clock clock;

    CameraTimeline(SiteDiagram diagram, JdbcClient jdbc, Clock clock) {
        this.diagram = diagram;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Timeline of(AccessScope scope, String taxCode, String number, Instant from, Instant to) {
        return history(diagram.camera(scope, taxCode, number), to).timeline(from, to);
    }

    public Timeline of(AccessScope scope, String taxCode, String number, Period period) {
        Instant to = clock.instant();
        return of(scope, taxCode, number, to.minus(period.length()), to);
    }

    /** One camera's state now and its availability over each period. */
    public CameraAvailability availability(AccessScope scope, String taxCode, String number) {
        return availability(diagram.camera(scope, taxCode, number), clock.instant());
    }

    public List<CameraAvailability> enterprise(AccessScope scope, String taxCode) {
        Instant now = clock.instant();
        return diagram.cameras(scope, taxCode).stream().map(camera -> availability(camera, now)).toList();
    }

    private CameraAvailability availability(Camera camera, Instant now) {
        History history = history(camera, now);
        Optional<Status> status = history.status();
        return new CameraAvailability(camera.number(), camera.locationName(), status.map(Status::state).orElse(Timeline.State.UNKNOWN.name()),
                status.map(Status::since).orElse(null), status.map(Status::reason).orElse(null), status.map(Status::checkedAt).orElse(null),
                history.timeline(now.minus(Period.DAY.length()), now).availability(),
                history.timeline(now.minus(Period.WEEK.length()), now).availability(),
                history.timeline(now.minus(Period.MONTH.length()), now).availability(),
                status.map(Status::latestState).orElse(null), status.map(Status::latestReason).orElse(null));
    }

    private History history(Camera camera, Instant to) {
        Optional<Status> status = jdbc.sql("""
                        select state, since, reason, checked_at, first_checked_at, latest_state, latest_reason
                        from camera_status where camera_id = ?""")
                .param(camera.id())
                .query((rs, row) -> new Status(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getString(7)))
                .optional();
        List<Change> changes = jdbc.sql("""
                        select at, state, reason from camera_logbook
                        where camera_id = ? and source = 'MONITOR' and state is not null and at < ?
                        order by at, id""")
                .params(camera.id(), Timestamp.from(to))
                .query((rs, row) -> new Change(rs.getTimestamp(1).toInstant(), Timeline.State.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
        return new History(camera, status, changes);
    }

    private static void add(List<Timeline.Segment> segments, Timeline.State state, Instant from, Instant to, String reason) {
        if (!to.isAfter(from)) {
            return;
        }
        if (!segments.isEmpty() && segments.getLast().state() == state) {
            Timeline.Segment last = segments.removeLast();
            segments.add(new Timeline.Segment(state, last.from(), to, last.reason()));
            return;
        }
        segments.add(new Timeline.Segment(state, from, to, reason));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
