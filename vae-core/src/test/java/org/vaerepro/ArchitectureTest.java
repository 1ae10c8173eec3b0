package org.vaerepro;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaerepro.experiment.ExperimentResult;
import org.vaerepro.experiment.ExperimentSpec;
import org.vaerepro.experiment.RunStatus;
import org.vaerepro.experiment.SuiteResults;
import org.vaerepro.regression.BaselineCheck;
import org.vaerepro.regression.BottleneckClaim;
import org.vaerepro.regression.PublishedTableRule;
import org.vaerepro.statistics.HolmAdjustment;
import org.vaerepro.statistics.PairedTest;
import org.vaerepro.statistics.SampleSummary;
import org.vaerepro.statistics.WelchTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering of vae-core as rules that fail the build (ArchUnit): no package cycles, {@code experiment}
 * below {@code session}, {@code report} and {@code regression}, no Maven types, and no reads of system
 * properties or environment variables (settings arrive through {@code session.SessionSettings}); and the rules of
 * one concept in one place: only {@link RunStatus} reads metrics.json to decide whether a result is current, and no
 * class outside {@code regression} computes a verdict or summarises results. Each of those three is also shown to fail on a planted
 * violation (the resource {@code PlantedViolations.java.txt}, compiled by the test), so neither passes vacuously.
 */
class ArchitectureTest {
    private static JavaClasses core;
    @TempDir
    Path plantedDirectory;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vaerepro");
    }

    /** Whether a result is current is {@link RunStatus}'s answer alone: nothing else reads metrics.json to decide. */
    static final ArchRule ONE_RESULT_STATUS = noClasses().that().doNotHaveFullyQualifiedName(RunStatus.class.getName())
            .should().callMethod(ExperimentResult.class, "read", Path.class)
            .because("RunStatus is the one place that decides whether a result is current");

    /** Verdicts, claims and baseline windows are computed in {@code regression} alone; the others render or assert them. */
    static final ArchRule ONE_JUDGEMENT = noClasses().that()
            .resideOutsideOfPackages("org.vaerepro.regression..", "org.vaerepro.statistics..")
            .should().callMethodWhere(target(owner(assignableTo(PublishedTableRule.class)
                    .or(assignableTo(BottleneckClaim.class)).or(assignableTo(WelchTest.class))
                    .or(assignableTo(PairedTest.class)).or(assignableTo(HolmAdjustment.class)))))
            .orShould().callMethodWhere(target(owner(assignableTo(BaselineCheck.class)))
                    .and(target(name("windows").or(name("psnrPredictionWindow")).or(name("lpipsPredictionWindow")))))
            .because("the judgement of results is computed in one place, regression.SuiteJudgement and its rules");

    /**
     * Results are summarised (over seeds, per experiment) in {@code regression} alone, into the judgement every view
     * renders: nothing else takes an experiment's current results or builds a summary of them. The benchmark programs
     * ({@code bench}) summarise their own timings, which are no experiment's results.
     */
    static final ArchRule ONE_SUMMARY = noClasses().that()
            .resideOutsideOfPackages("org.vaerepro.regression..", "org.vaerepro.statistics..", "org.vaerepro.bench..")
            .should().callMethod(SampleSummary.class, "of", double[].class, double.class)
            .orShould().callMethod(SuiteResults.class, "current", ExperimentSpec.class)
            .because("per-experiment summaries of results are part of the one judgement, regression.SuiteJudgement");

    @Test
    void noClassOutsideRegressionSummarisesResults() {
        ONE_SUMMARY.check(core);
    }

    @Test
    void onlyTheRunStatusDecidesWhetherAResultIsCurrent() {
        ONE_RESULT_STATUS.check(core);
    }

    @Test
    void noClassOutsideRegressionComputesAVerdict() {
        ONE_JUDGEMENT.check(core);
    }

    @Test
    void theOnePlaceRulesFailOnAPlantedViolation() throws IOException {
        JavaClasses planted = new ClassFileImporter().importPath(compiledPlantedViolations());
        AssertionError status = assertThrows(AssertionError.class, () -> ONE_RESULT_STATUS.check(planted));
        assertTrue(status.getMessage().contains("PlantedViolations.isCurrent"), status.getMessage());
        AssertionError judgement = assertThrows(AssertionError.class, () -> ONE_JUDGEMENT.check(planted));
        assertTrue(judgement.getMessage().contains("PlantedViolations.verdict")
                && judgement.getMessage().contains("PlantedViolations.claim"), judgement.getMessage());
        AssertionError summary = assertThrows(AssertionError.class, () -> ONE_SUMMARY.check(planted));
        assertTrue(summary.getMessage().contains("PlantedViolations.summary"), summary.getMessage());
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
                "org.vaerepro.statistics..", "org.vaerepro.settings..").should().dependOnClassesThat()
                .resideInAnyPackage(above).check(core);
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
                "regression", "report", "session", "settings", "statistics", "train", "viz")) {
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

    /** The planted violations compiled against the test class path into a folder of their own. */
    private Path compiledPlantedViolations() throws IOException {
        Path source = plantedDirectory.resolve("src/org/vaerepro/PlantedViolations.java");
        Files.createDirectories(source.getParent());
        try (InputStream in = ArchitectureTest.class.getResourceAsStream("PlantedViolations.java.txt")) {
            Files.copy(java.util.Objects.requireNonNull(in, "resource PlantedViolations.java.txt"), source);
        }
        Path classes = Files.createDirectories(plantedDirectory.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
        assertEquals(0, status, "javac on the planted violations");
        return classes;
    }
}
