package org.vaerepro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vaerepro.experiment.NotTrainedException;
import org.vaerepro.regression.MissingBaselineException;

/** Core messages name settings and steps; the plugin adds the Maven way to act on them. */
class MavenHintsTest {
    @Test
    void aSettingNamedByTheCoreGetsItsProperty() {
        String explained = MavenHints.explain(new IllegalArgumentException("LPIPS weights not found at /x.npz: "
                + "expected the AlexNet v0.1 file. Point the setting 'lpipsWeights' at it."));
        assertTrue(explained.startsWith("LPIPS weights not found at /x.npz"), explained);
        assertTrue(explained.contains("-Dvae.lpipsWeights=... or <lpipsWeights>"), explained);
    }

    @Test
    void stepsBecomeGoals() {
        assertTrue(MavenHints.explain(new NotTrainedException("a", Path.of("out/a/model.zip")))
                .contains("run vae:train (or vae:reproduce) first"));
        assertTrue(MavenHints.explain(new MissingBaselineException(Path.of("baselines/ci.json"), null))
                .contains("vae:baseline -Dvae.suite="));
    }

    @Test
    void aMessageWithNothingToAddStaysAsItIs() {
        assertEquals("boom", MavenHints.explain(new IllegalStateException("boom")));
    }
}
