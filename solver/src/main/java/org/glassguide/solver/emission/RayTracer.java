package org.glassguide.solver.emission;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte Carlo ray tracing of luminescence in a straight step-index fiber (core radius a, length L, end faces at
 * z = 0 and z = L). In a straight cylinder a ray keeps its angle to the axis and its impact parameter, so every
 * reflection on the core boundary has the same angle of incidence: a ray is bound (angle to the axis below the
 * critical complement), tunnelling (a skew ray totally reflected although not bound; it leaks slowly in reality and is
 * tallied apart) or refracting (it leaves the core at its first reflection: escaped). Guided rays are followed
 * exactly, without stepping reflection by reflection: the distance to the next event is drawn from the total
 * attenuation (background loss plus the dopant's self-absorption), the transverse position follows the chord
 * polygon in closed form, and at an end face Fresnel's unpolarised transmission decides between exit and
 * reflection back. A dopant absorption is re-emitted with the quantum yield (new wavelength and direction, same
 * place). Each emission ends in exactly one of: output face, input face, escaped, absorbed — counted as integers,
 * so the bookkeeping is exact. Rays run in fixed chunks with their own random streams: the result depends on the
 * seed only, not on the thread count.
 */
public final class RayTracer {
    static final int CHUNK = 1 << 15;
    /** Re-emissions followed per ray; the rest (none in practice) are tallied apart. */
    static final int MAX_GENERATIONS = 1000;

    /** Spectral tables on the bins: wavelength, core and cladding index, background alpha, dopant alpha, emission CDF. */
    public record Spectral(double[] wavelength, double[] nCore, double[] nClad, double[] alphaBackground, double[] alphaDopant,
            double[] emissionCdf) {
    }

    /** The tallies of one run. */
    public static final class Tally {
        public long rays;
        public long emissions;
        public long reEmitted;
        public long output;
        public long input;
        public long escaped;
        public long absorbedBackground;
        public long absorbedNonRadiative;
        public long capped;
        public long trappedForever;
        public long firstBound;
        public long firstTunnelling;
        public long firstRefracting;
        public long outputTunnelling;
        public long[] spectrum;
        public long[] farField;
        public long[] farFieldBound;
        public long[] nearField;

        Tally(int bins, int angles, int grid) {
            spectrum = new long[bins];
            farField = new long[angles];
            farFieldBound = new long[angles];
            nearField = new long[grid * grid];
        }

        void add(Tally t) {
            rays += t.rays;
            emissions += t.emissions;
            reEmitted += t.reEmitted;
            output += t.output;
            input += t.input;
            escaped += t.escaped;
            absorbedBackground += t.absorbedBackground;
            absorbedNonRadiative += t.absorbedNonRadiative;
            capped += t.capped;
            trappedForever += t.trappedForever;
            firstBound += t.firstBound;
            firstTunnelling += t.firstTunnelling;
            firstRefracting += t.firstRefracting;
            outputTunnelling += t.outputTunnelling;
            for (int i = 0; i < spectrum.length; i++) {
                spectrum[i] += t.spectrum[i];
            }
            for (int i = 0; i < farField.length; i++) {
                farField[i] += t.farField[i];
                farFieldBound[i] += t.farFieldBound[i];
            }
            for (int i = 0; i < nearField.length; i++) {
                nearField[i] += t.nearField[i];
            }
        }
    }

    /** Far-field bins: 1 degree each from 0 to 90. */
    public static final int ANGLES = 90;
    /** Near-field image: GRID x GRID pixels over the core's square. */
    public static final int GRID = 101;

    /**
     * Traces rays; emitters sit uniformly across the core, along z either uniformly (side) or with the pump's
     * Beer-Lambert profile from the input face (alphaPump, 1/m). n0 is the index outside the end faces.
     */
    public Tally trace(Spectral s, double a, double length, double n0, double plqy, boolean side, double alphaPump, long rays, long seed) {
        return trace(s, a, length, n0, plqy, side, alphaPump, rays, seed, false);
    }

    /** As above; onAxis puts every first emitter on the fiber's axis (a point source, for the textbook trapping check). */
    public Tally trace(Spectral s, double a, double length, double n0, double plqy, boolean side, double alphaPump, long rays, long seed,
            boolean onAxis) {
        int chunks = (int) ((rays + CHUNK - 1) / CHUNK);
        Tally[] parts = new Tally[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            long n = Math.min(CHUNK, rays - (long) c * CHUNK);
            parts[c] = chunk(s, a, length, n0, plqy, side, alphaPump, n, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + c), onAxis);
        });
        Tally total = new Tally(s.wavelength().length, ANGLES, GRID);
        for (Tally t : parts) {
            total.add(t);
        }
        return total;
    }

    private static Tally chunk(Spectral s, double a, double length, double n0, double plqy, boolean side, double alphaPump, long n,
            SplittableRandom rng, boolean onAxis) {
        Tally t = new Tally(s.wavelength().length, ANGLES, GRID);
        double[] st = new double[4];
        double pumpNorm = 1 - Math.exp(-alphaPump * length);
        for (long ray = 0; ray < n; ray++) {
            t.rays++;
            // emitter: uniform over the core's area, z from the pump profile
            double r = onAxis ? 0 : a * Math.sqrt(rng.nextDouble());
            double phi = 2 * Math.PI * rng.nextDouble();
            st[0] = r * Math.cos(phi);
            st[1] = r * Math.sin(phi);
            double z = side ? length * rng.nextDouble() : -Math.log(1 - rng.nextDouble() * pumpNorm) / alphaPump;
            for (int gen = 0; ; gen++) {
                if (gen >= MAX_GENERATIONS) {
                    t.capped++;
                    break;
                }
                t.emissions++;
                int bin = sample(s.emissionCdf(), rng.nextDouble());
                // isotropic direction: c = cos(angle to z), transverse direction angle
                double c = 2 * rng.nextDouble() - 1;
                double sinT = Math.sqrt(Math.max(0, 1 - c * c));
                double psi = 2 * Math.PI * rng.nextDouble();
                st[2] = Math.cos(psi);
                st[3] = Math.sin(psi);
                double n1 = s.nCore()[bin];
                double ratio = s.nClad()[bin] / n1;
                int kind = classify(st, a, c, sinT, ratio);
                if (gen == 0) {
                    if (kind == 0) {
                        t.firstBound++;
                    } else if (kind == 1) {
                        t.firstTunnelling++;
                    } else {
                        t.firstRefracting++;
                    }
                }
                if (kind == 2) {
                    t.escaped++;
                    break;
                }
                double alphaTot = s.alphaBackground()[bin] + s.alphaDopant()[bin];
                double absC = Math.abs(c);
                boolean reEmit = false;
                if (transmission(n1, n0, absC) == 0) {
                    // totally reflected at both end faces too: it never leaves; in a lossless core it stays for ever,
                    // else it is absorbed after an exponential path, wherever the folded path puts it
                    if (!(alphaTot > 0)) {
                        t.trappedForever++;
                        break;
                    }
                    double step = -Math.log(1 - rng.nextDouble()) / alphaTot;
                    double travel = Math.IEEEremainder(z + Math.copySign(step * absC, c), 2 * length);
                    z = Math.abs(travel);
                    advance(st, a, step * sinT);
                    if (rng.nextDouble() * alphaTot < s.alphaDopant()[bin]) {
                        if (rng.nextDouble() < plqy) {
                            t.reEmitted++;
                            continue;
                        }
                        t.absorbedNonRadiative++;
                    } else {
                        t.absorbedBackground++;
                    }
                    break;
                }
                while (true) {
                    double toFace = c > 0 ? length - z : z;
                    double path = toFace / absC;
                    double step = alphaTot > 0 ? -Math.log(1 - rng.nextDouble()) / alphaTot : Double.POSITIVE_INFINITY;
                    if (step < path) {
                        z += Math.copySign(step * absC, c);
                        advance(st, a, step * sinT);
                        if (rng.nextDouble() * alphaTot < s.alphaDopant()[bin]) {
                            if (rng.nextDouble() < plqy) {
                                t.reEmitted++;
                                reEmit = true;
                            } else {
                                t.absorbedNonRadiative++;
                            }
                        } else {
                            t.absorbedBackground++;
                        }
                        break;
                    }
                    z = c > 0 ? length : 0;
                    advance(st, a, path * sinT);
                    if (rng.nextDouble() < transmission(n1, n0, absC)) {
                        if (c > 0) {
                            t.output++;
                            if (kind == 1) {
                                t.outputTunnelling++;
                            }
                            t.spectrum[bin]++;
                            double sinOut = n1 * sinT / n0;
                            int ai = Math.min(ANGLES - 1, (int) (Math.toDegrees(Math.asin(Math.min(1, sinOut)))));
                            t.farField[ai]++;
                            if (kind == 0) {
                                t.farFieldBound[ai]++;
                            }
                            int ix = (int) ((st[0] / a + 1) * 0.5 * GRID);
                            int iy = (int) ((st[1] / a + 1) * 0.5 * GRID);
                            t.nearField[Math.min(GRID - 1, Math.max(0, iy)) * GRID + Math.min(GRID - 1, Math.max(0, ix))]++;
                        } else {
                            t.input++;
                        }
                        break;
                    }
                    c = -c;
                }
                if (!reEmit) {
                    break;
                }
            }
        }
        return t;
    }

    /** Bin of a uniform variate in a CDF (last entry 1). */
    static int sample(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * 0 bound, 1 tunnelling, 2 refracting. Bound: cos(angle to z) above n_clad / n_core. Otherwise the angle of
     * incidence alpha on the core boundary has cos(alpha) = sin(theta) cos(psi), psi the angle between the transverse
     * direction and the boundary normal (sin(psi) = impact parameter / a): totally reflected when sin(alpha) > n_clad / n_core.
     */
    static int classify(double[] st, double a, double c, double sinT, double ratio) {
        if (Math.abs(c) > ratio) {
            return 0;
        }
        double rho = Math.abs(st[0] * st[3] - st[1] * st[2]) / a;
        double cosPsi2 = Math.max(0, 1 - rho * rho);
        double cosAlpha2 = sinT * sinT * cosPsi2;
        return cosAlpha2 < 1 - ratio * ratio ? 1 : 2;
    }

    /** Unpolarised Fresnel power transmission from index n1 into n0 at an angle with cosine cosI; 0 beyond the critical angle. */
    static double transmission(double n1, double n0, double cosI) {
        double sinI = Math.sqrt(Math.max(0, 1 - cosI * cosI));
        double sinT = n1 * sinI / n0;
        if (sinT >= 1) {
            return 0;
        }
        double cosT = Math.sqrt(1 - sinT * sinT);
        double rs = (n1 * cosI - n0 * cosT) / (n1 * cosI + n0 * cosT);
        double rp = (n0 * cosI - n1 * cosT) / (n0 * cosI + n1 * cosT);
        return 1 - 0.5 * (rs * rs + rp * rp);
    }

    /**
     * Moves a transverse state (x, y, ux, uy) a distance d inside the disc of radius a with specular reflections: the
     * chords between reflections all have length 2 sqrt(a^2 - rho^2) (rho the impact parameter) and each turns the
     * reflection point by 2 acos(rho / a) about the axis, so any number of reflections is one rotation.
     */
    static void advance(double[] st, double a, double d) {
        double px = st[0];
        double py = st[1];
        double ux = st[2];
        double uy = st[3];
        double pu = px * ux + py * uy;
        double q = pu * pu - (px * px + py * py - a * a);
        double t0 = -pu + Math.sqrt(Math.max(0, q));
        if (d <= t0) {
            st[0] = px + d * ux;
            st[1] = py + d * uy;
            return;
        }
        double bx = px + t0 * ux;
        double by = py + t0 * uy;
        double lz = px * uy - py * ux;
        double rho = Math.min(a, Math.abs(lz));
        double chord = 2 * Math.sqrt(Math.max(0, a * a - rho * rho));
        if (chord <= 1e-12 * a) {
            st[0] = bx;
            st[1] = by;
            return;
        }
        double delta = Math.copySign(2 * Math.acos(rho / a), lz == 0 ? 1 : lz);
        double rem = d - t0;
        double k = Math.floor(rem / chord);
        double frac = (rem - k * chord) / chord;
        double b0 = Math.atan2(by, bx);
        double ak = b0 + Math.IEEEremainder(k * delta, 2 * Math.PI);
        double ak1 = ak + delta;
        double x0 = a * Math.cos(ak);
        double y0 = a * Math.sin(ak);
        double x1 = a * Math.cos(ak1);
        double y1 = a * Math.sin(ak1);
        st[0] = x0 + frac * (x1 - x0);
        st[1] = y0 + frac * (y1 - y0);
        st[2] = (x1 - x0) / chord;
        st[3] = (y1 - y0) / chord;
    }
}
