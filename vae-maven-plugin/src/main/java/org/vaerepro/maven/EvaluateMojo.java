package org.vaerepro.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;

/** Computes metrics, latent analysis and pictures of trained experiments into metrics.json. */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, requiresProject = false, threadSafe = false)
public class EvaluateMojo extends AbstractVaeMojo {
    @Override
    List<RunFailure> run(SuiteSession session) {
        return session.evaluate().failures();
    }
}
