package io.epewatch.registry;

import java.util.List;

/**
 * Whether a place the law requires watched is watched (R1.1, R1.3): every gate, warehouse door and yard needs at least
 * one camera in service with an address customs can connect to (R1.7). Cameras inside a warehouse are optional
 * ("if any", R1.3), and other required cameras need no online link, so neither kind can have a gap.
 *
 * @param cameras the numbers of the cameras in service there that customs can connect to
 * @param gap     why the place is not watched, or null when it is
 */
public record Coverage(long locationId, String location, LocationKind kind, List<String> cameras, Gap gap) {

    public enum Gap {
        /** No camera at all is numbered there on the site diagram. */
        NO_CAMERA,
        /** Its cameras are all retired. */
        ALL_RETIRED,
        /** Its cameras have no address customs could connect to. */
        NO_ADDRESS
    }

    /** The kinds of place that must have a camera linked online. */
    public static boolean required(LocationKind kind) {
        return kind == LocationKind.GATE || kind == LocationKind.WAREHOUSE_GATE || kind == LocationKind.YARD;
    }

    /** The coverage of one place from all the cameras numbered there. */
    static Coverage of(Location location, List<Camera> there) {
        List<String> watching = there.stream()
                .filter(c -> !c.retired() && (c.onvifUrl() != null || c.snapshotUrl() != null || c.streamUrl() != null))
                .map(Camera::number).sorted().toList();
        Gap gap = null;
        if (watching.isEmpty()) {
            gap = there.isEmpty() ? Gap.NO_CAMERA : there.stream().allMatch(Camera::retired) ? Gap.ALL_RETIRED : Gap.NO_ADDRESS;
        }
        return new Coverage(location.id(), location.name(), location.kind(), watching, gap);
    }
}
