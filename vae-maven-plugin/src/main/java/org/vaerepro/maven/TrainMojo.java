package org.vaerepro.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;

/** Trains the suite's experiments, resuming from checkpoints; experiments trained with an unchanged spec are skipped. */
@Mojo(name = "train", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, requiresProject = false, threadSafe = false)
public class TrainMojo extends AbstractVaeMojo {
    @Override
    List<RunFailure> run(SuiteSession session) {
        return session.train().failures();
    }
}
