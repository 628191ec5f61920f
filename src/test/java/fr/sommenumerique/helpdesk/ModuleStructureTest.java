package fr.sommenumerique.helpdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the feature packages apart: modules only use each other's top-level (public) API, never internal
 * sub-packages, there are no cycles, and the channels (mail, telegram) never reach into each other.
 */
class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(HelpdeskApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        modules.verify();
    }

    @Test
    void writes_the_module_documentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
