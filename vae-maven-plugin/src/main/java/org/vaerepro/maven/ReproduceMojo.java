package org.vaerepro.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;

/** Train, evaluate and report in one goal; the page is written even when some experiments failed. */
@Mojo(name = "reproduce", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, requiresProject = false,
        threadSafe = false)
public class ReproduceMojo extends AbstractVaeMojo {
    @Override
    List<RunFailure> run(SuiteSession session) {
        SuiteSession.Outcome outcome = session.reproduce();
        getLog().info("vae: results page " + outcome.page());
        return outcome.failures();
    }
}
