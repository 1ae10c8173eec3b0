package org.vaerepro.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.vaerepro.session.RunFailure;
import org.vaerepro.session.SuiteSession;

/** Renders the suite's results page; experiments not yet run show as "not run". */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = false)
public class ReportMojo extends AbstractVaeMojo {
    @Override
    List<RunFailure> run(SuiteSession session) {
        getLog().info("vae: results page " + session.report());
        return List.of();
    }
}
