package org.vaerepro.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.latent.PrincipalComponents;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.viz.ImageGrid;
import org.vaerepro.viz.LatentScatterPlot;

/**
 * The pictures of an evaluated experiment, written into its run folder: a reconstruction grid, the
 * latent means' scatter plot (their first two principal components; the axes themselves at d = 2), and for VAEs prior samples, an interpolation and (d = 2)
 * the decoded manifold. Returns picture name to file name, in that order.
 */
final class ExperimentPictures {
    private static final int SHOWN = 12;

    private ExperimentPictures() {
    }

    static Map<String, String> write(RunFolder folder, ExperimentSpec spec, AutoencoderModel model, ImageDataset test,
            INDArray testMeans, PrincipalComponents pca) {
        Map<String, String> images = new LinkedHashMap<>();
        int[] picks = new SplittableRandom(spec.seed()).ints(0, test.size()).distinct()
                .limit(Math.min(SHOWN, test.size())).toArray();
        INDArray originals = test.batch(picks).images();
        images.put("reconstructions", grid(folder, "reconstructions.png", List.of(originals, model.reconstruct(originals))));
        if (spec.training().architecture().variational()) {
            INDArray samples = model.sample(2 * SHOWN, spec.seed());
            images.put("samples", grid(folder, "samples.png", List.of(samples.get(NDArrayIndex.interval(0, SHOWN)),
                    samples.get(NDArrayIndex.interval(SHOWN, 2 * SHOWN)))));
            images.put("interpolation", grid(folder, "interpolation.png",
                    List.of(model.decode(interpolation(testMeans.getRow(picks[0], true), testMeans.getRow(picks[1], true))))));
            if (spec.training().latentDim() == 2) {
                images.put("manifold", grid(folder, "manifold.png", manifold(model, testMeans)));
            }
        }
        String axes = spec.training().latentDim() == 2 ? "z" : "PC";
        LatentScatterPlot.write(folder.file("latent.png"), pca.projected(), test.labels(), test.classNames(),
                spec.training().latentDim() == 2 ? "Latent means (d = 2)" : String.format(Locale.ROOT,
                        "Latent means, PCA of d = %d (%.0f%% of variance)", spec.training().latentDim(), 100 * pca.explainedVariance()),
                axes + "1", axes + "2");
        images.put("latent", "latent.png");
        return images;
    }

    private static String grid(RunFolder folder, String file, List<INDArray> rows) {
        ImageGrid.write(folder.file(file), rows);
        return file;
    }

    /** Ten points on the straight line from {@code a} to {@code b}. */
    private static INDArray interpolation(INDArray a, INDArray b) {
        INDArray path = Nd4j.create(a.dataType(), 10, a.size(1));
        for (int i = 0; i < 10; i++) {
            double t = i / 9.0;
            path.getRow(i).assign(a.mul(1 - t).add(b.mul(t)));
        }
        return path;
    }

    /** Decoded rows of a 10x10 grid over z in [-2, 2]^2. */
    private static List<INDArray> manifold(AutoencoderModel model, INDArray like) {
        List<INDArray> rows = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            INDArray grid = Nd4j.create(like.dataType(), 10, 2);
            for (int c = 0; c < 10; c++) {
                grid.putScalar(c, 0, -2 + 4 * c / 9.0);
                grid.putScalar(c, 1, 2 - 4 * r / 9.0);
            }
            rows.add(model.decode(grid));
        }
        return rows;
    }
}
