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

    public ImageDataset trainSet(ExperimentSpec spec) {
        ImageDataset train = repository.load(spec.dataset(), Split.TRAIN);
        return spec.trainSubset() > 0 ? train.firstN(spec.trainSubset()) : train;
    }

    public ImageDataset testSet(ExperimentSpec spec) {
        ImageDataset test = repository.load(spec.dataset(), Split.TEST);
        return spec.testSubset() > 0 ? test.firstN(spec.testSubset()) : test;
    }

    static DatasetProvenance provenance(ImageDataset dataset) {
        return new DatasetProvenance(dataset.name(), dataset.size(), dataset.checksum());
    }
}
