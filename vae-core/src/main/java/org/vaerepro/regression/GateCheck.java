package org.vaerepro.regression;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.vaerepro.io.Identified;

/**
 * One check of the reproducibility gate: what is checked ({@code kind}), the experiment, run or claim column it is
 * about ({@code subject}), a name that reads like the table it checks ("mnist-vae-d2 › PSNR › matches 13.392 (13.167 ±
 * 0.064, 5 seeds)"), whether it passed, and on failure what is wrong and how to put it right ({@code detail}). Every
 * front end shows the same list: the JUnit extension as one dynamic test per check, {@code vae:check} as one line
 * per check, the site report as a table.
 */
public record GateCheck(Kind kind, String subject, String name, boolean passed, String detail) {

    /** What a gate check holds a suite to. */
    public enum Kind implements Identified {
        /** A run the gate selected has a result measured under the suite's current spec. */
        CURRENT_RESULT,
        /** A run's metrics lie within its baseline window, and it was trained, fed and evaluated as the baseline's runs. */
        BASELINE,
        /** A run's first training steps' losses lie within the windows around its seed's recorded trajectory. */
        TRAJECTORY,
        /** A committed reference model, evaluated here, gives every recorded number within its window. */
        REFERENCE_MODEL,
        /** A published cell meets the suite's {@code verdictRequired}, over every declared seed. */
        PUBLISHED_CELL,
        /** A step of the bottleneck claim is not contradicted. */
        CLAIM_STEP,
        /** A published cell's or claim step's verdict is the one recorded in the suite's verdict record. */
        RECORDED_VERDICT;

        @JsonCreator
        public static Kind fromId(String id) {
            return Identified.fromId(Kind.class, id, "gate check kind");
        }
    }

    /** "pass  kind  name", or "FAIL  kind  name" and the detail on the next line, as {@code vae:check} prints it. */
    public String line() {
        return (passed ? "pass  " : "FAIL  ") + kind.id() + "  " + name + (passed ? "" : "\n        " + detail);
    }
}
