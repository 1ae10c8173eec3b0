package org.vaerepro.regression;

import org.vaerepro.io.Identified;

/**
 * The checks of the baseline gate ({@link BaselineCheck}), each named in the deviations it finds, so a failure says
 * which check caught it.
 */
public enum DeviationKind implements Identified {
    /** A run the gate selected has no current result to check. */
    NO_RESULT,
    /** A run was trained or evaluated otherwise than the baseline's runs: other training fields, data or test set. */
    RECORDED_AS,
    /** The losses of a run's first steps against the baseline's early-step trajectory of its seed. */
    TRAJECTORY,
    /** A run's PSNR and LPIPS after training against the baseline's values for its row. */
    END_OF_TRAINING,
    /** A committed reference model's every evaluation number against its recorded value. */
    REFERENCE_MODEL
}
