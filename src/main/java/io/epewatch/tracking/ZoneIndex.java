package io.epewatch.tracking;

import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which geofence a point lies in: an R-tree of prepared polygons, built once per change of the geofences and then
 * read without locks. Where zones overlap (an EPE inside an industrial zone) the smallest wins.
 */
final class ZoneIndex {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private record Zone(String code, PreparedGeometry shape, double area) {
    }

    private final STRtree tree = new STRtree();

    ZoneIndex(List<Geofence> geofences) {
        for (Geofence g : geofences) {
            Polygon polygon = polygon(g.ring());
            tree.insert(polygon.getEnvelopeInternal(), new Zone(g.code(), PreparedGeometryFactory.prepare(polygon), polygon.getArea()));
        }
        tree.build();
    }

    /** The code of the smallest geofence containing the point, or null. */
    String zoneOf(double lat, double lon) {
        Point point = GEOMETRY.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<Zone> candidates = tree.query(point.getEnvelopeInternal());
        return candidates.stream().filter(z -> z.shape().covers(point)).min(Comparator.comparingDouble(Zone::area)
                .thenComparing(Zone::code)).map(Zone::code).orElse(null);
    }

    /** The polygon of a ring of {@code [lon, lat]} corners. */
    static Polygon polygon(List<List<Double>> ring) {
        Coordinate[] corners = ring.stream().map(c -> new Coordinate(c.get(0), c.get(1))).toArray(Coordinate[]::new);
        return GEOMETRY.createPolygon(corners);
    }

    /** Why a ring cannot be a geofence, or null when it can. */
    static String problem(List<List<Double>> ring) {
        if (ring == null || ring.size() < 4) {
            return "needs at least 3 corners and the first repeated as the last";
        }
        for (List<Double> corner : ring) {
            if (corner == null || corner.size() != 2 || corner.get(0) == null || corner.get(1) == null) {
                return "each corner is [longitude, latitude]";
            }
            if (Math.abs(corner.get(0)) > 180 || Math.abs(corner.get(1)) > 90) {
                return "a corner lies outside longitude −180…180 or latitude −90…90 (is the order [longitude, latitude]?)";
            }
        }
        if (!ring.getFirst().equals(ring.getLast())) {
            return "must be closed: repeat the first corner as the last";
        }
        Geometry polygon = polygon(ring);
        if (!polygon.isValid()) {
            return "crosses itself";
        }
        return polygon.getArea() == 0 ? "has no area" : null;
    }
}
