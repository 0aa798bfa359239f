/**
 * The demo profile ({@code --spring.profiles.active=demo}): one sub-department, two EPEs with numbered cameras,
 * demo users and an integration token, a few declarations, and a generator of gate traffic so that warnings
 * appear within a minute. Never active in production.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "clearance", "declaration", "gate", "identity", "intake", "kernel", "recognition", "registry",
        "simulator", "tracking"})
package io.epewatch.demo;
