package org.glassguide.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.ComputeBackends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** --device auto|cpu|gpu[:N] with the CUDA backend on the class path (ServiceLoader registration included). */
class DeviceSelectionTest {
    @Test
    void theCudaBackendIsRegistered() {
        assertTrue(ComputeBackends.all().stream().anyMatch(b -> b instanceof CudaBackend));
    }

    @Test
    void withoutAGpuAutoFallsBackWithOneNoticeAndGpuIsAnErrorWithTheReason() {
        CudaDevices.Probe p = CudaDevices.probe();
        Assumptions.assumeFalse(p.usable(), "a GPU is present");
        List<String> notices = new ArrayList<>();
        ComputeBackend b = ComputeBackends.select("auto", notices::add);
        assertEquals("cpu", b.name());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains(p.reason()), notices.get(0));
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> ComputeBackends.select("gpu", s -> { }));
        assertTrue(e.getMessage().contains("--device") && e.getMessage().contains(p.reason()), e.getMessage());
        e = assertThrows(GlassGuideException.class, () -> ComputeBackends.select("gpu:1", s -> { }));
        assertTrue(e.getMessage().contains("gpu:1"), e.getMessage());
    }

    @Test
    void malformedDevicesAreOneLineErrors() {
        for (String d : new String[] {"gpu:x", "tpu", "cpu:1", "gpu:-1"}) {
            GlassGuideException e = assertThrows(GlassGuideException.class, () -> ComputeBackends.select(d, s -> { }));
            assertTrue(e.getMessage().contains(d) && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void withAGpuAutoPicksIt() {
        Assumptions.assumeTrue(CudaDevices.probe().usable(), "no GPU: " + CudaDevices.probe().reason());
        assertEquals("gpu", ComputeBackends.select("auto", s -> { }).name());
        assertEquals("gpu", ComputeBackends.select("gpu:0", s -> { }).name());
    }
}
