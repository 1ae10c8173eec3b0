package org.vaerepro.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.vaerepro.regression.GateCheck;
import org.vaerepro.regression.Judgement;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;

/**
 * The reproducibility gate without a test class: judges the suite's results as they are (it trains nothing), holds
 * them to the gate ({@code regression.SuiteGate}: every selected run current; the baseline's windows; each published
 * cell's recorded verdict, or else the suite's {@code verdictRequired}; no contradicted claim step), prints one line
 * per check and fails the build listing every failed check at once. Bound to {@code verify}; {@code -Dvae.check.skip}
 * skips it.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = false)
public class CheckMojo extends AbstractVaeMojo {
    /** The baseline to hold the runs to; by default {@code baselines/<suite>.json} beside the suite's folder, if there. */
    @Parameter(property = "vae.baselineFile")
    File baselineFile;

    /** The verdict record; by default {@code baselines/<suite>.verdicts.json}, if there. */
    @Parameter(property = "vae.verdictRecord")
    File verdictRecord;

    /** Skip the check (and only the check). */
    @Parameter(property = "vae.check.skip", defaultValue = "false")
    boolean checkSkip;

    @Override
    List<RunFailure> run(SuiteSession session) throws MojoFailureException {
        if (checkSkip) {
            getLog().info("vae: check skipped (vae.check.skip=true)");
            return List.of();
        }
        Judgement judgement = session.judge(new SuiteSession.GateFiles(
                baselineFile == null ? null : baselineFile.toPath(),
                verdictRecord == null ? null : verdictRecord.toPath()));
        String suite = judgement.judged().suite();
        getLog().info("vae: gate of suite " + suite + " (" + judgement.gate().summary() + "), judgement in "
                + session.layout().judgement(suite));
        judgement.gate().notes().forEach(note -> getLog().warn("vae: not checked: " + note));
        for (GateCheck check : judgement.gate().checks()) {
            if (check.passed()) {
                getLog().info(check.line());
            } else {
                getLog().error(check.line());
            }
        }
        if (!judgement.gate().passed()) {
            StringBuilder message = new StringBuilder("the reproducibility gate of suite " + suite + " failed ("
                    + judgement.gate().summary() + "):");
            judgement.gate().failures().forEach(check -> message.append("\n  ").append(check.name()).append(": ")
                    .append(check.detail()));
            message.append("\n").append(MavenHints.reRecord(judgement));
            throw new MojoFailureException(message.toString());
        }
        return List.of();
    }
}
