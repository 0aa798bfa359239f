package io.epewatch;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries honest: a module that reaches into another's internals fails the build. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(EpeWatchApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicTypes() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
