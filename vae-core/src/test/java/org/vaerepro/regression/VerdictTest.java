package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaerepro.experiment.PublishedMargins;
import org.vaerepro.experiment.ReportedValues;
import org.vaerepro.statistics.SampleSummary;

/** Published-table verdicts on hand-made intervals, and the bottleneck claim's Welch steps. */
class VerdictTest {
    private static final ReportedValues TABLE = new ReportedValues(15.0, 0.20, "table");
    private static final PublishedMargins MARGINS = PublishedMargins.DEFAULT;

    /** Three seeds at mean - d, mean, mean + d: sd d, half-width t(0.975, 2)·d/√3. */
    private static SampleSummary around(double mean, double spread) {
        return SampleSummary.of(new double[] {mean - spread, mean, mean + spread}, 0.95);
    }

    @Test
    void psnrVerdictsFollowTheWholeInterval() {
        // spread 0.05 -> half-width 4.3027 * 0.05 / sqrt(3) = 0.124 dB
        assertEquals(PublishedVerdict.BEATS, PublishedTableRule.psnr(around(15.8, 0.05), TABLE, MARGINS).verdict());
        // Better than reported but inside the margin: a match, not "beats" (the verdicts are a partition).
        assertEquals(PublishedVerdict.MATCHES, PublishedTableRule.psnr(around(15.3, 0.05), TABLE, MARGINS).verdict());
        // Better, with the interval crossing the margin's upper edge: undecided.
        assertEquals(PublishedVerdict.UNDECIDED, PublishedTableRule.psnr(around(15.45, 0.05), TABLE, MARGINS).verdict());
        assertEquals(PublishedVerdict.MATCHES, PublishedTableRule.psnr(around(15.0, 0.05), TABLE, MARGINS).verdict());
        assertEquals(PublishedVerdict.MATCHES, PublishedTableRule.psnr(around(14.7, 0.05), TABLE, MARGINS).verdict());
        assertEquals(PublishedVerdict.MISSES, PublishedTableRule.psnr(around(14.2, 0.05), TABLE, MARGINS).verdict());
        // A wide interval straddling the margin's edge decides nothing.
        assertEquals(PublishedVerdict.UNDECIDED, PublishedTableRule.psnr(around(14.6, 0.3), TABLE, MARGINS).verdict());
        // One seed: no interval, no verdict.
        SampleSummary one = SampleSummary.of(new double[] {20}, 0.95);
        assertEquals(PublishedVerdict.UNDECIDED, PublishedTableRule.psnr(one, TABLE, MARGINS).verdict());
        assertTrue(PublishedTableRule.psnr(one, TABLE, MARGINS).describe().contains("1 seed, no interval"));
    }

    @Test
    void lpipsIsBetterWhenLower() {
        // spread 0.002 -> half-width 4.3027 * 0.002 / sqrt(3) = 0.0050
        assertEquals(PublishedVerdict.BEATS, PublishedTableRule.lpips(around(0.17, 0.002), TABLE, MARGINS).verdict());
        assertEquals(PublishedVerdict.MATCHES, PublishedTableRule.lpips(around(0.185, 0.002), TABLE, MARGINS).verdict());
        assertEquals(PublishedVerdict.MATCHES, PublishedTableRule.lpips(around(0.205, 0.002), TABLE, MARGINS).verdict());
        assertEquals(PublishedVerdict.MISSES, PublishedTableRule.lpips(around(0.25, 0.002), TABLE, MARGINS).verdict());
        String text = PublishedTableRule.lpips(around(0.25, 0.002), TABLE, MARGINS).describe();
        assertTrue(text.startsWith("LPIPS 0.2000 reported, 0.2500 ± 0.0050 (3 seeds), margin 0.02: misses"), text);
    }

