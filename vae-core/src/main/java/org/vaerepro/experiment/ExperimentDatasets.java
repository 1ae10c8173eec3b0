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
        return spec.validation() == 0 ? pool : pool.slice(0, pool.size() - spec.validation());
    }

    /** The held-out images at the end of the training pool (never test images); null when none are held out. */
    public ImageDataset validationSet(ExperimentSpec spec) {
        if (spec.validation() == 0) {
            return null;
        }
        ImageDataset pool = trainingPool(spec);
        return pool.slice(pool.size() - spec.validation(), pool.size());
    }

    private ImageDataset trainingPool(ExperimentSpec spec) {
        ImageDataset train = repository.load(spec.dataset(), Split.TRAIN);
        ImageDataset pool = spec.trainSubset() > 0 ? train.firstN(spec.trainSubset()) : train;
        if (spec.validation() >= pool.size()) {
            throw new IllegalArgumentException("experiment '" + spec.id() + "' holds out " + spec.validation()
                    + " validation images of the " + pool.size() + " in " + pool.name()
                    + "; at least one must remain for training");
        }
        return pool;
    }

    public ImageDataset testSet(ExperimentSpec spec) {
        ImageDataset test = repository.load(spec.dataset(), Split.TEST);
        return spec.testSubset() > 0 ? test.firstN(spec.testSubset()) : test;
    }

    static DatasetProvenance provenance(ImageDataset dataset) {
        return new DatasetProvenance(dataset.name(), dataset.size(), dataset.checksum());
    }
}
