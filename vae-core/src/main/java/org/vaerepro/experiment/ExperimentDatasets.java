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
     * The images evaluation measures: {@code testSubset} test images (0: every one from the offset on), every
     * {@code testStride}-th from test image {@code testOffset}. A selection that runs past the split is an error
     * naming the fields.
     */
    public ImageDataset testSet(ExperimentSpec spec) {
        EvaluationFields evaluation = spec.evaluation();
        return select(spec, repository.load(spec.training().dataset(), Split.TEST),
                new Selection("testOffset", evaluation.testOffset(), "testStride", evaluation.testStride(), "testSubset",
                        evaluation.testSubset()));
    }

    /**
     * The test images a step curve is measured on: {@code curveTestImages} of them, every {@code curveTestStride}-th
     * from test image {@code curveTestOffset} (by default the split's first ones).
     */
    public ImageDataset curveSet(ExperimentSpec spec) {
        TrainingFields training = spec.training();
        return select(spec, repository.load(training.dataset(), Split.TEST),
                new Selection("curveTestOffset", training.curveTestOffset(), "curveTestStride",
                        training.curveTestStride(), "curveTestImages", training.curveTestImages()));
    }

    /** Which images of a split three fields of a spec select, with the fields' names for errors. */
    private record Selection(String offsetField, int offset, String strideField, int stride, String countField,
            int count) {
    }

    /** The one rule for picking test images: {@code count} (0: all there are) every {@code stride} from {@code offset}. */
    private static ImageDataset select(ExperimentSpec spec, ImageDataset split, Selection s) {
        if (s.offset() == 0 && s.stride() == 1) {
            return subset(spec, s.countField(), split, s.count());
        }
        int available = s.offset() >= split.size() ? 0 : (split.size() - s.offset() + s.stride() - 1) / s.stride();
        int count = s.count() > 0 ? s.count() : available;
        if (available == 0 || count > available) {
            String stride = s.stride() == 1 ? "" : " and " + s.strideField() + " " + s.stride();
            throw new IllegalArgumentException("experiment '" + spec.id() + "': " + s.offsetField() + " " + s.offset()
                    + stride + " with " + s.countField() + " " + s.count() + " runs past the " + split.size()
                    + " images of " + split.name() + "; " + (s.stride() == 1 ? "the offset plus the subset may be at most "
                    + split.size() : "from image " + s.offset() + " every " + s.stride() + " there are " + available));
        }
        return split.strided(s.offset(), s.stride(), count);
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
