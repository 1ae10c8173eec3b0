package org.vaerepro.provenance;

/** The data a result was computed from: the training set and (for evaluations) the test set, or null. */
public record DataProvenance(DatasetProvenance train, DatasetProvenance test) {
}
