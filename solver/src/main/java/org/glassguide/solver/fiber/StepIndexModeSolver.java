package org.glassguide.solver.fiber;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.special.Bessel;
import org.glassguide.solver.special.RootFinder;

/**
 * Exact guided modes of a step-index fiber from the Bessel characteristic equations: the scalar LP
 * modes and the vector TE, TM, HE and EH modes (Snyder and Love, Optical Waveguide Theory, ch. 12).
 *
 * <p>Each equation is written in a pole-free form (multiplied through by the Bessel function that
 * makes the textbook form singular), scanned in u on a grid finer than any root spacing for sign
 * changes, and every bracket refined by Brent's method. One recurrence per grid point gives all
 * azimuthal orders at once, so all ~10^5 modes of a V ~ 500 fiber cost seconds. The number of roots
 * found for each family and order is checked against the exact count from the cutoff conditions
 * (zeros of J_{l-1} for LP_l; of J_0 for TE/TM; of J_nu for EH_nu; of J_1 for HE_1; of
 * (n1^2/n2^2 - 1) J_{nu-1}(V) + V J_{nu-2}(V)/(nu-1) for HE_nu, nu &ge; 2): any disagreement is
 * rescanned finely and, if it persists, stops the run rather than return a wrong count.
 */
public final class StepIndexModeSolver {
    /** Grid step in u; roots of one family and order are never closer than about 1 (~pi/2 at large u). */
    private static final double SCAN_STEP = 0.25;
    private static final int FINE_FACTOR = 16;
    private static final ModeFamily[] VECTOR = {ModeFamily.TE, ModeFamily.TM, ModeFamily.HE, ModeFamily.EH};

    private final int threads;

    public StepIndexModeSolver() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Peak heap per V^2: the LP and vector mode lists (about V^2/8 LP groups, V^2/4 vector entries) and the scan's
     * brackets. Measured: a 1.4 GB process at V = 1920 (461,300 LP groups, 1.84 million vector modes).
     */
    static final double BYTES_PER_V2 = 400;

    /** Estimated peak heap of {@link #solve} for a fiber of this V number. */
    public static double estimatedBytes(double v) {
        return BYTES_PER_V2 * v * v + (1 << 20);
    }

    public StepIndexModeSolver(int threads) {
        this.threads = Math.max(1, threads);
    }

    private record Bracket(ModeFamily family, int order, double lo, double hi, double flo, double fhi) {
    }

    /** Per-chunk scan result: brackets and counts of cutoff-function zeros per order. */
    private static final class Scan {
        final List<Bracket> brackets = new ArrayList<>();
        final int[] jZeros; // zeros of J_n(x) in the chunk, n = 0..lmax
        final int[] heZeros; // zeros of the HE_nu cutoff function, nu >= 2

        Scan(int lmax) {
            jZeros = new int[lmax + 2];
            heZeros = new int[lmax + 2];
        }
    }

