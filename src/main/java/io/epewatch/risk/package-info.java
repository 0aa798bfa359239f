/**
 * The risk engine (R4.5): an ordered list of rules, each a small pure class, evaluated on every fact that arrives,
 * 24/7; the warnings they raise and how data later resolves them. Publishes {@link io.epewatch.risk.WarningRaised}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "camera", "cargo", "cluster", "declaration", "evidence", "gate", "identity", "kernel", "registry", "tracking"})
package io.epewatch.risk;
