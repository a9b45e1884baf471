package dev.tandem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * The diagrams and canvases in docs/modules follow the code. The Documenter writes their lines in a
     * different order from one run to the next, so it writes to a scratch folder, and a file in docs/modules
     * is replaced only when its lines changed, not just their order: a test run leaves the tree clean.
     */
    @Test
    void moduleDiagramIsWrittenToDocs(@TempDir Path scratch) throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(scratch.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        Path docs = Files.createDirectories(Path.of("docs/modules"));
        try (Stream<Path> written = Files.list(scratch)) {
            for (Path file : written.toList()) {
                Path kept = docs.resolve(file.getFileName());
                if (!Files.exists(kept) || !sameLines(kept, file)) {
                    Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertThat(docs.resolve("components.puml")).isNotEmptyFile();
        for (var module : MODULES) {
            assertThat(docs.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
        }
    }

    /** The same lines in any order; a canvas's list opens its table cell ("|* a"), whichever item comes first. */
    private static boolean sameLines(Path a, Path b) throws IOException {
        return lines(a).equals(lines(b));
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(line.startsWith("|* ") ? line.substring(1) : line);
        }
        Collections.sort(lines);
        return lines;
    }
}
