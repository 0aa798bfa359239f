/**
 * Declarations processed by this system (Decree 87/2012, R5.1–R5.8), on the model of VNACCS: a declarant files a
 * declaration (IDA/EDA: provisional registration, a number and the computed values come back), registers it officially
 * (IDC/EDC: the lane is assigned with its explanation), and customs checks documents (yellow), orders and records the
 * physical inspection (red), clears and releases the goods and confirms they passed the supervised area. Every state
 * it reaches is written through to the {@code declaration} module, so the gate analysis knows each declaration's lane.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "calendar", "declaration", "evidence", "identity", "incident", "intake", "kernel", "registry",
        "risk"})
package io.epewatch.clearance;
