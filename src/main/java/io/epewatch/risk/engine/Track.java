package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.Arrays;

/**
 * The recent positions of a vehicle on a trip, in time order whatever order they arrived in, in primitive arrays so
 * that tens of thousands of trucks fit. Bounded by count: the oldest fall off.
 */
final class Track {

    static final int CAPACITY = 1024;

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

    private void shiftOut() {
        System.arraycopy(times, 1, times, 0, size - 1);
        System.arraycopy(speeds, 1, speeds, 0, size - 1);
        System.arraycopy(lats, 1, lats, 0, size - 1);
        System.arraycopy(lons, 1, lons, 0, size - 1);
        System.arraycopy(zones, 1, zones, 0, size - 1);
        size--;
    }
}
