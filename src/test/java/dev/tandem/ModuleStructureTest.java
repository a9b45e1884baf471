package dev.tandem;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Modules talk only through each other's top-level (public API) types, without cycles. Seen to
 * fail when web used workspace.internal.WorkspaceRepository directly.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(TandemApplication.class);

    @Test
    void modulesUseOnlyEachOthersPublicTypes() {
        MODULES.verify();
    }

    @Test
    void moduleDiagramIsWrittenToDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
