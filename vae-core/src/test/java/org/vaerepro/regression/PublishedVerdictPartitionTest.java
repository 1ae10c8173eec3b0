package org.vaerepro.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The published-table verdicts are a partition of intervals, for any interval, reported value and margin: each gets
 * exactly the verdict whose definition it meets (the definitions written out here, apart from the rule), better
 * intervals never get a worse verdict, a narrower interval keeps a decided verdict, and a lower-is-better metric is
 * the mirror image of a higher-is-better one.
 */
class PublishedVerdictPartitionTest {

    /** An interval [low, high] on a metric's scale, a reported value and a margin. */
    record Cell(double low, double high, double reported, double margin) {
    }

    @Provide
    Arbitrary<Cell> cells() {
        Arbitrary<Double> values = Arbitraries.doubles().between(-5, 5).ofScale(3);
        Arbitrary<Double> widths = Arbitraries.doubles().between(0, 4).ofScale(3);
        Arbitrary<Double> margins = Arbitraries.doubles().between(0, 2).ofScale(3);
        return Combinators.combine(values, widths, values, margins)
                .as((low, width, reported, margin) -> new Cell(low, low + width, reported, margin));
    }

    @Property(tries = 5000)
    void everyIntervalMeetsExactlyOneDefinitionAndGetsThatVerdict(@ForAll("cells") Cell cell) {
        for (TableMetric metric : TableMetric.values()) {
            // Signed distances in "better" units, as the verdicts' definitions read.
            double worst = metric.higherIsBetter() ? cell.low() - cell.reported() : cell.reported() - cell.high();
            double best = metric.higherIsBetter() ? cell.high() - cell.reported() : cell.reported() - cell.low();
            List<PublishedVerdict> met = new ArrayList<>();
            if (worst > cell.margin()) {
                met.add(PublishedVerdict.BEATS);
            }
            if (-cell.margin() <= worst && best <= cell.margin()) {
                met.add(PublishedVerdict.MATCHES);
            }
            if (best < -cell.margin()) {
                met.add(PublishedVerdict.MISSES);
            }
            if (met.isEmpty()) {
                met.add(PublishedVerdict.UNDECIDED);
            }
            assertEquals(1, met.size(), "definitions overlap for " + cell + ": " + met);
            assertEquals(met.get(0), verdict(cell, metric), cell + " " + metric);
        }
    }

    /** Misses below matches and undecided, which are below beats. */
    private static int rank(PublishedVerdict verdict) {
        return switch (verdict) {
            case MISSES -> 0;
            case MATCHES, UNDECIDED -> 1;
            case BEATS -> 2;
        };
    }

    @Property(tries = 3000)
    void aBetterIntervalNeverGetsAWorseVerdict(@ForAll("cells") Cell cell,
            @ForAll @DoubleRange(min = 0, max = 5) double shift) {
        Cell up = new Cell(cell.low() + shift, cell.high() + shift, cell.reported(), cell.margin());
        assertEquals(true, rank(verdict(up, TableMetric.PSNR)) >= rank(verdict(cell, TableMetric.PSNR)),
                cell + " shifted up by " + shift);
        assertEquals(true, rank(verdict(up, TableMetric.LPIPS)) <= rank(verdict(cell, TableMetric.LPIPS)),
                cell + " shifted up by " + shift + " (LPIPS: worse)");
    }

    @Property(tries = 3000)
    void aNarrowerIntervalKeepsADecidedVerdict(@ForAll("cells") Cell cell,
            @ForAll @DoubleRange(min = 0, max = 1) double fromLow, @ForAll @DoubleRange(min = 0, max = 1) double fromHigh) {
        double width = cell.high() - cell.low();
        double low = cell.low() + width * fromLow * 0.5;
        double high = cell.high() - width * fromHigh * 0.5;
        Cell inner = new Cell(low, Math.max(low, high), cell.reported(), cell.margin());
        for (TableMetric metric : TableMetric.values()) {
            PublishedVerdict outer = verdict(cell, metric);
            if (outer != PublishedVerdict.UNDECIDED) {
                assertEquals(outer, verdict(inner, metric), inner + " inside " + cell);
            }
        }
    }

    @Property(tries = 3000)
    void lowerIsBetterIsTheMirrorImage(@ForAll("cells") Cell cell) {
        Cell mirrored = new Cell(-cell.high(), -cell.low(), -cell.reported(), cell.margin());
        assertEquals(verdict(cell, TableMetric.PSNR), verdict(mirrored, TableMetric.LPIPS), cell.toString());
    }

    @Test
    void aReversedIntervalOrANegativeMarginIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PublishedTableRule.verdict(2, 1, 0, 0.5, TableMetric.PSNR));
        assertThrows(IllegalArgumentException.class, () -> PublishedTableRule.verdict(1, 2, 0, -0.5, TableMetric.PSNR));
    }

    @Test
    void theEdgesOfTheMarginBelongToMatches() {
        assertEquals(PublishedVerdict.MATCHES, PublishedTableRule.verdict(9.5, 10.5, 10, 0.5, TableMetric.PSNR));
        assertEquals(PublishedVerdict.BEATS, PublishedTableRule.verdict(10.5001, 11, 10, 0.5, TableMetric.PSNR));
        assertEquals(PublishedVerdict.MISSES, PublishedTableRule.verdict(9, 9.4999, 10, 0.5, TableMetric.PSNR));
    }

    private static PublishedVerdict verdict(Cell cell, TableMetric metric) {
        return PublishedTableRule.verdict(cell.low(), cell.high(), cell.reported(), cell.margin(), metric);
    }
}
