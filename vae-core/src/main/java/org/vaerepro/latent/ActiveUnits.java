package org.vaerepro.latent;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Active latent units (Burda et al. 2016): dimensions whose posterior mean varies over images, Var_x(E[z|x]) > 0.01. */
public final class ActiveUnits {
    public static final double THRESHOLD = 0.01;

    private ActiveUnits() {
    }

    /** @param means posterior means, one row per image */
    public static int count(INDArray means) {
        int active = 0;
        for (double variance : means.castTo(DataType.DOUBLE).var(false, 0).data().asDouble()) {
            if (variance > THRESHOLD) {
                active++;
            }
        }
        return active;
    }
}