    /** Solves for every guided mode; vector modes only if {@code vector} (their count always). */
    public StepIndexModes solve(StepIndexFiber fiber, boolean vector, ProgressMonitor monitor) {
        double v = fiber.vNumber();
        org.glassguide.solver.MemoryBudget.require(String.format(java.util.Locale.ROOT,
                "the exact mode list of a fiber with V = %.4g", v), estimatedBytes(v),
                "lower V (a smaller core, a longer wavelength or a lower NA)");
        double n1sq = fiber.nCore() * fiber.nCore();
        double n2sq = fiber.nClad() * fiber.nClad();
        int lmax = (int) Math.floor(v) + 2;
        double wRight = 1e-12 * v;
        // scan points: a tiny u, the grid, and u = V itself (evaluated with w = wRight)
        int nGrid = (int) Math.ceil(v / SCAN_STEP);
        double[] us = new double[nGrid + 2];
        us[0] = 1e-6 * Math.min(1.0, v);
        int count = 1;
        for (int i = 1; i <= nGrid; i++) {
            double u = i * SCAN_STEP;
            if (u < v && u > us[0]) {
                us[count++] = u;
            }
        }
        us[count++] = v;
        final double[] points = java.util.Arrays.copyOf(us, count);
        int chunks = Math.min(threads * 4, Math.max(1, points.length / 32));
        AtomicLong scanned = new AtomicLong();
        long totalWork = points.length;
        List<Scan> scans = IntStream.range(0, chunks).parallel().mapToObj(c -> {
            int from = (int) ((long) c * (points.length - 1) / chunks);
            int to = (int) ((long) (c + 1) * (points.length - 1) / chunks);
            return scan(points, from, to, v, wRight, n1sq, n2sq, lmax, vector, monitor, scanned, totalWork * 4);
        }).collect(Collectors.toList());

        int[] jZeros = new int[lmax + 2];
        int[] heZeros = new int[lmax + 2];
        List<Bracket> brackets = new ArrayList<>();
        for (Scan s : scans) {
            brackets.addAll(s.brackets);
            for (int n = 0; n < jZeros.length; n++) {
                jZeros[n] += s.jZeros[n];
                heZeros[n] += s.heZeros[n];
            }
        }
        // exact counts from the cutoff conditions
        int[] lpCount = new int[lmax + 1];
        lpCount[0] = 1 + jZeros[1];
        for (int l = 1; l <= lmax; l++) {
            lpCount[l] = jZeros[l - 1];
        }
        int[] heCount = new int[lmax + 2];
        int[] ehCount = new int[lmax + 2];
        heCount[1] = 1 + jZeros[1];
        for (int nu = 2; nu <= lmax + 1; nu++) {
            heCount[nu] = heZeros[nu];
        }
        for (int nu = 1; nu <= lmax; nu++) {
            ehCount[nu] = jZeros[nu];
        }
        if (lpCount[lmax] != 0 || heCount[lmax + 1] != 0 || ehCount[lmax] != 0) {
            throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "step-index mode count",
                    "modes found at an azimuthal order beyond V + 1 (V = " + v + ")");
        }
        long vectorGroups = 2L * jZeros[0];
        long vectorModes = 2L * jZeros[0];
        for (int nu = 1; nu <= lmax + 1; nu++) {
            vectorGroups += heCount[nu] + ehCount[nu];
            vectorModes += 2L * (heCount[nu] + ehCount[nu]);
        }

        // group brackets per family and order, verify counts, rescan where they disagree
        java.util.Map<Long, List<Bracket>> byKey = brackets.stream()
                .collect(Collectors.groupingBy(b -> key(b.family(), b.order())));
        List<Bracket> verified = new ArrayList<>();
        for (int l = 0; l <= lmax; l++) {
            verified.addAll(checked(ModeFamily.LP, l, lpCount[l], byKey, fiber, v, wRight, n1sq, n2sq));
        }
        if (vector) {
            verified.addAll(checked(ModeFamily.TE, 0, jZeros[0], byKey, fiber, v, wRight, n1sq, n2sq));
            verified.addAll(checked(ModeFamily.TM, 0, jZeros[0], byKey, fiber, v, wRight, n1sq, n2sq));
            for (int nu = 1; nu <= lmax + 1; nu++) {
                verified.addAll(checked(ModeFamily.HE, nu, heCount[nu], byKey, fiber, v, wRight, n1sq, n2sq));
                verified.addAll(checked(ModeFamily.EH, nu, ehCount[nu], byKey, fiber, v, wRight, n1sq, n2sq));
            }
        }

        long total = verified.size();
        AtomicLong refined = new AtomicLong();
        long scanWeight = totalWork;
        List<double[]> roots = verified.parallelStream().map(b -> {
            double u = refine(b, v, wRight, n1sq, n2sq);
            long done = refined.incrementAndGet();
            if ((done & 255) == 0) {
                monitor.checkCancelled();
                monitor.progress(scanWeight + done * 3 * scanWeight / Math.max(1, total), scanWeight * 4, "refining modes");
            }
            return new double[] {b.family().ordinal(), b.order(), u};
        }).collect(Collectors.toList());

