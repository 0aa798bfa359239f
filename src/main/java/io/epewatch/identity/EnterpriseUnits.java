package io.epewatch.identity;

import java.util.Optional;

/**
 * Which sub-department manages an enterprise. Implemented by the registry, so that identity can let a unit admin
 * create accounts for the enterprises of their own unit without depending on the registry.
 */
public interface EnterpriseUnits {

    Optional<Long> managingUnit(String enterpriseTaxCode);
}
