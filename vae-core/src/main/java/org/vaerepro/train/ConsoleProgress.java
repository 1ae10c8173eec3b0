package org.vaerepro.train;

import java.util.Locale;
import java.util.function.Consumer;

/** Progress lines: every logged step and every epoch, with loss terms, images/s and ETA. */
public final class ConsoleProgress implements TrainingListener {
    private final String prefix;
    private final Consumer<String> out;

    public ConsoleProgress(String prefix, Consumer<String> out) {
        this.prefix = prefix;
        this.out = out;
    }

    @Override
    public void onStep(StepReport s) {
        out.accept(String.format(Locale.ROOT,
                "%s epoch %d step %d/%d  loss %.3f  recon %.3f  kl %.3f  %.0f img/s  eta %s",
                prefix, s.epoch() + 1, s.stepInEpoch() + 1, s.stepsPerEpoch(), s.loss(), s.reconstruction(), s.kl(),
                s.imagesPerSecond(), duration(s.etaSeconds())));
    }

    @Override
    public void onEpochEnd(EpochReport e) {
        String validation = e.validation() == null ? "" : String.format(Locale.ROOT,
                "  | validation loss %.3f  PSNR %.3f dB  LPIPS %.4f", e.validation().loss(), e.validation().psnr(),
                e.validation().lpips());
        out.accept(String.format(Locale.ROOT, "%s epoch %d done  loss %.3f  recon %.3f  kl %.3f  %.1fs  %.0f img/s%s",
                prefix, e.epoch() + 1, e.loss(), e.reconstruction(), e.kl(), e.seconds(), e.imagesPerSecond(), validation));
    }

    @Override
    public void onCheckpointRecovered(java.nio.file.Path damaged, java.nio.file.Path used, String problem) {
        out.accept(prefix + " checkpoint " + damaged + " cannot be used (" + problem + "); resuming from the previous "
                + "generation " + used);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
