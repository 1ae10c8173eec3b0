package org.vaerepro.model;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.vaerepro.data.ImageShape;

public class Probe {
    public static void main(String[] args) {
        for (Architecture a : Architecture.all()) {
            for (int side : new int[] {28, 32}) {
                int c = side == 28 ? 1 : 3;
                ModelConfig cfg = ModelConfig.of(a, new ImageShape(c, side, side), 16);
                AutoencoderModel m = AutoencoderModel.create(cfg, 1);
                INDArray x = Nd4j.rand(DataType.FLOAT, 128, c, side, side);
                System.out.println(a.id() + " " + side + " params " + m.parameterCount() + " recon " + Arrays.toString(m.reconstruct(x).shape())
                        + " decode " + Arrays.toString(m.decode(Nd4j.zeros(DataType.FLOAT, 3, 16)).shape()));
                TrainingConfig tc = new TrainingConfig.Builder().updater(new Adam(1e-3)).markLabelsUnused()
                        .dataSetFeatureMapping(a.variational() ? new String[] {"input", "eps"} : new String[] {"input"}).build();
                m.sameDiff().setTrainingConfig(tc);
                java.io.PrintStream out = System.out;
                System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
                m.sameDiff().createGradFunction();
                System.setOut(out);
                final org.nd4j.autodiff.listeners.Loss[] last = new org.nd4j.autodiff.listeners.Loss[1];
                m.sameDiff().setListeners(new org.nd4j.autodiff.listeners.BaseListener() {
                    public boolean isActive(org.nd4j.autodiff.listeners.Operation op) { return true; }
                    public void iterationDone(org.nd4j.autodiff.samediff.SameDiff sd, org.nd4j.autodiff.listeners.At at, org.nd4j.linalg.dataset.api.MultiDataSet d, org.nd4j.autodiff.listeners.Loss loss) { last[0] = loss; }
                    public org.nd4j.autodiff.listeners.ListenerVariables requiredVariables(org.nd4j.autodiff.samediff.SameDiff sd) { return org.nd4j.autodiff.listeners.ListenerVariables.builder().trainingVariables(a.variational() ? new String[]{"reconstructionLoss","weightedKl"} : new String[]{"reconstructionLoss"}).build(); }
                    public void activationAvailable(org.nd4j.autodiff.samediff.SameDiff sd, org.nd4j.autodiff.listeners.At at, org.nd4j.linalg.dataset.api.MultiDataSet batch, org.nd4j.autodiff.samediff.internal.SameDiffOp op, String varName, INDArray activation) { if (varName.equals("reconstructionLoss") || varName.equals("weightedKl")) System.out.print(" " + varName + "=" + activation.getDouble(0)); }
                });
                INDArray[] f = a.variational() ? new INDArray[] {x, Nd4j.randn(DataType.FLOAT, 128, 16)} : new INDArray[] {x};
                MultiDataSet ds = new MultiDataSet(f, null);
                for (int i = 0; i < 3; i++) m.sameDiff().fit(ds);
                long t = System.nanoTime();
                int steps = 10;
                org.nd4j.autodiff.listeners.records.History h = null;
                for (int i = 0; i < steps; i++) h = m.sameDiff().fit(ds);
                double s = (System.nanoTime() - t) / 1e9;
                System.out.println("  train img/s " + (128 * steps / s) + " loss " + last[0]);
                t = System.nanoTime();
                for (int i = 0; i < steps; i++) m.reconstruct(x);
                s = (System.nanoTime() - t) / 1e9;
                System.out.println("  infer img/s " + (128 * steps / s));
            }
        }
    }
}
