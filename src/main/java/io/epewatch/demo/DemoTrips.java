package io.epewatch.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.identity.Caller;
import io.epewatch.tracking.GeofenceInput;
import io.epewatch.tracking.Geofences;
import io.epewatch.tracking.PositionInput;
import io.epewatch.tracking.Positions;
import io.epewatch.tracking.TripInput;
import io.epewatch.tracking.Trips;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The demo's roads (issue 15: the map was plain grey and the trip lists empty): the two EPEs' sites in Tân Thuận, Cát
 * Lái port and the Mộc Bài border gate as geofences; two trips that arrived at the port a few minutes before the demo
 * started, with their GPS tracks; and a
 * truck on the road to Cát Lái now, reporting a position every half minute as the Ministry of Transport's feed would,
 * which arrives and sets off again.
 */
@Component
@Profile("demo & !command")
class DemoTrips {

    private static final Logger log = LoggerFactory.getLogger(DemoTrips.class);

    static final String SAO_VIET = "DNCX-SAO-VIET";
    static final String NAM_PHONG = "DNCX-NAM-PHONG";
    static final String CAT_LAI = "CANG-CAT-LAI";
    static final String MOC_BAI = "CUA-KHAU-MOC-BAI";
    /** The live truck's plate and the road it drives, lon/lat from the EPE to the port. */
    private static final String LIVE_PLATE = "51C-135.79";
    private static final double[][] TO_CAT_LAI = {{106.7300, 10.7567}, {106.7385, 10.7610}, {106.7480, 10.7720},
            {106.7570, 10.7800}, {106.7700, 10.7830}, {106.7810, 10.7790}, {106.7880, 10.7600}};
    private static final double[][] FROM_NAM_PHONG = {{106.7350, 10.7600}, {106.7420, 10.7650}, {106.7500, 10.7730},
            {106.7600, 10.7810}, {106.7720, 10.7835}, {106.7820, 10.7780}, {106.7880, 10.7600}};
    private static final Duration LIVE_TRIP = Duration.ofMinutes(18);
    private static final Caller SYSTEM = new Caller("demo", java.util.Set.of(io.epewatch.identity.Role.SYSTEM_ADMIN), java.util.Set.of(),
            null, io.epewatch.identity.AccessScope.all());

    private final Geofences geofences;
    private final Trips trips;
    private final Positions positions;
    private final DemoData data;
    private final Clock clock;
    private volatile Instant liveStarted;

    DemoTrips(Geofences geofences, Trips trips, Positions positions, DemoData data, Clock clock) {
        this.geofences = geofences;
        this.trips = trips;
        this.positions = positions;
        this.data = data;
        this.clock = clock;
    }

    /** Seeds the geofences and today's finished trips, once: a restarted demo keeps what it has. */
    private void seed(Caller system) {
        if (geofences.findForSystem(CAT_LAI).isPresent()) {
            return;
        }
        geofences.save(system, SAO_VIET, new GeofenceInput("Công ty TNHH Điện tử Sao Việt — KCX Tân Thuận", "EPE_SITE",
                DemoData.EPE_ELECTRONICS, square(106.7300, 10.7567, 0.0018)));
        geofences.save(system, NAM_PHONG, new GeofenceInput("Công ty TNHH May mặc Nam Phong — KCX Tân Thuận", "EPE_SITE",
                DemoData.EPE_GARMENTS, square(106.7350, 10.7600, 0.0015)));
        geofences.save(system, CAT_LAI, new GeofenceInput("Cảng Cát Lái", "PORT", null, square(106.7880, 10.7600, 0.006)));
        geofences.save(system, MOC_BAI, new GeofenceInput("Cửa khẩu quốc tế Mộc Bài", "BORDER_GATE", null, square(106.1760, 11.0700, 0.004)));
        Instant now = clock.instant();
        // started less than the GPS silence threshold (30 min) ago: a trip seeded further back would be judged silent
        // and late before its positions are in, and raise warnings that its own track then resolves
        drive(system, "51C-123.45", DemoData.EPE_ELECTRONICS, "declaration:305512340010", SAO_VIET, CAT_LAI, TO_CAT_LAI,
                now.minus(Duration.ofMinutes(28)), Duration.ofMinutes(22));
        drive(system, "51D-678.90", DemoData.EPE_GARMENTS, "declaration:305598760032", NAM_PHONG, CAT_LAI, FROM_NAM_PHONG,
                now.minus(Duration.ofMinutes(26)), Duration.ofMinutes(20));
        log.info("Demo: geofences and two trips seeded");
    }

    /** A trip from start to arrival, its positions a minute apart along the road. */
    private void drive(Caller system, String plate, String taxCode, String reference, String from, String to, double[][] road,
                       Instant start, Duration takes) {
        trips.start(system, new TripInput(plate, taxCode, reference, from, to, start.toString()));
        List<PositionInput> track = new ArrayList<>();
        long minutes = takes.toMinutes();
        for (long m = 0; m <= minutes; m++) {
            double[] at = along(road, m / (double) minutes);
            track.add(new PositionInput(plate, at[1], at[0], m == minutes ? 0.0 : 38.0, null, start.plus(Duration.ofMinutes(m)).toString(), "MOT"));
        }
        positions.record(track);
    }

    /** The live truck: a position every half minute on its way to Cát Lái; once there, a new trip a minute later. */
    @Scheduled(initialDelay = 10_000, fixedDelay = 30_000)
    void liveTruck() {
        if (!data.ready()) {
            return;
        }
        Instant now = clock.instant();
        try {
            seed(SYSTEM);
            if (liveStarted == null || Duration.between(liveStarted, now).compareTo(LIVE_TRIP.plusMinutes(1)) > 0) {
                boolean open = trips.of(io.epewatch.identity.AccessScope.all(), LIVE_PLATE).stream()
                        .anyMatch(t -> t.stage() == io.epewatch.tracking.Trip.Stage.STARTED);
                if (!open) {
                    trips.start(SYSTEM, new TripInput(LIVE_PLATE, DemoData.EPE_ELECTRONICS, null, SAO_VIET, CAT_LAI, now.toString()));
                }
                liveStarted = now;
            }
            double share = Math.min(1.0, Duration.between(liveStarted, now).toSeconds() / (double) LIVE_TRIP.toSeconds());
            double[] at = along(TO_CAT_LAI, share);
            positions.record(List.of(new PositionInput(LIVE_PLATE, at[1], at[0], share >= 1 ? 0.0 : 35.0, null, now.toString(), "MOT")));
        } catch (RuntimeException e) {
            log.warn("Demo live truck: {}", e.getMessage());
        }
    }

    /** The point {@code share} (0–1) of the way along the road, by its corners. */
    static double[] along(double[][] road, double share) {
        double position = share * (road.length - 1);
        int leg = Math.min((int) position, road.length - 2);
        double t = position - leg;
        return new double[] {road[leg][0] + t * (road[leg + 1][0] - road[leg][0]), road[leg][1] + t * (road[leg + 1][1] - road[leg][1])};
    }

    private static List<List<Double>> square(double lon, double lat, double half) {
        return List.of(List.of(lon - half, lat - half), List.of(lon + half, lat - half), List.of(lon + half, lat + half),
                List.of(lon - half, lat + half), List.of(lon - half, lat - half));
    }
}
