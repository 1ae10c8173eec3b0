package org.vaerepro.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vaerepro.train.StepLoss;

/**
 * A run's first steps against the trajectory its seed recorded: each held step's objective, reconstruction term and
 * KL divergence within that step's window ({@link TrajectoryWindows}), relative to the recorded value. Early steps
 * move apart slowly (the same code under another thread count or native build only reorders sums), so a change to
 * the learning rate, the optimiser, a loss weight, the noise or the data order shows here within steps.
 */
final class TrajectoryCheck {
    private TrajectoryCheck() {
    }

    /** The relative difference of {@code measured} from {@code recorded} (the absolute one where it was 0). */
    static double relative(double measured, double recorded) {
        return recorded == 0 ? Math.abs(measured) : Math.abs(measured - recorded) / Math.abs(recorded);
    }

    /** What is wrong with {@code measured} against {@code recorded} of seed {@code seed}; empty when it holds. */
    static Optional<String> problem(List<StepLoss> recorded, List<StepLoss> measured, TrajectoryWindows windows,
            long seed) {
        int held = Math.min(windows.steps().size(), recorded.size());
        if (held == 0) {
            return Optional.empty();
        }
        if (measured.size() < held) {
            return Optional.of("the run recorded the losses of " + measured.size() + " first steps, the baseline holds "
                    + held + " (a run trained before they were recorded, or one that took fewer steps): train it again");
        }
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < held; i++) {
            StepLoss r = recorded.get(i);
            StepLoss m = measured.get(i);
            StepWindow w = windows.at(r.step());
            if (m.step() != r.step()) {
                return Optional.of("step " + m.step() + " was recorded where step " + r.step() + " was expected");
            }
            String term = firstOutside(m, r, w);
            if (term != null) {
                outside.add("step " + r.step() + ": " + term);
            }
        }
        if (outside.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(outside.size() + " of the first " + held + " steps of seed " + seed + " outside their "
                + "windows (" + windows.rule() + "); first " + outside.get(0)
                + (outside.size() > 1 ? "; last " + outside.get(outside.size() - 1) : ""));
    }

    /** The first of the step's three losses outside its window, described; null when all hold. */
    private static String firstOutside(StepLoss measured, StepLoss recorded, StepWindow window) {
        String objective = outside(measured.loss(), recorded.loss(), window.loss(), "objective");
        if (objective != null) {
            return objective;
        }
        String reconstruction = outside(measured.reconstruction(), recorded.reconstruction(), window.reconstruction(),
                "reconstruction term");
        return reconstruction != null ? reconstruction
                : outside(measured.kl(), recorded.kl(), window.kl(), "KL divergence");
    }

    private static String outside(double measured, double recorded, double window, String what) {
        double relative = relative(measured, recorded);
        if (relative <= window) {
            return null;
        }
        return String.format(Locale.ROOT, "%s %.9g, recorded %.9g (relative %.2e, allowed %.2e)", what, measured,
                recorded, relative, window);
    }
}
