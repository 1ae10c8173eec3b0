package org.vaerepro.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.vaerepro.regression.GateCheck;
import org.vaerepro.regression.Judgement;
import org.vaerepro.session.SessionSettings;
import org.vaerepro.session.SuiteSession;
import org.vaerepro.settings.Setting;

/**
 * A suite judged for the gate, as dynamic tests: one container for the suite, one per kind of check, one test per
 * check named like the table it checks; a failed check fails its test with what is wrong and, for a baseline or a
 * recorded verdict, the command that records it again. Asserts what the session judged (the judgement.json it wrote
 * and read back); decides nothing itself.
 */
public final class GateTests {
    private final Judgement judgement;
    private final Path judgementFile;
    private final GateSettings settings;

    private GateTests(Judgement judgement, Path judgementFile, GateSettings settings) {
        this.judgement = judgement;
        this.judgementFile = judgementFile;
        this.settings = settings;
    }

    static GateTests judge(GateSettings settings) {
        SuiteSession session = new SuiteSession(SessionSettings.from(settings), line -> { });
        Judgement judgement = session.judge(new SuiteSession.GateFiles(settings.baseline(), settings.verdictRecord()));
        return new GateTests(judgement, session.layout().judgement(judgement.judged().suite()), settings);
    }

    /** The judgement the tests assert. */
    public Judgement judgement() {
        return judgement;
    }

    /** The suite's container of containers of tests. */
    public Stream<DynamicNode> tests() {
        Map<GateCheck.Kind, List<DynamicNode>> byKind = new LinkedHashMap<>();
        for (GateCheck check : judgement.gate().checks()) {
            byKind.computeIfAbsent(check.kind(), k -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(check.name(), () -> assertPassed(check)));
        }
        List<DynamicNode> kinds = new ArrayList<>();
        kinds.add(DynamicTest.dynamicTest("the gate checks something", () -> Assertions.assertFalse(
                judgement.gate().checks().isEmpty(), "the gate of suite " + judgement.judged().suite() + " made no check: "
                        + "no run selected, no baseline, no published cell, no tested claim step (" + judgementFile + ")")));
        byKind.forEach((kind, tests) -> kinds.add(DynamicContainer.dynamicContainer(title(kind), tests)));
        return Stream.of(DynamicContainer.dynamicContainer("suite " + judgement.judged().suite() + " ("
                + judgement.gate().summary() + ")", kinds));
    }

    private void assertPassed(GateCheck check) {
        if (check.passed()) {
            return;
        }
        String hint = check.kind() != GateCheck.Kind.CURRENT_RESULT && check.kind() != GateCheck.Kind.PUBLISHED_CELL
                && check.kind() != GateCheck.Kind.CLAIM_STEP
                ? "\nif the change is deliberate, review the new numbers, then record them again with: mvn vae:baseline"
                        + " -D" + Setting.SUITE_FILE.property() + "=" + settings.suiteFile() + " -D"
                        + Setting.OUTPUT_DIRECTORY.property() + "=" + settings.outputDirectory()
                : "";
        Assertions.fail(check.name() + ": " + check.detail() + hint + "\n(judgement: " + judgementFile + ")");
    }

    private static String title(GateCheck.Kind kind) {
        return switch (kind) {
            case CURRENT_RESULT -> "current results";
            case BASELINE -> "baseline";
            case TRAJECTORY -> "early-step trajectories";
            case REFERENCE_MODEL -> "reference models";
            case PUBLISHED_CELL -> "published cells";
            case CLAIM_STEP -> "bottleneck claim";
            case RECORDED_VERDICT -> "recorded verdicts";
        };
    }
}
