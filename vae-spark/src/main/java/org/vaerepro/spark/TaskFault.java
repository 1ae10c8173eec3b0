package org.vaerepro.spark;

import java.io.Serializable;

/**
 * A fault injected into a task, to prove the retry path (Spark re-runs a failed task; the run resumes from
 * its checkpoint). It sees every log line of a run with the task's attempt number and may throw; the
 * job's command line never sets one.
 */
@FunctionalInterface
public interface TaskFault extends Serializable {
    TaskFault NONE = (run, attempt, line) -> { };

    void onLogLine(String run, int attempt, String line);
}
