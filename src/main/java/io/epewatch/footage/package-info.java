/**
 * Automatic clips (issue 20, R2.2): every gate passage a camera saw, and every warning about a passage, keeps a short
 * clip of the camera's footage — {@code before} and {@code after} the moment (10 s each) — as evidence linked to the
 * passage, from the camera's recent footage or, when that is gone, from its recorder. The clip follows the evidence
 * rules: kept 12 months, held while a case about the passage is open.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "camera", "camera :: archive", "evidence", "gate", "identity", "kernel", "registry", "risk"})
package io.epewatch.footage;
