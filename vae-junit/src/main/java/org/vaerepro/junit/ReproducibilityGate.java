package org.vaerepro.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holds a suite's results to the reproducibility gate, from a test class that implements
 * {@link ReproducibilityGateTests}: one dynamic test per check, named like the table it checks, e.g.
 * {@code mnist-vae-d2 › PSNR › matches 13.392 (13.167 ± 0.064, 5 seeds)}. The results are judged as they are (nothing is
 * trained here: bind {@code vae:reproduce} before the tests, or point at committed results), and the judgement is
 * written to {@code <outputDirectory>/<suite>/judgement.json}.
 *
 * <p>Paths are relative to the test's working directory (the module's folder under Maven). Every attribute may
 * name a system property with a default, {@code "${vae.firstSeeds:1}"}, so a build profile can change it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ReproducibilityGateExtension.class)
public @interface ReproducibilityGate {
    /** The suite file (JSON). */
    String suite();

    /** The output root the suite's results are in: {@code <outputDirectory>/<suite>/<experiment>/}. */
    String outputDirectory() default "target/vae";

    /** The baseline; empty: {@code baselines/<suite>.json} beside the suite's folder, when it exists. */
    String baseline() default "";

    /** The verdict record; empty: {@code baselines/<suite>.verdicts.json}, when it exists. */
    String verdictRecord() default "";

    /**
     * Hold only each experiment's first this many seeds (0: every declared seed), e.g. "1" for a gate that trains one
     * seed against a baseline recorded over several; published cells are judged only over every seed.
     */
    String firstSeeds() default "0";
}
