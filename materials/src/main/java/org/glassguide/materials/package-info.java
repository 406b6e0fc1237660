/**
 * Optical, thermal and luminescence data of glasses, with provenance for every number.
 *
 * <p>Units: SI everywhere inside (wavelength in metres, attenuation as the power attenuation
 * coefficient alpha in 1/m, temperature in kelvin). Complex index: n + i k with k &ge; 0 for an
 * absorbing medium, matching the time convention exp(i(beta z - omega t)) used throughout GlassGuide;
 * k = alpha lambda / (4 pi).
 */
package org.glassguide.materials;
