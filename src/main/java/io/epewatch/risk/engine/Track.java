package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.Arrays;

/**
 * The recent positions of a vehicle on a trip, in time order whatever order they arrived in, in primitive arrays so
 * that tens of thousands of trucks fit. Bounded by count: the oldest fall off, and what the rules need of them is
 * kept — until when positions were known, and whether a stop was under way at that point and since when — so a dense
 * tracker (one fix a second) neither looks silent nor hides a long stop.
 */
final class Track {

    static final int CAPACITY = 1024;

    private final float stopSpeed;
    /** The time of the latest position that fell off, or {@link Long#MIN_VALUE}. */
    private long knownUntil = Long.MIN_VALUE;
    /** The start of the stop under way where the kept positions begin, or {@link Long#MIN_VALUE}. */
    private long stopSince = Long.MIN_VALUE;

    Track(double stopSpeedKmh) {
        this.stopSpeed = (float) stopSpeedKmh;
    }

    private long[] times = new long[16];
    private float[] speeds = new float[16];
    private double[] lats = new double[16];
    private double[] lons = new double[16];
    private String[] zones = new String[16];
    private int size;

    /** @return false when a position at that instant is already known (a duplicate) */
    boolean add(Fact.Fix fix) {
        long t = fix.at().toEpochMilli();
        int at = insertionPoint(t);
        if (at > 0 && times[at - 1] == t) {
            return false;
        }
        if (size == times.length) {
            if (size == CAPACITY) {
                if (at == 0) {
                    return false; // older than everything kept
                }
                shiftOut();
                at--;
            } else {
                grow();
            }
        }
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(speeds, at, speeds, at + 1, size - at);
        System.arraycopy(lats, at, lats, at + 1, size - at);
        System.arraycopy(lons, at, lons, at + 1, size - at);
        System.arraycopy(zones, at, zones, at + 1, size - at);
        times[at] = t;
        speeds[at] = fix.speed();
        lats[at] = fix.lat();
        lons[at] = fix.lon();
        zones[at] = fix.zone();
        size++;
        return true;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    float speed(int i) {
        return speeds[i];
    }

    double lat(int i) {
        return lats[i];
    }

    double lon(int i) {
        return lons[i];
    }

    String zone(int i) {
        return zones[i];
    }

    /** The index of the first position at or after {@code millis}. */
    int firstFrom(long millis) {
        return millis == Long.MIN_VALUE ? 0 : insertionPoint(millis - 1);
    }

    /** How many positions lie at or before {@code at}. */
    int countUpTo(Instant at) {
        return insertionPoint(at.toEpochMilli());
    }

    private int insertionPoint(long t) {
        if (size == 0 || times[size - 1] <= t) {
            return size; // the usual case: in order
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void grow() {
        int capacity = Math.min(CAPACITY, times.length * 2);
        times = Arrays.copyOf(times, capacity);
        speeds = Arrays.copyOf(speeds, capacity);
        lats = Arrays.copyOf(lats, capacity);
        lons = Arrays.copyOf(lons, capacity);
        zones = Arrays.copyOf(zones, capacity);
    }

    /** Positions before the kept ones were known up to this instant (epoch ms), or {@link Long#MIN_VALUE}. */
    long knownUntil() {
        return knownUntil;
    }

    /** Where the kept positions begin, a stop (slow, outside zones) had been under way since then, or MIN_VALUE. */
    long stopSince() {
        return stopSince;
    }

    private void shiftOut() {
        knownUntil = times[0];
        boolean stopped = speeds[0] < stopSpeed && zones[0] == null;
        if (!stopped) {
            stopSince = Long.MIN_VALUE;
        } else if (stopSince == Long.MIN_VALUE) {
            stopSince = times[0];
        }
        System.arraycopy(times, 1, times, 0, size - 1);
        System.arraycopy(speeds, 1, speeds, 0, size - 1);
        System.arraycopy(lats, 1, lats, 0, size - 1);
        System.arraycopy(lons, 1, lons, 0, size - 1);
        System.arraycopy(zones, 1, zones, 0, size - 1);
        size--;
    }
}
