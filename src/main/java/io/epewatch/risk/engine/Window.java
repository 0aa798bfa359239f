package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts of one kind kept in event-time order and indexed by the plates and containers they name, until they are
 * older than the retention: the reason the engine's memory stays flat over weeks.
 */
final class Window<T> {

    private record Entry<T>(Instant at, T value, Collection<String> keys) {
    }

    private final ArrayList<Entry<T>> byTime = new ArrayList<>();
    private final Map<String, List<Entry<T>>> byKey = new HashMap<>();

    void add(Instant at, T value, Collection<String> keys) {
        Entry<T> entry = new Entry<>(at, value, keys);
        byTime.add(indexAfter(at), entry);
        for (String key : keys) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(entry);
        }
    }

    /** Removes the (one) entry holding {@code value}, as when a document is replaced by its next version. */
    void remove(T value) {
        for (int i = 0; i < byTime.size(); i++) {
            Entry<T> entry = byTime.get(i);
            if (entry.value() == value) {
                byTime.remove(i);
                unindex(entry);
                return;
            }
        }
    }

    /** Values naming {@code key} whose time lies in [from, to], oldest first. */
    List<T> withKey(String key, Instant from, Instant to) {
        List<Entry<T>> entries = byKey.get(key);
        if (entries == null) {
            return List.of();
        }
        List<Entry<T>> inside = new ArrayList<>(2);
        for (Entry<T> entry : entries) {
            if (!entry.at().isBefore(from) && !entry.at().isAfter(to)) {
                inside.add(entry);
            }
        }
        inside.sort(java.util.Comparator.comparing(Entry::at)); // stable: equal times keep arrival order
        return inside.stream().map(Entry::value).toList();
    }

    /** Values whose time lies in [from, to], oldest first. */
    List<T> between(Instant from, Instant to) {
        List<T> found = new ArrayList<>();
        for (int i = indexBefore(from); i < byTime.size() && !byTime.get(i).at().isAfter(to); i++) {
            found.add(byTime.get(i).value());
        }
        return found;
    }

    /** Forgets everything older than {@code cutoff}. */
    void expireBefore(Instant cutoff) {
        int end = indexBefore(cutoff);
        for (int i = 0; i < end; i++) {
            unindex(byTime.get(i));
        }
        byTime.subList(0, end).clear();
    }

    int size() {
        return byTime.size();
    }

    private void unindex(Entry<T> entry) {
        for (String key : entry.keys()) {
            List<Entry<T>> list = byKey.get(key);
            if (list != null) {
                list.remove(entry);
                if (list.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
    }

    /** The first index whose time is not before {@code at}. */
    private int indexBefore(Instant at) {
        int lo = 0;
        int hi = byTime.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byTime.get(mid).at().isBefore(at)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose time is after {@code at}: equal times keep their arrival order. */
    private int indexAfter(Instant at) {
        int lo = 0;
        int hi = byTime.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byTime.get(mid).at().isAfter(at)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
