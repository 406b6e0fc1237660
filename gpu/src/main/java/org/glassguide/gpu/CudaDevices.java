package org.glassguide.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jcuda.CudaException;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * Finds the CUDA devices once per JVM. Without a driver, JCuda's native library cannot load and the first
 * driver call throws {@link UnsatisfiedLinkError}: caught here, once, and turned into a reason. A device
 * counts as usable only when the kernels' PTX loads on it (a driver older than the PTX is a reason too).
 */
final class CudaDevices {
    /** A device: index, name, memory, and its theoretical memory bandwidth from the clock and bus width. */
    record Device(int index, String name, long totalBytes, double bandwidthBytesPerSecond) {
        String describe() {
            return String.format(java.util.Locale.ROOT, "gpu:%d %s, %.1f GiB, %.0f GB/s theoretical", index, name, totalBytes / 1073741824.0,
                    bandwidthBytesPerSecond / 1e9);
        }
    }

    /** The devices found, or none and why. */
    record Probe(List<Device> devices, String reason) {
        boolean usable() {
            return !devices.isEmpty();
        }
    }

    private static Probe probe;

    private CudaDevices() {
    }

    static synchronized Probe probe() {
        if (probe == null) {
            probe = run();
        }
        return probe;
    }

    /** The PTX of the kernels, null-terminated as the driver wants it. */
    static byte[] ptx() {
        try (InputStream in = CudaDevices.class.getResourceAsStream("adi.ptx")) {
            if (in == null) {
                throw new IllegalStateException("the kernels' PTX (org/glassguide/gpu/adi.ptx) is missing from the gpu module");
            }
            byte[] b = in.readAllBytes();
            byte[] z = new byte[b.length + 1];
            System.arraycopy(b, 0, z, 0, b.length);
            return z;
        } catch (IOException e) {
            throw new IllegalStateException("the kernels' PTX cannot be read: " + e.getMessage(), e);
        }
    }

    private static Probe run() {
        try {
            JCudaDriver.setExceptionsEnabled(true);
            JCudaDriver.cuInit(0);
            int[] n = new int[1];
            JCudaDriver.cuDeviceGetCount(n);
            if (n[0] == 0) {
                return new Probe(List.of(), "the CUDA driver sees no device");
            }
            List<Device> out = new ArrayList<>();
            for (int i = 0; i < n[0]; i++) {
                CUdevice dev = new CUdevice();
                JCudaDriver.cuDeviceGet(dev, i);
                byte[] name = new byte[256];
                JCudaDriver.cuDeviceGetName(name, name.length, dev);
                long[] mem = new long[1];
                JCudaDriver.cuDeviceTotalMem(mem, dev);
                int[] clock = new int[1];
                int[] bus = new int[1];
                JCudaDriver.cuDeviceGetAttribute(clock, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE, dev);
                JCudaDriver.cuDeviceGetAttribute(bus, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH, dev);
                // kHz x bits: double data rate
                double bandwidth = 2.0 * clock[0] * 1e3 * bus[0] / 8;
                String s = new String(name, java.nio.charset.StandardCharsets.US_ASCII);
                int end = s.indexOf(0);
                out.add(new Device(i, (end >= 0 ? s.substring(0, end) : s).trim(), mem[0], bandwidth));
            }
            // the kernels must load: a driver older than the PTX's ISA refuses it
            CUdevice dev = new CUdevice();
            JCudaDriver.cuDeviceGet(dev, 0);
            CUcontext ctx = new CUcontext();
            JCudaDriver.cuDevicePrimaryCtxRetain(ctx, dev);
            try {
                JCudaDriver.cuCtxSetCurrent(ctx);
                CUmodule m = new CUmodule();
                JCudaDriver.cuModuleLoadData(m, ptx());
                JCudaDriver.cuModuleUnload(m);
            } finally {
                JCudaDriver.cuDevicePrimaryCtxRelease(dev);
            }
            return new Probe(List.copyOf(out), "");
        } catch (UnsatisfiedLinkError e) {
            return new Probe(List.of(), "no CUDA driver here (libcuda.so.1 or JCuda's native library could not be loaded)");
        } catch (CudaException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("PTX")) {
                return new Probe(List.of(), "the CUDA driver is older than the kernels' PTX (ISA 9.0 needs a CUDA 13 driver): " + m);
            }
            return new Probe(List.of(), "the CUDA driver failed: " + m);
        } catch (Throwable e) {
            return new Probe(List.of(), "CUDA could not start: " + e);
        }
    }
}
