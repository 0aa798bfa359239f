package io.epewatch.registry;

import java.util.Set;

/** A location to add to the site diagram. */
public record LocationInput(String name, LocationKind kind, Set<GoodsKind> goods) {
}