    @Test
    void bottleneckStepsAreWelchTestsInTheClaimedDirection() {
        List<BottleneckClaim.Step> steps = threeSizes();
        assertEquals(4, steps.size());
        // PSNR 2 -> 10: SciPy one-sided p 0.0146 < 0.05.
        assertEquals(ClaimVerdict.HOLDS, steps.get(0).verdict());
        assertEquals(0.014622580670054576, steps.get(0).test().pGreater(), 1e-9);
        // LPIPS rises clearly from d = 2 to 10: against the claim.
        assertEquals(ClaimVerdict.CONTRADICTED, steps.get(1).verdict());
        assertEquals(ClaimVerdict.NOT_SHOWN, steps.get(2).verdict());
        assertTrue(steps.get(0).describe().startsWith("d=2→10 PSNR: difference +0.7250, Welch t 3.53"), steps.get(0).describe());
        List<BottleneckClaim.Step> oneSeed = oneSeedEach();
        assertEquals(ClaimVerdict.NOT_SHOWN, oneSeed.get(0).verdict());
        assertNull(oneSeed.get(0).test());
    }

    @Test
    void familyWiseVerdictsAdjustEveryTestedStepOfEveryColumnByHolm() {
        List<BottleneckClaim.Step> tested = threeSizes();
        List<BottleneckClaim.Step> untested = oneSeedEach();
        List<List<BottleneckClaim.Step>> family = BottleneckClaim.acrossFamily(List.of(untested, tested));

        assertEquals(untested, family.get(0), "a step without a test is not part of the family");
        List<BottleneckClaim.Step> adjusted = family.get(1);
        // SciPy ttest_ind(equal_var=False) two-sided p: 0.029245, 0.0024173, 0.88140, 1.0; Holm over 4:
        // 0.0024173 x 4 = 0.0096691, 0.029245 x 3 = 0.087735, then 1.0 (capped) and 1.0.
        assertEquals(0.0877355, adjusted.get(0).familyWise().adjustedP(), 1e-6);
        assertEquals(0.0096691, adjusted.get(1).familyWise().adjustedP(), 1e-6);
        assertEquals(1.0, adjusted.get(2).familyWise().adjustedP(), 1e-12);
        assertEquals(1.0, adjusted.get(3).familyWise().adjustedP(), 1e-12);
        // The PSNR step holds on its own test but not once four tests are counted; the LPIPS rise survives.
        assertEquals(ClaimVerdict.HOLDS, adjusted.get(0).verdict());
        assertEquals(ClaimVerdict.NOT_SHOWN, adjusted.get(0).familyWise().verdict());
        assertEquals(ClaimVerdict.CONTRADICTED, adjusted.get(1).familyWise().verdict());
        assertEquals(4, adjusted.get(1).familyWise().tests());
        assertTrue(adjusted.get(0).describe().endsWith("holds; family-wise (Holm over 4 tested steps) p 0.0877: not shown"),
                adjusted.get(0).describe());
    }

    /** d = 2, 10, 16 with 4, 3, 3 seeds: PSNR up then flat, LPIPS clearly up then flat (SciPy values above). */
    private static List<BottleneckClaim.Step> threeSizes() {
        return BottleneckClaim.steps(List.of(
                new BottleneckClaim.Size(2, new double[] {13.1, 13.4, 12.9, 13.3}, new double[] {0.20, 0.21, 0.19, 0.20}),
                new BottleneckClaim.Size(10, new double[] {13.9, 14.2, 13.6}, new double[] {0.25, 0.26, 0.24}),
                new BottleneckClaim.Size(16, new double[] {13.0, 15.0, 14.0}, new double[] {0.24, 0.26, 0.25})));
    }

    /** Two sizes with one seed each: nothing to test. */
    private static List<BottleneckClaim.Step> oneSeedEach() {
        return BottleneckClaim.steps(List.of(
                new BottleneckClaim.Size(2, new double[] {13}, new double[] {0.2}),
                new BottleneckClaim.Size(10, new double[] {14}, new double[] {0.1})));
    }

    /** Messages and pages concatenate verdicts: they print as their words, and a published verdict says its rule. */
    @Test
    void verdictsPrintAsTheirWords() {
        assertEquals("not shown", ClaimVerdict.NOT_SHOWN.toString());
        assertEquals("undecided", PublishedVerdict.UNDECIDED.toString());
        assertEquals("the whole interval lies within the margin of the reported value",
                PublishedVerdict.MATCHES.definition());
    }
}
