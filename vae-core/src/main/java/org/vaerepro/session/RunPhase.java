package org.vaerepro.session;

/** What a step does to each run: train it, evaluate it, or both (training first). */
public enum RunPhase {
    TRAIN("train"), EVALUATE("evaluate"), TRAIN_AND_EVALUATE("train+evaluate");

    private final String label;

    RunPhase(String label) {
        this.label = label;
    }

    boolean trains() {
        return this != EVALUATE;
    }

    boolean evaluates() {
        return this != TRAIN;
    }

    @Override
    public String toString() {
        return label;
    }
}
