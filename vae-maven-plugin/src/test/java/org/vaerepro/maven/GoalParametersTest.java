package org.vaerepro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaerepro.session.WorkerLaunch;
import org.vaerepro.settings.Setting;

/** A goal's parameters reach the core as text, and its worker JVMs are as quiet as the goal. */
class GoalParametersTest {
    @Test
    void parametersAsMavenConvertedThemBecomeText() {
        GoalParameters parameters = new GoalParameters(Map.<Setting, Object>of(Setting.DATA_DIR, new File("/data"),
                Setting.EXPERIMENTS, List.of("a", "b"), Setting.FIRST_SEEDS, 2, Setting.DOWNLOAD, false)::get,
                Path.of("/home/u"), Optional.empty());
        assertEquals(Optional.of("/data"), parameters.value(Setting.DATA_DIR));
        assertEquals(Optional.of("a,b"), parameters.value(Setting.EXPERIMENTS));
        assertEquals(Optional.of("2"), parameters.value(Setting.FIRST_SEEDS));
        assertEquals(Optional.of("false"), parameters.value(Setting.DOWNLOAD));
        assertEquals(Optional.empty(), parameters.value(Setting.SHARD));
    }

    @Test
    void workerJvmsGetNd4jsQuietLevelsUnlessTheyHaveTheirOwn() {
        Nd4jLogging.quiet();
        WorkerLaunch launch = WorkerJvm.launch(getClass().getClassLoader());
        for (Map.Entry<String, String> level : Nd4jLogging.LEVELS.entrySet()) {
            String option = "-D" + level.getKey() + "=" + System.getProperty(level.getKey());
            assertEquals(1, launch.jvmOptions().stream().filter(o -> o.startsWith("-D" + level.getKey() + "=")).count(),
                    launch.jvmOptions().toString());
            assertTrue(launch.jvmOptions().contains(option), launch.jvmOptions() + " lacks " + option);
        }
        String own = "-Dorg.slf4j.simpleLogger.log.org.nd4j=info";
        assertEquals(List.of("-Dorg.slf4j.simpleLogger.log.org.nd4j.imports.converters.ImportClassMapping="
                + System.getProperty("org.slf4j.simpleLogger.log.org.nd4j.imports.converters.ImportClassMapping")),
                Nd4jLogging.workerOptions(List.of(own)));
    }
}
