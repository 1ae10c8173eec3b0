package org.vaerepro.peers.libtorch;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one-op TorchScript module (conv_transpose2d, stride 2, padding 1) that src/bench/python/conv_transpose_module.py
 * writes, loaded as a DJL model on the CPU.
 */
final class ConvTransposeModule implements AutoCloseable {
    private final Model model;

    private ConvTransposeModule(Model model) {
        this.model = model;
    }

    static ConvTransposeModule load(Path file) {
        if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".pt")) {
            throw new IllegalArgumentException("TorchScript module " + file + " not found (a .pt file): write it with "
                    + "/usr/bin/python3 vae-bench-peers/src/bench/python/conv_transpose_module.py " + file
                    + " (mvn -pl vae-bench-peers -Plibtorch generate-test-resources does)");
        }
        String name = file.getFileName().toString();
        Model model = Model.newInstance(name, Device.cpu(), "PyTorch");
        try {
            model.load(file.toAbsolutePath().getParent(), name.substring(0, name.length() - ".pt".length()));
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("cannot read TorchScript module " + file, e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("TorchScript module " + file + " does not load in libtorch: " + e, e);
        }
        return new ConvTransposeModule(model);
    }

    Block block() {
        return model.getBlock();
    }

    @Override
    public void close() {
        model.close();
    }
}
