package dev.tandem;

import java.nio.file.Path;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules talk only through each other's top-level (public API) types, without cycles. Seen to
 * fail when web used workspace.internal.WorkspaceRepository directly.
 */
class ModuleStructureTest {

    // only the application's own classes: ArchUnit recognises test classes by a target/test-classes
    // path, which a build with -Dtandem.build.dir=elsewhere does not have
    private static final ApplicationModules MODULES = ApplicationModules.of(TandemApplication.class,
            DescribedPredicate.describe("test classes", (JavaClass type) -> type.getSource()
                    .map(source -> source.getUri().toString().contains("test-classes")).orElse(false)));

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

        assertThat(Path.of("docs/modules/components.puml")).isNotEmptyFile();
        for (var module : MODULES) {
            assertThat(Path.of("docs/modules/module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
        }
    }
}
