package io.epewatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries honest: a module that reaches into another's internals, or depends on a module its
 * {@code package-info.java} does not allow (the arrows of docs/architecture.md), fails the build.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(EpeWatchApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicTypesAndAllowedModules() {
        modules.verify();
    }

    @Test
    @DisplayName("every module says which modules it may depend on, so a new arrow is a decision in review, not an accident")
    void everyModuleDeclaresItsDependencies() throws ClassNotFoundException {
        List<String> undeclared = new java.util.ArrayList<>();
        for (var module : modules) {
            String pkg = module.getBasePackage().getName();
            ApplicationModule declared = Class.forName(pkg + ".package-info").getAnnotation(ApplicationModule.class);
            if (declared == null || declared.allowedDependencies().length == 1
                    && ApplicationModule.OPEN_TOKEN.equals(declared.allowedDependencies()[0])) {
                undeclared.add(pkg);
            }
        }
        assertThat(undeclared).isEmpty();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
