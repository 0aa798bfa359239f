package io.epewatch.registry;

import java.util.Set;

/** A place on the site diagram that cameras watch (R1.4). */
public record Location(long id, long enterpriseId, String name, LocationKind kind, Set<GoodsKind> goods) {
}
