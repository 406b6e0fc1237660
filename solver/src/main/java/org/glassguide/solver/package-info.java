/**
 * Geometry, index sampling, fiber theory and mode solvers.
 *
 * <p>Conventions: SI units inside (metres, 1/m). Fields vary as exp(i(beta z - omega t)); a lossy
 * medium has n + i k with k &gt; 0, a mode's n_eff = beta / k0 has a positive imaginary part when it
 * decays, and losses are reported as positive dB per length.
 */
package org.glassguide.solver;
