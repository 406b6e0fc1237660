package org.glassguide.solver.emission;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte Carlo ray tracing of luminescence in a straight step-index fiber (core radius a, length L, end faces at
 * z = 0 and z = L). In a straight cylinder a ray keeps its angle to the axis and its impact parameter, so every
 * reflection on the core boundary has the same angle of incidence: a ray is bound (angle to the axis below the
 * critical complement), tunnelling (a skew ray totally reflected although not bound; it leaks slowly in reality and is
 * tallied apart) or refracting (it leaves the core at its first reflection on the core's wall — unless it meets an end
 * face first, where Fresnel decides as for any ray; once out of the core it is escaped, or, with a guiding cladding, a
 * cladding ray when the fiber's outer surface reflects it totally). Guided rays are followed
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

    /**
     * A cladding whose outer surface guides (a bare fiber in air, or a coating of lower index): its outer radius and the
     * surround's index on the bins. Without one, light refracted out of the core is lost (a high-index coating or a mode
     * stripper).
     */
    public record Cladding(double outerRadius, double[] nSurround) {
    }

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
        /** rays not guided by the core that left through an end face before meeting the core's wall */
        public long outputUnguided;
        public long inputUnguided;
        /** rays guided by the cladding's outer surface (first emissions; those leaving each end face) */
        public long firstCladding;
        public long outputCladding;
        public long inputCladding;
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
            outputUnguided += t.outputUnguided;
            inputUnguided += t.inputUnguided;
            firstCladding += t.firstCladding;
            outputCladding += t.outputCladding;
            inputCladding += t.inputCladding;
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
        return trace(s, a, length, n0, plqy, side, alphaPump, rays, seed, false, null);
    }

    /** As above; onAxis puts every first emitter on the fiber's axis (a point source, for the textbook trapping check). */
    public Tally trace(Spectral s, double a, double length, double n0, double plqy, boolean side, double alphaPump, long rays, long seed,
            boolean onAxis) {
        return trace(s, a, length, n0, plqy, side, alphaPump, rays, seed, onAxis, null);
    }

    /** As above, with a cladding that guides (null: light leaving the core is lost). */
    public Tally trace(Spectral s, double a, double length, double n0, double plqy, boolean side, double alphaPump, long rays, long seed,
            boolean onAxis, Cladding cladding) {
        int chunks = (int) ((rays + CHUNK - 1) / CHUNK);
        Tally[] parts = new Tally[chunks];
        // one independent stream per chunk, split in order from the seed's generator: the result depends on the seed
        // only, not on the thread count (seeding each chunk with seed x gamma + c, as before, gave every seed nearly
        // the same numbers shifted by a few draws: SplittableRandom steps its state by that same gamma)
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[chunks];
        for (int c = 0; c < chunks; c++) {
            streams[c] = root.split();
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            long n = Math.min(CHUNK, rays - (long) c * CHUNK);
            parts[c] = new Walk(s, a, length, n0, plqy, cladding, streams[c]).chunk(side, alphaPump, n, onAxis);
        });
        Tally total = new Tally(s.wavelength().length, ANGLES, GRID);
        for (Tally t : parts) {
            total.add(t);
        }
        return total;
    }

    /** One chunk's rays: the run's constants, its random stream, its tally and the ray being followed. */
    private static final class Walk {
        /** what became of a ray's current emission */
        private static final int DONE = 0;
        private static final int REEMIT = 1;
        /** reflections at the end faces followed per emission before a ray is counted trapped (a face that almost never transmits) */
        private static final int MAX_FACE_HITS = 1_000_000;

        private final Spectral s;
        private final double a;
        private final double length;
        private final double n0;
        private final double plqy;
        private final Cladding cladding;
        private final SplittableRandom rng;
        private final Tally t;
        /** transverse state (x, y, ux, uy) */
        private final double[] st = new double[4];
        private double z;
        private double c;
        private double sinT;
        private int bin;

        Walk(Spectral s, double a, double length, double n0, double plqy, Cladding cladding, SplittableRandom rng) {
            this.s = s;
            this.a = a;
            this.length = length;
            this.n0 = n0;
            this.plqy = plqy;
            this.cladding = cladding;
            this.rng = rng;
            this.t = new Tally(s.wavelength().length, ANGLES, GRID);
        }

        Tally chunk(boolean side, double alphaPump, long n, boolean onAxis) {
            double pumpNorm = 1 - Math.exp(-alphaPump * length);
            for (long ray = 0; ray < n; ray++) {
                t.rays++;
                // emitter: uniform over the core's area, z from the pump profile
                double r = onAxis ? 0 : a * Math.sqrt(rng.nextDouble());
                double phi = 2 * Math.PI * rng.nextDouble();
                st[0] = r * Math.cos(phi);
                st[1] = r * Math.sin(phi);
                z = side ? length * rng.nextDouble() : -Math.log(1 - rng.nextDouble() * pumpNorm) / alphaPump;
                for (int gen = 0; ; gen++) {
                    if (gen >= MAX_GENERATIONS) {
                        t.capped++;
                        break;
                    }
                    if (emit(gen) != REEMIT) {
                        break;
                    }
                }
            }
            return t;
        }

        /** One emission from the current place: a new wavelength and direction, followed to its end. */
        private int emit(int gen) {
            t.emissions++;
            bin = sample(s.emissionCdf(), rng.nextDouble());
            // isotropic direction: c = cos(angle to z), transverse direction angle
            c = 2 * rng.nextDouble() - 1;
            sinT = Math.sqrt(Math.max(0, 1 - c * c));
            double psi = 2 * Math.PI * rng.nextDouble();
            st[2] = Math.cos(psi);
            st[3] = Math.sin(psi);
            double n1 = s.nCore()[bin];
            int kind = classify(st, a, c, sinT, s.nClad()[bin] / n1);
            if (gen == 0) {
                if (kind == 0) {
                    t.firstBound++;
                } else if (kind == 1) {
                    t.firstTunnelling++;
                } else {
                    t.firstRefracting++;
                }
            }
            return kind == 2 ? unguided(gen) : coreGuided(kind);
        }

        /** Whether the dopant (not the background) took an absorbed ray, and if so whether it re-emits. */
        private int absorbed() {
            double alphaTot = s.alphaBackground()[bin] + s.alphaDopant()[bin];
            if (rng.nextDouble() * alphaTot < s.alphaDopant()[bin]) {
                if (rng.nextDouble() < plqy) {
                    t.reEmitted++;
                    return REEMIT;
                }
                t.absorbedNonRadiative++;
            } else {
                t.absorbedBackground++;
            }
            return DONE;
        }

        /** A ray the core's wall reflects totally (bound or tunnelling), to an end face, an absorption or for ever. */
        private int coreGuided(int kind) {
            double n1 = s.nCore()[bin];
            double alphaTot = s.alphaBackground()[bin] + s.alphaDopant()[bin];
            double absC = Math.abs(c);
            if (transmission(n1, n0, absC) == 0) {
                // totally reflected at both end faces too: it never leaves; in a lossless core it stays for ever,
                // else it is absorbed after an exponential path, wherever the folded path puts it
                if (!(alphaTot > 0)) {
                    t.trappedForever++;
                    return DONE;
                }
                double step = -Math.log(1 - rng.nextDouble()) / alphaTot;
                double travel = Math.IEEEremainder(z + Math.copySign(step * absC, c), 2 * length);
                z = Math.abs(travel);
                advance(st, a, step * sinT);
                return absorbed();
            }
            while (true) {
                double toFace = c > 0 ? length - z : z;
                double path = toFace / absC;
                double step = alphaTot > 0 ? -Math.log(1 - rng.nextDouble()) / alphaTot : Double.POSITIVE_INFINITY;
                if (step < path) {
                    z += Math.copySign(step * absC, c);
                    advance(st, a, step * sinT);
                    return absorbed();
                }
                z = c > 0 ? length : 0;
                advance(st, a, path * sinT);
                if (rng.nextDouble() < transmission(n1, n0, absC)) {
                    if (c > 0) {
                        t.output++;
                        if (kind == 1) {
                            t.outputTunnelling++;
                        }
                        exitAt(n1 * sinT, kind == 0, true);
                    } else {
                        t.input++;
                    }
                    return DONE;
                }
                c = -c;
            }
        }

        /** Tallies a ray leaving the far face: its spectrum bin, far-field angle (n sin(theta) inside) and, when in the core, its place. */
        private void exitAt(double nSinInside, boolean bound, boolean inCore) {
            t.spectrum[bin]++;
            int ai = Math.min(ANGLES - 1, (int) (Math.toDegrees(Math.asin(Math.min(1, nSinInside / n0)))));
            t.farField[ai]++;
            if (bound) {
                t.farFieldBound[ai]++;
            }
            if (inCore) {
                int ix = (int) ((st[0] / a + 1) * 0.5 * GRID);
                int iy = (int) ((st[1] / a + 1) * 0.5 * GRID);
                t.nearField[Math.min(GRID - 1, Math.max(0, iy)) * GRID + Math.min(GRID - 1, Math.max(0, ix))]++;
            }
        }

        /**
         * A ray the core does not guide: it meets the core's wall, an end face (where Fresnel transmits or reflects it) or
         * an absorption first. Out of the core it is escaped, or, with a guiding cladding, a cladding ray.
         */
        private int unguided(int gen) {
            double n1 = s.nCore()[bin];
            double alphaTot = s.alphaBackground()[bin] + s.alphaDopant()[bin];
            double absC = Math.abs(c);
            for (int hits = 0; hits < MAX_FACE_HITS; hits++) {
                double toWall = wallDistance(st, a);
                double pathWall = toWall / sinT;
                double pathFace = (c > 0 ? length - z : z) / absC;
                double step = alphaTot > 0 ? -Math.log(1 - rng.nextDouble()) / alphaTot : Double.POSITIVE_INFINITY;
                if (step < Math.min(pathWall, pathFace)) {
                    z += Math.copySign(step * absC, c);
                    move(step * sinT);
                    return absorbed();
                }
                if (pathFace <= pathWall) {
                    z = c > 0 ? length : 0;
                    move(pathFace * sinT);
                    if (rng.nextDouble() < transmission(n1, n0, absC)) {
                        if (c > 0) {
                            t.output++;
                            t.outputUnguided++;
                            exitAt(n1 * sinT, false, true);
                        } else {
                            t.input++;
                            t.inputUnguided++;
                        }
                        return DONE;
                    }
                    c = -c;
                    continue;
                }
                z += Math.copySign(pathWall * absC, c);
                move(toWall);
                return claddingGuided(gen);
            }
            t.trappedForever++;
            return DONE;
        }

        /** Straight transverse move by d inside the core (no reflection on the way). */
        private void move(double d) {
            st[0] += d * st[2];
            st[1] += d * st[3];
        }

        /**
         * A ray that has left the core through its wall. With a guiding cladding and total reflection at the outer
         * surface (beta^2 + l^2 / b^2 > n_s^2, beta = n cos(theta) and l = n sin(theta) rho the ray's invariants) it
         * crosses core and cladding periodically: per period the core chord 2 sqrt(a^2 - rho_1^2) and the cladding path
         * 2 (sqrt(b^2 - rho_2^2) - sqrt(a^2 - rho_2^2)), rho_i = l / sqrt(n_i^2 - beta^2), each advancing z by beta /
         * sqrt(n_i^2 - beta^2) per unit of transverse path. Only the core absorbs (the cladding is lossless; the
         * absorption is spread evenly over each period); at an end face the ray is in the core or the cladding as the z
         * travelled since it left the core puts it, and Fresnel from that glass decides.
         */
        private int claddingGuided(int gen) {
            if (cladding == null) {
                t.escaped++;
                return DONE;
            }
            double n1 = s.nCore()[bin];
            double n2 = s.nClad()[bin];
            double ns = cladding.nSurround()[bin];
            double b = cladding.outerRadius();
            double beta = n1 * Math.abs(c);
            double k1 = n1 * sinT;
            double l = k1 * Math.abs(st[0] * st[3] - st[1] * st[2]);
            if (!(beta * beta + l * l / (b * b) > ns * ns) || !(beta < n2)) {
                t.escaped++;
                return DONE;
            }
            if (gen == 0) {
                t.firstCladding++;
            }
            double k2 = Math.sqrt(n2 * n2 - beta * beta);
            double rho1 = Math.min(a, l / k1);
            double rho2 = Math.min(a, l / k2);
            double sCore = 2 * Math.sqrt(a * a - rho1 * rho1);
            double sClad = 2 * (Math.sqrt(b * b - rho2 * rho2) - Math.sqrt(a * a - rho2 * rho2));
            double zCore = sCore * beta / k1;
            double zClad = sClad * beta / k2;
            double alphaTot = s.alphaBackground()[bin] + s.alphaDopant()[bin];
            // attenuation per unit of z: the core's over the core's path in one period
            double alphaZ = alphaTot > 0 ? alphaTot * sCore * n1 / k1 / (zCore + zClad) : 0;
            double tCore = transmission(n1, n0, beta / n1);
            double tClad = transmission(n2, n0, beta / n2);
            if (!(zCore + zClad > 0) || (tCore == 0 && tClad == 0)) {
                // it never reaches a face it can leave by: absorbed in the core, or for ever
                if (!(alphaZ > 0)) {
                    t.trappedForever++;
                    return DONE;
                }
                double step = -Math.log(1 - rng.nextDouble()) / alphaZ;
                z = Math.abs(Math.IEEEremainder(z + Math.copySign(step, c), 2 * length));
                return reEmitOnChord(rho1, absorbed());
            }
            // the glass at a face follows from the z travelled since the ray left the core: each period is the cladding's
            // way out to the surface and back (zClad), then a core chord (zCore)
            double travelled = 0;
            for (int hits = 0; hits < MAX_FACE_HITS; hits++) {
                double toFace = c > 0 ? length - z : z;
                double step = alphaZ > 0 ? -Math.log(1 - rng.nextDouble()) / alphaZ : Double.POSITIVE_INFINITY;
                if (step < toFace) {
                    z += Math.copySign(step, c);
                    return reEmitOnChord(rho1, absorbed());
                }
                z = c > 0 ? length : 0;
                travelled += toFace;
                boolean inCore = travelled % (zCore + zClad) >= zClad;
                if (rng.nextDouble() < (inCore ? tCore : tClad)) {
                    if (c > 0) {
                        t.output++;
                        t.outputCladding++;
                        if (inCore) {
                            pointOnChord(rho1);
                        }
                        exitAt(inCore ? k1 : k2, false, inCore);
                    } else {
                        t.input++;
                        t.inputCladding++;
                    }
                    return DONE;
                }
                c = -c;
            }
            t.trappedForever++;
            return DONE;
        }

        /** After an absorption in the core on a cladding ray's path: a re-emission starts from a point of its core chord. */
        private int reEmitOnChord(double rho1, int fate) {
            if (fate == REEMIT) {
                pointOnChord(rho1);
            }
            return fate;
        }

        /** A uniform point on a chord of the core at distance rho from the axis, in a random orientation. */
        private void pointOnChord(double rho) {
            double phi = 2 * Math.PI * rng.nextDouble();
            double h = Math.sqrt(Math.max(0, a * a - rho * rho)) * (2 * rng.nextDouble() - 1);
            st[0] = rho * Math.cos(phi) - h * Math.sin(phi);
            st[1] = rho * Math.sin(phi) + h * Math.cos(phi);
        }
    }

    /** Transverse distance from (x, y) along (ux, uy) to the core's wall. */
    static double wallDistance(double[] st, double a) {
        double pu = st[0] * st[2] + st[1] * st[3];
        double q = pu * pu - (st[0] * st[0] + st[1] * st[1] - a * a);
        return Math.max(0, -pu + Math.sqrt(Math.max(0, q)));
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
