package org.vaerepro.session;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vaerepro.experiment.Shard;
import org.vaerepro.io.Preconditions;
import org.vaerepro.settings.Setting;
import org.vaerepro.settings.Setting.Kind;

/**
 * Raw settings read as their declared {@link Kind}: the given text, else the declared default; an error names the
 * setting, the text and what was expected. Range checks stay with the types that own them ({@link SessionSettings},
 * {@link Parallelism}, {@link Shard}).
 */
final class SettingValues {
    private final RawSettings raw;

    SettingValues(RawSettings raw) {
        this.raw = raw;
        Preconditions.notNull(raw.homeDirectory(), "home directory");
    }

    /** The path, absolute; null for an unset setting without a default. */
    Path path(Setting setting) {
        return text(setting, Kind.PATH).map(text -> path(setting, text, raw.homeDirectory())).orElse(null);
    }

    /** {@code text} as a path of {@code setting}, absolute; {@code ~/} at its start is {@code home}. */
    static Path path(Setting setting, String text, Path home) {
        try {
            Path path = text.equals("~") ? home : text.startsWith("~/") ? home.resolve(text.substring(2)) : Path.of(text);
            return path.toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(setting + " must be a path, got '" + text + "': " + e.getReason(), e);
        }
    }

    List<String> ids(Setting setting) {
        return text(setting, Kind.IDS).map(text -> Arrays.stream(text.split(",")).map(String::trim)
                .filter(id -> !id.isEmpty()).toList()).orElse(List.of());
    }

    Shard shard(Setting setting) {
        return text(setting, Kind.SHARD).map(Shard::parse).orElse(Shard.ALL);
    }

    int count(Setting setting) {
        String text = text(setting, Kind.COUNT).orElseThrow();
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must be a whole number, got '" + text + "'", e);
        }
    }

    boolean isOn(Setting setting) {
        String text = text(setting, Kind.SWITCH).orElseThrow().trim();
        Preconditions.check(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"),
                setting + " must be true or false, got '" + text + "'");
        return Boolean.parseBoolean(text);
    }

    /** The given text (blank counts as not given), else the default; a required setting without either fails. */
    private Optional<String> text(Setting setting, Kind kind) {
        Preconditions.check(setting.kind() == kind, setting + " is read as " + setting.kind() + ", not as " + kind);
        Optional<String> text = raw.value(setting).filter(value -> !value.isBlank()).or(setting::defaultValue);
        Preconditions.check(text.isPresent() || !setting.required(), setting + " must be given: "
                + setting.description());
        return text;
    }
}
