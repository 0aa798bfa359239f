package io.epewatch.identity;

/** A customs unit. Sub-departments hang under a department. */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId) {
}
