/**
 * The CUDA compute backend: {@link org.glassguide.gpu.CudaBackend}, registered through ServiceLoader
 * under {@link org.glassguide.solver.compute.ComputeBackend} and chosen with --device auto|cpu|gpu[:N].
 * Kernels are CUDA C++ (gpu/src/main/cuda), shipped as PTX and loaded through the JCuda driver API;
 * the field stays on the device for a whole run and only monitor values come back.
 */
package org.glassguide.gpu;
