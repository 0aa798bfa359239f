/**
 * Customs declarations as customs knows them (number, type, enterprise, direction, lane, vehicles, containers),
 * taken in from the declaration systems. A re-post of a number is a newer version, never a duplicate.
 * Publishes {@link io.epewatch.declaration.DeclarationChanged}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "kernel", "registry"})
package io.epewatch.declaration;
