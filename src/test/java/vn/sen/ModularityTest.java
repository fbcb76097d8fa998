package vn.sen;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SenApplication.class);

    @Test
    void module_boundaries_are_respected() {
        MODULES.verify();
    }

    @Test
    void module_documentation_is_written() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
