package org.vaerepro;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering of vae-core as rules that fail the build (ArchUnit): no package cycles, {@code experiment}
 * below {@code session}, {@code report} and {@code regression}, no Maven types, and no reads of system
 * properties or environment variables (settings arrive through {@code session.SessionSettings}).
 */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vaerepro");
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("org.vaerepro.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void experimentsDoNotKnowTheLayersAboveThem() {
        noClasses().that().resideInAPackage("org.vaerepro.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vaerepro.session..", "org.vaerepro.report..",
                        "org.vaerepro.regression..", "org.vaerepro.bench..")
                .check(core);
    }

    @Test
    void onlyTheBenchmarksMayUseTheSessionAndNothingUsesTheBenchmarks() {
        noClasses().that().resideOutsideOfPackages("org.vaerepro.session..")
                .should().dependOnClassesThat().resideInAPackage("org.vaerepro.session..").check(core);
        noClasses().that().resideOutsideOfPackages("org.vaerepro.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.vaerepro.bench..").check(core);
    }

    @Test
    void theLowestLayersDependOnNothingAboveThem() {
        String[] above = {"org.vaerepro.data..", "org.vaerepro.model..", "org.vaerepro.train..", "org.vaerepro.metrics..",
            "org.vaerepro.latent..", "org.vaerepro.viz..", "org.vaerepro.experiment..", "org.vaerepro.regression..",
            "org.vaerepro.report..", "org.vaerepro.session..", "org.vaerepro.bench.."};
        noClasses().that().resideInAnyPackage("org.vaerepro.io..", "org.vaerepro.provenance..",
                "org.vaerepro.statistics..").should().dependOnClassesThat().resideInAnyPackage(above).check(core);
    }

    @Test
    void coreSpeaksNoMaven() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.maven..").check(core);
    }

    @Test
    void coreReadsNoSystemPropertyOrEnvironmentVariable() {
        ArchRule rule = noClasses().should().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .orShould().callMethod(System.class, "getProperties")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(Integer.class, "getInteger", String.class)
                .orShould().callMethod(Boolean.class, "getBoolean", String.class);
        rule.check(core);
    }

    @Test
    void theRulesSeeTheWholeCore() {
        // A rule over an empty import passes vacuously: make sure every package was imported.
        List<String> packages = core.stream().map(c -> c.getPackageName()).distinct().sorted().toList();
        for (String expected : List.of("bench", "data", "experiment", "io", "latent", "metrics", "model", "provenance",
                "regression", "report", "session", "statistics", "train", "viz")) {
            assertTrue(packages.contains("org.vaerepro." + expected), "not imported: " + expected + " in " + packages);
        }
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws Exception {
        Path sources = Path.of("src/main/java/org/vaerepro");
        try (Stream<Path> dirs = Files.list(sources)) {
            List<Path> undocumented = dirs.filter(Files::isDirectory)
                    .filter(d -> !Files.isRegularFile(d.resolve("package-info.java"))).toList();
            assertEquals(List.of(), undocumented, "packages without package-info.java");
        }
    }
}
