package org.vaerepro.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vaerepro.session.RawSettings;
import org.vaerepro.session.WorkerLaunch;
import org.vaerepro.settings.Setting;

/**
 * A goal's parameters as the core's raw settings: {@code parameters} gives the field that holds each setting (null
 * where the goal has none, or Maven left it unset), as Maven converted it (a {@link File} already resolved against
 * the project); its text goes to {@code SessionSettings.from}, which reads every front end's values alike.
 */
record GoalParameters(Function<Setting, Object> parameters, Path homeDirectory, Optional<WorkerLaunch> workerLaunch)
        implements RawSettings {
    @Override
    public Optional<String> value(Setting setting) {
        Object value = parameters.apply(setting);
        if (value instanceof File file) {
            return Optional.of(file.getPath());
        }
        if (value instanceof Collection<?> values) {
            return Optional.of(values.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return Optional.ofNullable(value).map(String::valueOf);
    }
}
