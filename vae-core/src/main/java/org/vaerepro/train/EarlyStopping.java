package org.vaerepro.train;

/**
 * Stop when the validation loss has not improved by more than {@code minDelta} for {@code patience}
 * consecutive epochs; the run keeps the parameters of its best epoch (lowest validation loss).
 */
public record EarlyStopping(int patience, double minDelta) {
    public EarlyStopping {
        if (patience <= 0) {
            throw new IllegalArgumentException("patience must be > 0 epochs, got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minDelta must be finite and >= 0, got " + minDelta);
        }
    }
}
