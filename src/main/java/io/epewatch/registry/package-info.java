/**
 * The registry of export processing enterprises: their managing sub-department, storage and gate locations and
 * numbered cameras (the site diagram, R1.1, R1.4), whether each camera must be connected online (R1.7) and how
 * its declared specs hold against Appendix I (R1.8). {@link io.epewatch.registry.Enterprises} is its API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "kernel"})
package io.epewatch.registry;
