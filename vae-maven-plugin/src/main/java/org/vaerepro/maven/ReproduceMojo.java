package org.vaerepro.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.vaerepro.experiment.SuiteRunner;
import org.vaerepro.experiment.SuiteSession;

/** Train, evaluate and report in one goal; the page is written even when some experiments failed. */
@Mojo(name = "reproduce", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, requiresProject = false,
        threadSafe = false)
public class ReproduceMojo extends AbstractVaeMojo {
    @Override
    List<SuiteRunner.Failure> run(SuiteSession session) {
        List<SuiteRunner.Failure> failures = new ArrayList<>(session.train(experiments));
        if (failures.isEmpty() || !failFast) {
            List<String> failed = failures.stream().map(SuiteRunner.Failure::experiment).toList();
            String trained = session.select(experiments).stream().map(s -> s.id()).filter(id -> !failed.contains(id))
                    .reduce((a, b) -> a + "," + b).orElse(null);
            if (trained != null) {
                failures.addAll(session.evaluate(trained));
            }
        }
        report(session);
        return failures;
    }
}
