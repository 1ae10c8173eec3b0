package org.vaerepro.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaerepro.data.DataLocations;
import org.vaerepro.data.DatasetRepository;
import org.vaerepro.data.ImageDataset;
import org.vaerepro.data.Split;
import org.vaerepro.data.StandardDataset;
import org.vaerepro.io.AtomicFiles;
import org.vaerepro.io.Json;
import org.vaerepro.io.Preconditions;
import org.vaerepro.metrics.Lpips;
import org.vaerepro.metrics.PsnrAccumulator;
import org.vaerepro.metrics.SmallImagePolicy;
import org.vaerepro.model.AutoencoderModel;
import org.vaerepro.model.ModelFile;
import org.vaerepro.statistics.SampleSummary;

/**
 * How far JPEG compression of the test images moves PSNR and LPIPS (issue #36 item 6). The CIFAR-10 copy in
 * ../shared is decoded from JPEG quality 75, so its images already carry one generation of artefacts; the originals
 * are not here to compare with. This program applies one more generation (ImageIO's JPEG codec at each given
 * quality, its default 4:2:0 chroma subsampling, 8-bit round trip) to the first test images and evaluates trained
 * models on the images as stored and after it: each image's PSNR and LPIPS (the reference's [-1, 1] input) of its
 * posterior-mean reconstruction, against the image the model was given, and the per-image differences (after minus
 * as stored) with their mean's Student-t 95% interval over images. JPEG at the quality an image was last compressed with nearly returns the
 * same image, so a generation at 75 says how close the copy is to ImageIO's codec, and lower qualities how
 * sensitive each metric is to added artefacts. Writes a JSON record and prints a table.
 */
public final class JpegGenerationEstimate {
    private static final int BATCH = 250;

