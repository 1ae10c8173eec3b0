package org.vaerepro.experiment;

import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.provenance.DatasetProvenance;

/** The training and test images an experiment's spec names, subsets applied, from one repository. */
public final class ExperimentDatasets {
    private final DatasetRepository repository;

    public ExperimentDatasets(DatasetRepository repository) {
        this.repository = repository;
    }

    /** The images the model trains on: the training split's first {@code trainSubset}, less the validation images. */
    public ImageDataset trainSet(ExperimentSpec spec) {
        ImageDataset pool = trainingPool(spec);
        int validation = spec.training().validation();
        return validation == 0 ? pool : pool.slice(0, pool.size() - validation);
    }

    /** The held-out images at the end of the training pool (never test images); null when none are held out. */
    public ImageDataset validationSet(ExperimentSpec spec) {
        int validation = spec.training().validation();
        if (validation == 0) {
            return null;
        }
        ImageDataset pool = trainingPool(spec);
        return pool.slice(pool.size() - validation, pool.size());
    }

    private ImageDataset trainingPool(ExperimentSpec spec) {
        TrainingFields training = spec.training();
        ImageDataset pool = subset(spec, "trainSubset", repository.load(training.dataset(), Split.TRAIN),
                training.trainSubset());
        if (training.validation() >= pool.size()) {
            throw new IllegalArgumentException("experiment '" + spec.id() + "' holds out " + training.validation()
                    + " validation images of the " + pool.size() + " in " + pool.name()
                    + "; at least one must remain for training");
        }
        return pool;
    }

    /**
     * The images evaluation measures: {@code testSubset} test images (0: every one from the offset on) from test
     * image {@code testOffset}. A range that runs past the split is an error naming both fields.
     */
    public ImageDataset testSet(ExperimentSpec spec) {
        ImageDataset split = repository.load(spec.training().dataset(), Split.TEST);
        int offset = spec.evaluation().testOffset();
        if (offset == 0) {
            return subset(spec, "testSubset", split, spec.evaluation().testSubset());
        }
        int count = spec.evaluation().testSubset() > 0 ? spec.evaluation().testSubset() : split.size() - offset;
        if (offset >= split.size() || count > split.size() - offset) {
            throw new IllegalArgumentException("experiment '" + spec.id() + "': testOffset " + offset + " with testSubset "
                    + spec.evaluation().testSubset() + " runs past the " + split.size() + " images of " + split.name()
                    + "; the offset plus the subset may be at most " + split.size());
        }
        return split.slice(offset, offset + count);
    }

    /** The test images an early learning curve is measured on: the test split's first {@code curveTestImages}. */
    public ImageDataset curveSet(ExperimentSpec spec) {
        return subset(spec, "curveTestImages", repository.load(spec.training().dataset(), Split.TEST),
                spec.training().curveTestImages());
    }

    /** The first {@code n} images of {@code split} (0: all); more than the split holds is an error, not a silent cut. */
    private static ImageDataset subset(ExperimentSpec spec, String field, ImageDataset split, int n) {
        if (n > split.size()) {
            throw new IllegalArgumentException("experiment '" + spec.id() + "': " + field + " " + n + " is more than the "
                    + split.size() + " images of " + split.name());
        }
        return n > 0 ? split.firstN(n) : split;
    }

    static DatasetProvenance provenance(ImageDataset dataset) {
        return new DatasetProvenance(dataset.name(), dataset.size(), dataset.checksum());
    }
}
