package org.vaerepro.experiment;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.vaerepro.metrics.Lpips;

/**
 * The session's one LPIPS network, loaded from its weights file on first use and shared by evaluation and
 * per-epoch validation; {@link #get()} early is how a preflight checks the file. Not thread-safe, as Lpips.
 */
public final class LazyLpips implements Supplier<Lpips> {
    private final Path weights;
    private Lpips lpips;

    public LazyLpips(Path weights) {
        this.weights = weights;
    }

    @Override
    public Lpips get() {
        if (lpips == null) {
            lpips = Lpips.load(weights);
        }
        return lpips;
    }
}