    private JpegGenerationEstimate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 7) {
            throw new IllegalArgumentException("usage: JpegGenerationEstimate <data dir> <LPIPS weights .npz> "
                    + "<dataset id> <JPEG qualities 1-100, comma-separated> <test images> <out.json> "
                    + "<model.zip>[,<model.zip>...]");
        }
        DatasetRepository repository = new DatasetRepository(DataLocations.of(Path.of(args[0])));
        Lpips lpips = Lpips.load(Path.of(args[1]));
        StandardDataset dataset = StandardDataset.fromId(args[2]);
        List<Integer> qualities = java.util.Arrays.stream(args[3].split(",")).map(String::trim).map(Integer::valueOf)
                .toList();
        qualities.forEach(q -> Preconditions.check(q >= 1 && q <= 100, "JPEG quality must be in 1-100, got " + q));
        ImageDataset test = repository.load(dataset, Split.TEST).firstN(Integer.parseInt(args[4]));
        Path out = Path.of(args[5]);
        List<Path> files = java.util.Arrays.stream(args[6].split(",")).map(String::trim).map(Path::of).toList();
        List<AutoencoderModel> models = files.stream().map(file -> ModelFile.load(file).model()).toList();

        ObjectNode record = Json.mapper().createObjectNode();
        record.put("description", "PSNR and LPIPS of posterior-mean reconstructions of the first " + test.size() + " "
                + dataset.id() + " test images as stored and after one more JPEG generation (ImageIO, 4:2:0) at each "
                + "quality; differences are after minus as stored, per image, with their mean's Student-t 95% interval "
                + "over images (JpegGenerationEstimate)");
        record.put("dataset", dataset.id());
        record.put("images", test.size());
        record.set("models", Json.mapper().valueToTree(files.stream().map(Path::toString).toList()));
        List<INDArray> stored = new ArrayList<>();
        for (int from = 0; from < test.size(); from += BATCH) {
            stored.add(test.range(from, Math.min(test.size(), from + BATCH)).images());
        }
        List<double[][]> asStored = models.stream().map(model -> measure(model, stored, lpips)).toList();
        System.out.println("quality\tPSNR to stored\tmodel\tPSNR stored\tdifference [95% CI]\tLPIPS stored"
                + "\tdifference [95% CI]");
        ArrayNode rows = record.putArray("generations");
        for (int quality : qualities) {
            List<INDArray> again = stored.stream().map(x -> recompress(x, quality)).toList();
            double[] imagePsnr = new double[test.size()];
            int from = 0;
            for (int b = 0; b < stored.size(); b++) {
                double[] psnr = PsnrAccumulator.perImage(stored.get(b), again.get(b));
                System.arraycopy(psnr, 0, imagePsnr, from, psnr.length);
                from += psnr.length;
            }
            ObjectNode generation = rows.addObject();
            generation.put("quality", quality);
            SampleSummary toStored = summary(imagePsnr);
            generation.set("psnrToStored", Json.mapper().valueToTree(toStored));
            ArrayNode byModel = generation.putArray("models");
            for (int m = 0; m < models.size(); m++) {
                double[][] before = asStored.get(m);
                double[][] after = measure(models.get(m), again, lpips);
                SampleSummary psnrStored = summary(before[0]);
                SampleSummary lpipsStored = summary(before[1]);
                SampleSummary psnr = summary(differences(before[0], after[0]));
                SampleSummary lp = summary(differences(before[1], after[1]));
                ObjectNode row = byModel.addObject();
                row.put("model", files.get(m).toString());
                row.set("psnrStored", Json.mapper().valueToTree(psnrStored));
                row.set("psnrDifference", Json.mapper().valueToTree(psnr));
                row.set("lpipsStored", Json.mapper().valueToTree(lpipsStored));
                row.set("lpipsDifference", Json.mapper().valueToTree(lp));
                System.out.printf(Locale.ROOT, "%d\t%.2f\t%s\t%.3f\t%+.3f [%+.3f, %+.3f]\t%.4f\t%+.4f [%+.4f, %+.4f]%n",
                        quality, toStored.mean(), files.get(m), psnrStored.mean(),
                        psnr.mean(), psnr.low(), psnr.high(), lpipsStored.mean(), lp.mean(), lp.low(),
                        lp.high());
            }
        }
        AtomicFiles.writeJson(out, record);
    }

    /** Each image's PSNR (row 0) and LPIPS (row 1) of its posterior-mean reconstruction, against the model's input. */
    private static double[][] measure(AutoencoderModel model, List<INDArray> batches, Lpips lpips) {
        int n = batches.stream().mapToInt(b -> (int) b.size(0)).sum();
        double[][] values = {new double[n], new double[n]};
        int from = 0;
        for (INDArray x : batches) {
            INDArray reconstruction = model.reconstruct(x).dup();
            double[] psnr = PsnrAccumulator.perImage(x, reconstruction);
            System.arraycopy(psnr, 0, values[0], from, psnr.length);
            System.arraycopy(lpips.distances(x, reconstruction, SmallImagePolicy.RESIZE), 0, values[1], from,
                    psnr.length);
            from += psnr.length;
        }
        return values;
    }

    /** after[i] - before[i]: summarised, their mean and its Student-t interval are the paired comparison. */
    private static double[] differences(double[] before, double[] after) {
        double[] d = new double[before.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        return d;
    }

    private static SampleSummary summary(double[] values) {
        return SampleSummary.of(values, SampleSummary.CONFIDENCE_95);
    }

    /** Each image of {@code images} ([N, C, H, W] in [0, 1], C 1 or 3) through an 8-bit JPEG encode and decode. */
    static INDArray recompress(INDArray images, int quality) {
        int n = (int) images.size(0);
        int channels = (int) images.size(1);
        int height = (int) images.size(2);
        int width = (int) images.size(3);
        Preconditions.check(channels == 1 || channels == 3, "JPEG takes 1 or 3 channels, got " + channels);
        float[] pixels = images.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] out = new float[pixels.length];
        int plane = height * width;
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(width, height,
                    channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            int base = i * channels * plane;
            for (int p = 0; p < plane; p++) {
                int r = level(pixels[base + p]);
                if (channels == 1) {
                    image.getRaster().setSample(p % width, p / width, 0, r);
                } else {
                    int g = level(pixels[base + plane + p]);
                    int b = level(pixels[base + 2 * plane + p]);
                    image.setRGB(p % width, p / width, (r << 16) | (g << 8) | b);
                }
            }
            BufferedImage decoded = decode(encode(image, quality));
            for (int p = 0; p < plane; p++) {
                if (channels == 1) {
                    out[base + p] = decoded.getRaster().getSample(p % width, p / width, 0) / 255f;
                } else {
                    int rgb = decoded.getRGB(p % width, p / width);
                    out[base + p] = ((rgb >> 16) & 0xff) / 255f;
                    out[base + plane + p] = ((rgb >> 8) & 0xff) / 255f;
                    out[base + 2 * plane + p] = (rgb & 0xff) / 255f;
                }
            }
        }
        return Nd4j.create(out, new long[] {n, channels, height, width}, DataType.FLOAT);
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }

    private static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
