/**
 * Monthly supervision plans (R4.1–R4.3): every EPE of a sub-department checked at a set date and time within the
 * unit's working hours, spread over the month and the officers' capacity, with unscheduled checks drawn more often
 * for riskier enterprises ({@link io.epewatch.planning.PlanGenerator}); the head adjusts and exports the plan, officers
 * record each check on the checklist. {@link io.epewatch.planning.SupervisionPlans} is its API; the risk of an
 * enterprise comes through the {@link io.epewatch.planning.EnterpriseRiskScores} port.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "identity", "kernel", "registry"})
package io.epewatch.planning;
