package org.vaerepro.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The processor as provenance records it: enough to tell two machines with the same model name apart. */
class EnvironmentProvenanceTest {
    @Test
    void theProcessorIsNamedWithFamilyModelAndVectorExtension() {
        List<String> twoProcessors = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26",
                "model\t\t: 2", "model name\t: AMD EPYC", "flags\t\t: fpu sse2 avx avx2 avx512f avx512bw", "",
                "processor\t: 1", "model name\t: something else", "");
        assertEquals("AMD EPYC (family 26, model 2; AVX-512)", EnvironmentProvenance.cpuDescription(twoProcessors));
        assertEquals("Some CPU (family 6, model 85; AVX2)", EnvironmentProvenance.cpuDescription(List.of(
                "model name : Some CPU", "cpu family : 6", "model : 85", "flags : sse2 avx avx2 avx512_bf16")));
        assertEquals("Board (no AVX)", EnvironmentProvenance.cpuDescription(List.of("model name : Board", "flags : neon")));
        assertEquals("unknown CPU", EnvironmentProvenance.cpuDescription(List.of("processor : 0", "")));
    }

    @Test
    void thisMachineIsDescribedFromItsOwnCpuinfo() throws Exception {
        // The project builds and runs on Linux (its machines and CI), where /proc/cpuinfo always exists.
        Path cpuinfo = Path.of("/proc/cpuinfo");
        assertEquals(EnvironmentProvenance.cpuDescription(Files.readAllLines(cpuinfo)),
                EnvironmentProvenance.current().cpu());
    }
}
