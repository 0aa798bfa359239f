/**
 * Warnings worked as cases (R4.6–R4.8): an officer takes a warning, analyses it against the declaration, route,
 * travel time and camera images and proposes the handling; suspected fraud is escalated to the head, who orders an
 * inspection and closes the case with its outcome. Every transition is kept and audited; the evidence of the
 * warning's passage is put on legal hold. Publishes no event: nothing else acts on a decided case yet (a case event
 * with no listener was removed, issue 18).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "declaration", "evidence", "footage", "gate", "identity", "kernel", "recognition", "registry", "risk",
        "tracking"})
package io.epewatch.casework;
