package org.vaerepro.statistics;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.vaerepro.io.Preconditions;

/**
 * The least-squares fit of a decaying power law y = a + b·x^(-c) (e.g. a validation loss against the epoch, whose
 * floor is a), by Levenberg-Marquardt (Apache Commons Math) from a starting point, with the residual standard error
 * √(Σ residual² / (n - 3)): the scatter of the points about the curve, e.g. the epoch-to-epoch noise of a loss.
 */
public record PowerLawFit(double a, double b, double c, double residualStandardDeviation, int points) {
    private static final int MAX_EVALUATIONS = 20_000;

    /** Fits {@code y} at {@code x} (x > 0, at least 4 points) starting from (a0, b0, c0). */
    public static PowerLawFit of(double[] x, double[] y, double a0, double b0, double c0) {
        Preconditions.check(x.length == y.length, "a fit needs one y per x, got " + x.length + " x and "
                + y.length + " y");
        Preconditions.check(x.length >= 4, "a fit of three parameters with a residual spread needs at least 4 points, "
                + "got " + x.length);
        for (double value : x) {
            Preconditions.check(value > 0, "a power law is fitted at x > 0, got " + value);
        }
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .model(point -> valueAndJacobian(x, point))
                    .target(y)
                    .start(new double[] {a0, b0, c0})
                    .maxEvaluations(MAX_EVALUATIONS)
                    .maxIterations(MAX_EVALUATIONS)
                    .build());
        } catch (TooManyEvaluationsException | TooManyIterationsException e) {
            throw new IllegalStateException("the power law a + b·x^-c did not converge within " + MAX_EVALUATIONS
                    + " evaluations from a=" + a0 + ", b=" + b0 + ", c=" + c0, e);
        }
        double[] p = optimum.getPoint().toArray();
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            double residual = y[i] - (p[0] + p[1] * Math.pow(x[i], -p[2]));
            squares += residual * residual;
        }
        return new PowerLawFit(p[0], p[1], p[2], Math.sqrt(squares / (x.length - 3)), x.length);
    }

    private static Pair<RealVector, RealMatrix> valueAndJacobian(double[] x, RealVector point) {
        double a = point.getEntry(0);
        double b = point.getEntry(1);
        double c = point.getEntry(2);
        double[] values = new double[x.length];
        double[][] jacobian = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double power = Math.pow(x[i], -c);
            values[i] = a + b * power;
            jacobian[i] = new double[] {1, power, -b * power * Math.log(x[i])};
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }

    /** The fitted curve at {@code x}. */
    public double at(double x) {
        return a + b * Math.pow(x, -c);
    }

    /** How fast the fitted curve falls at {@code x}: -dy/dx = b·c·x^(-c-1). */
    public double fallRate(double x) {
        return b * c * Math.pow(x, -c - 1);
    }
}
