/**
 * The CUDA compute backend (JCuda driver API, PTX kernels), registered through ServiceLoader and
 * selected with --device. It arrives with the beam-propagation method; until then every solver runs
 * on the CPU and this module has no classes.
 */
package org.glassguide.gpu;