        List<GuidedMode> lp = new ArrayList<>();
        List<GuidedMode> vec = new ArrayList<>();
        // radial order m numbers the roots of one family and order by increasing u
        roots.sort(Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1]).thenComparingDouble(r -> r[2]));
        int m = 0;
        for (int i = 0; i < roots.size(); i++) {
            double[] r = roots.get(i);
            boolean sameGroup = i > 0 && roots.get(i - 1)[0] == r[0] && roots.get(i - 1)[1] == r[1];
            m = sameGroup ? m + 1 : 1;
            ModeFamily fam = ModeFamily.values()[(int) r[0]];
            double u = r[2];
            double w = wOf(u, v, wRight);
            double nEff = fiber.nEffFromU(u);
            double b = Math.max(0, Math.min(1, (w / v) * (w / v)));
            GuidedMode mode = new GuidedMode(fam, (int) r[1], m, u, w, nEff, b);
            (fam == ModeFamily.LP ? lp : vec).add(mode);
        }
        Comparator<GuidedMode> byIndex = Comparator.comparingDouble(GuidedMode::u)
                .thenComparing(GuidedMode::family).thenComparingInt(GuidedMode::order);
        lp.sort(byIndex);
        vec.sort(byIndex);
        long lpModes = 0;
        for (GuidedMode g : lp) {
            lpModes += g.degeneracy();
        }
        monitor.progress(scanWeight * 4, scanWeight * 4, "done");
        return new StepIndexModes(fiber, lp, vec, lp.size(), lpModes, vectorGroups, vectorModes, vector);
    }

    private static long key(ModeFamily f, int order) {
        return ((long) f.ordinal() << 32) | order;
    }

    private static double wOf(double u, double v, double wRight) {
        if (u >= v) {
            return wRight;
        }
        return Math.max(wRight, Math.sqrt((v - u) * (v + u)));
    }

    private List<Bracket> checked(ModeFamily fam, int order, int expected, java.util.Map<Long, List<Bracket>> byKey,
            StepIndexFiber fiber, double v, double wRight, double n1sq, double n2sq) {
        List<Bracket> found = byKey.getOrDefault(key(fam, order), List.of());
        if (found.size() == expected) {
            return found;
        }
        // a close pair of roots slipped between grid points, or a sign was lost to underflow: look closer
        List<Bracket> fine = fineScan(fam, order, v, wRight, n1sq, n2sq);
        if (fine.size() != expected) {
            throw new GlassGuideException(Messages.NUMERICAL_FAILURE, "step-index mode solver",
                    fam + " order " + order + ": " + fine.size() + " roots found but the cutoff conditions give " + expected
                    + " (V = " + v + ", n1 = " + fiber.nCore() + ", n2 = " + fiber.nClad() + ")");
        }
        return fine;
    }

    private static List<Bracket> fineScan(ModeFamily fam, int order, double v, double wRight, double n1sq, double n2sq) {
        List<Bracket> out = new ArrayList<>();
        double h = SCAN_STEP / FINE_FACTOR;
        double[] js = new double[order + 3];
        double[] kr = new double[order + 3];
        double prevU = 1e-6 * Math.min(1.0, v);
        double prevF = evaluate(fam, order, prevU, wOf(prevU, v, wRight), n1sq, n2sq, js, kr);
        for (double u = h; ; u += h) {
            double uu = Math.min(u, v);
            if (uu <= prevU) {
                continue;
            }
            double f = uu >= v ? limitAt(fam, order, v, n1sq, n2sq, js)
                    : evaluate(fam, order, uu, wOf(uu, v, wRight), n1sq, n2sq, js, kr);
            if (f != 0 && prevF != 0 && (f > 0) != (prevF > 0)) {
                out.add(new Bracket(fam, order, prevU, uu, prevF, f));
            }
            if (f != 0) {
                prevU = uu;
                prevF = f;
            }
            if (uu >= v) {
                break;
            }
        }
        return out;
    }

    private static Scan scan(double[] points, int from, int to, double v, double wRight, double n1sq, double n2sq,
            int lmax, boolean vector, ProgressMonitor monitor, AtomicLong scanned, long totalWork) {
        Scan s = new Scan(lmax);
        int nj = lmax + 2;
        double[] js = new double[nj + 1];
        double[] kr = new double[nj + 1];
        int nf = vector ? 5 : 1;
        int no = lmax + 2;
        double[][] prevF = new double[nf][no];
        double[][] prevU = new double[nf][no];
        double[] prevJ = new double[nj + 1];
        double[] prevC = new double[nj + 1];
        double[] vals = new double[no];
        for (int p = from; p <= to; p++) {
            if ((p & 63) == 0) {
                monitor.checkCancelled();
            }
            double u = points[p];
            double w = wOf(u, v, wRight);
            Bessel.jSequence(u, nj, js);
            Bessel.kRatioSequence(w, nj, kr);
            // cutoff functions in x = u: zeros of J_n and of the HE cutoff function
            for (int n = 0; n <= lmax; n++) {
                double jv = js[n];
                if (jv != 0) {
                    if (p > from && prevJ[n] != 0 && (jv > 0) != (prevJ[n] > 0)) {
                        s.jZeros[n]++;
                    }
                    prevJ[n] = jv;
                }
            }
            for (int nu = 2; nu <= lmax + 1; nu++) {
                double c = (n1sq / n2sq - 1) * js[nu - 1] + u / (nu - 1) * js[nu - 2];
                if (c != 0) {
                    if (p > from && prevC[nu] != 0 && (c > 0) != (prevC[nu] > 0)) {
                        s.heZeros[nu]++;
                    }
                    prevC[nu] = c;
                }
            }
            for (int fi = 0; fi < nf; fi++) {
                ModeFamily fam = fi == 0 ? ModeFamily.LP : VECTOR[fi - 1];
                int lo = fam == ModeFamily.HE || fam == ModeFamily.EH ? 1 : 0;
                int hi = fam == ModeFamily.TE || fam == ModeFamily.TM ? 0 : fam == ModeFamily.HE ? lmax + 1 : lmax;
                for (int l = lo; l <= hi; l++) {
                    vals[l] = u >= v ? cutoffLimit(fam, l, v, n1sq, n2sq, js) : value(fam, l, u, w, n1sq, n2sq, js, kr);
                }
                for (int l = lo; l <= hi; l++) {
                    double f = vals[l];
                    if (f == 0 || Double.isNaN(f)) {
                        continue;
                    }
                    double pf = prevF[fi][l];
                    if (p > from && pf != 0 && (f > 0) != (pf > 0)) {
                        s.brackets.add(new Bracket(fam, l, prevU[fi][l], u, pf, f));
                    }
                    prevF[fi][l] = f;
                    prevU[fi][l] = u;
                }
            }
            long done = scanned.incrementAndGet();
            if ((done & 15) == 0) {
                monitor.progress(done, totalWork, "scanning");
            }
        }
        return s;
    }

    /** The pole-free characteristic function of one family and order, from J_0..J_{l+1}(u) and K ratios at w. */
    static double value(ModeFamily fam, int l, double u, double w, double n1sq, double n2sq, double[] js, double[] kr) {
        switch (fam) {
            case LP:
                if (l == 0) {
                    // u J_{-1} + w K_{-1}/K_0 J_0 with J_{-1} = -J_1, K_{-1} = K_1
                    return -u * js[1] + w / kr[1] * js[0];
                }
                return u * js[l - 1] + w * kr[l] * js[l];
            case TE:
                return u * js[0] + w * kr[1] * js[1];
            case TM:
                return u * js[0] + (n1sq / n2sq) * w * kr[1] * js[1];
            default:
                return hybrid(fam == ModeFamily.HE, l, u, w, n1sq, n2sq, js[l - 1], js[l], js[l + 1], kr[l]);
        }
    }

    /**
     * HE and EH: (a + b)(n1^2 a + n2^2 b) = R with a = J'/(uJ), b = K'/(wK), R = nu^2 (1/u^2 + 1/w^2)
     * (n1^2/u^2 + n2^2/w^2). The larger root a+ gives EH, the smaller a- gives HE; a- is formed from
     * the product of roots so that nothing cancels near cutoff, where both roots grow as 1/w^2.
     */
    static double hybrid(boolean he, int nu, double u, double w, double n1sq, double n2sq, double jm, double j, double jp,
            double kRatio) {
        double u2 = u * u;
        double w2 = w * w;
        double beta = kRatio / w; // K_{nu-1}/(w K_nu)
        double b = -beta - nu / w2;
        double r = nu * nu * (1 / u2 + 1 / w2) * (n1sq / u2 + n2sq / w2);
        double dn = n1sq - n2sq;
        double disc = dn * dn * b * b + 4 * n1sq * r;
        double aPlus = (-(n1sq + n2sq) * b + Math.sqrt(disc)) / (2 * n1sq);
        if (he) {
            double num = n2sq * (2 * nu * beta / w2 + beta * beta) - nu * nu * n1sq / (u2 * u2)
                    - nu * nu * (n1sq + n2sq) / (u2 * w2);
            double aMinus = num / (n1sq * aPlus);
            // a = J_{nu-1}/(u J_nu) - nu/u^2  =>  J_{nu-1} - (nu/u + u a) J_nu = 0
            return jm - (nu / u + u * aMinus) * j;
        }
        // a = -J_{nu+1}/(u J_nu) + nu/u^2  =>  (J_{nu+1} + (u a - nu/u) J_nu) / a = 0, a > 0
        return jp / aPlus + (u - nu / (u * aPlus)) * j;
    }

    private static double limitAt(ModeFamily fam, int order, double v, double n1sq, double n2sq, double[] js) {
        Bessel.jSequence(v, order + 1, js);
        return cutoffLimit(fam, order, v, n1sq, n2sq, js);
    }

    /**
     * The characteristic function at u = V in the limit w -&gt; 0 (J_0..J_{l+1} at V in js). Taken
     * analytically because for LP_0m and HE_1m the approach is only logarithmic in w: a mode just above
     * cutoff has a w far below any double, and a finite small w would give the wrong sign.
     */
    static double cutoffLimit(ModeFamily fam, int l, double v, double n1sq, double n2sq, double[] js) {
        switch (fam) {
            case LP:
                return l == 0 ? -v * js[1] : v * js[l - 1];
            case TE:
            case TM:
                return v * js[0];
            case EH:
                return v * js[l];
            default:
                if (l == 1) {
                    return -js[1]; // -(1/V + V a-) J_1 with a- growing like -ln w
                }
                return js[l - 1] - v * n2sq * js[l] / ((l - 1) * (n1sq + n2sq));
        }
    }

    /** One characteristic-function value, computing J_0..J_{l+1}(u) into js and K ratios into kr. */
    private static double evaluate(ModeFamily fam, int order, double u, double w, double n1sq, double n2sq, double[] js,
            double[] kr) {
        int need = fam == ModeFamily.TE || fam == ModeFamily.TM ? 1 : order + 1;
        Bessel.jSequence(u, need, js);
        Bessel.kRatioSequence(w, Math.max(order, 1), kr);
        return value(fam, order, u, w, n1sq, n2sq, js, kr);
    }

    private static double refine(Bracket b, double v, double wRight, double n1sq, double n2sq) {
        double[] js = new double[b.order() + 3];
        double[] kr = new double[b.order() + 3];
        double tol = 4e-16 * v;
        return RootFinder.brent(u -> evaluate(b.family(), b.order(), u, wOf(u, v, wRight), n1sq, n2sq, js, kr),
                b.lo(), b.hi(), b.flo(), b.fhi(), tol);
    }
}
