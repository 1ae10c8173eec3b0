package org.vaerepro.regression;

/**
 * One evaluation number of a reference model: its recorded {@code value}, the largest difference from it measured
 * under the baseline's other configurations ({@code spread}), and the allowed |measured - value|
 * ({@code halfWidth}, from {@link Tolerances#referenceHalfWidth}).
 */
public record ReferenceValue(double value, double spread, double halfWidth) {
}
