/**
 * Warnings worked as cases (R4.6–R4.8): an officer takes a warning, analyses it against the declaration, route,
 * travel time and camera images and proposes the handling; suspected fraud is escalated to the head, who orders an
 * inspection and closes the case with its outcome. Every transition is kept and audited; the evidence of the
 * warning's passage is put on legal hold. Publishes {@link io.epewatch.casework.CaseDecided}.
 */
package io.epewatch.casework;
