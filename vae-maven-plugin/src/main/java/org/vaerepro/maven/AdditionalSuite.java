package org.vaerepro.maven;

import java.io.File;

/**
 * One more suite for the site report, with the output folder its results are in and the first-seeds selection it is
 * judged with: {@code <additionalSuites><additionalSuite><suiteFile>...</suiteFile><outputDirectory>...</outputDirectory>
 * </additionalSuite></additionalSuites>}.
 */
public class AdditionalSuite {
    /** The suite file (JSON). */
    File suiteFile;

    /** The output root its results are in. */
    File outputDirectory;

    /** Each experiment's first this many seeds (0, the default: every seed). */
    int firstSeeds;
}
