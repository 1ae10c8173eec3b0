package org.vaerepro.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaerepro.io.Preconditions;
import org.vaerepro.settings.Setting;

/**
 * One of {@code count} deterministic slices of a suite's runs, for batch schedulers that start one task
 * per slice (a Slurm job array, a Kubernetes Indexed Job) against a shared output folder. Slice
 * {@code index} (0-based, as {@code SLURM_ARRAY_TASK_ID} and {@code JOB_COMPLETION_INDEX} count) takes the
 * runs at positions index, index + count, index + 2·count, ... of the suite's order, so the slices
 * partition the runs exactly and differ in size by at most one run.
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        Preconditions.check(count >= 1, "shard count must be >= 1, got " + count);
        Preconditions.check(index >= 0 && index < count, "shard index must be in [0, " + count + "), got " + index);
    }

    /** {@code "i/n"}, e.g. {@code "0/4"} for the first of four slices. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(Setting.SHARD + " must be 'i/n' with 0 <= i < n (e.g. 0/4), got '"
                    + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.SHARD + " is '" + text + "': " + e.getMessage(), e);
        }
    }

    public <T> List<T> slice(List<T> items) {
        List<T> mine = new ArrayList<>();
        for (int i = index; i < items.size(); i += count) {
            mine.add(items.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
