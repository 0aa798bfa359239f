/**
 * Shared kernel: the customs value types every module speaks ({@link io.epewatch.kernel.TaxCode},
 * {@link io.epewatch.kernel.PlateNumber}, {@link io.epewatch.kernel.ContainerNumber}) and the one way bad
 * input is reported ({@link io.epewatch.kernel.InvalidInputException}).
 * Its sub-packages hold platform plumbing (database start-up, error rendering) that no module calls directly.
 * An open module: every module may use it (and lists it among its allowed dependencies); it depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package io.epewatch.kernel;
