package io.epewatch.registry;

import java.util.Optional;

import io.epewatch.identity.EnterpriseUnits;
import org.springframework.stereotype.Component;

/** Tells identity which sub-department manages an enterprise, for delegated administration of EPE accounts (R6.3). */
@Component
class ManagingUnits implements EnterpriseUnits {

    private final Enterprises enterprises;

    ManagingUnits(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @Override
    public Optional<Long> managingUnit(String enterpriseTaxCode) {
        return enterprises.findForSystem(enterpriseTaxCode).map(Enterprise::managingUnitId);
    }
}
