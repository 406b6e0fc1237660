package org.glassguide.solver.fd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

import org.glassguide.solver.ProgressMonitor;

/**
 * Sparse LU of a {@link GridMatrix} by geometric nested dissection and multifrontal elimination. The
 * grid is cut recursively along the middle line of its longer side; each cut (separator) is eliminated
 * after the two halves it separates, so fill stays within dense fronts of separator plus surrounding
 * ring: O(N^1.5) work and O(N log N) storage for N sites, against O(N^2) for a band LU of a square grid.
 * Each front is factorised densely with partial pivoting among its own rows (split re/im storage so the
 * inner loops vectorise); independent subtrees are factorised in parallel.
 */
final class NestedDissectionLu {
    /** Boxes with no side longer than this are eliminated whole. */
    private static final int LEAF_SIDE = 5;

    private final GridMatrix a;
    private final int n;
    private final List<Node> postorder = new ArrayList<>();
    private final Node root;
    private final ThreadLocal<int[]> scratch;
    /** Each thread's dense front (re, im), grown as the fronts grow towards the root and reused between them. */
    private final ThreadLocal<double[][]> frontBuffer = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});
    /** Complex entries of each slab: the kept blocks of consecutive fronts in postorder, placed when the tree is built. */
    private final List<Long> slabSizes = new ArrayList<>();
    private final List<Node> slabFirst = new ArrayList<>();
    /** The solve's split: the left half's fronts are postorder[0, split), the right half's [split, root); -1: none. */
    private final int split;
    /** Position of an unknown among the top separator's own ones, or -1. */
    private final int[] topPos;
    private final int maxOwn;
    private final int maxUpd;

    private static final class Node {
        final int[] own;
        final int[] upd;
        final Node left;
        final Node right;
        int[] piv;
        /** The slab holding this front's kept blocks (re and im), and where each block starts in it. */
        double[] re;
        double[] im;
        int luOff;
        int u12Off;
        int l21Off;
        double[] schurRe;
        double[] schurIm;

        Node(int[] own, int[] upd, Node left, Node right) {
            this.own = own;
            this.upd = upd;
            this.left = left;
            this.right = right;
        }
    }

    NestedDissectionLu(GridMatrix a) {
        this(a, SLAB_LIMIT);
    }

    /** With slabs of at most slabLimit complex entries (smaller than an array's reach only to test the slab layout). */
    NestedDissectionLu(GridMatrix a, long slabLimit) {
        this.a = a;
        this.n = a.size;
        this.root = build(0, a.nx, 0, a.ny);
        int mo = 0;
        int mu = 0;
        for (Node x : postorder) {
            mo = Math.max(mo, x.own.length);
            mu = Math.max(mu, x.upd.length);
        }
        this.maxOwn = mo;
        this.maxUpd = mu;
        // two threads for grids worth it: the halves below the top separator
        boolean halves = root.left != null && root.right != null && n > 4096 && Runtime.getRuntime().availableProcessors() > 1;
        this.split = halves ? postorder.indexOf(root.left) + 1 : -1;
        this.topPos = new int[halves ? n : 0];
        java.util.Arrays.fill(topPos, -1);
        if (halves) {
            for (int p = 0; p < root.own.length; p++) {
                topPos[root.own[p]] = p;
            }
        }
        this.scratch = ThreadLocal.withInitial(() -> {
            int[] p = new int[n];
            java.util.Arrays.fill(p, -1);
            return p;
        });
        layOutSlabs(slabLimit);
    }

    /** Largest slab, in complex entries: a Java array's reach. */
    private static final long SLAB_LIMIT = Integer.MAX_VALUE - 64;

    /**
     * Places every front's kept blocks (L and U of its own unknowns, U12, L21) in a few large slabs instead of six
     * arrays a front: thousands of medium arrays allocated young and kept were copied by every young collection until
     * they were promoted (about 3 s of collector pauses in a 20-mode full-vectorial 300^2 solve), where one slab is
     * promoted once.
     */
    private void layOutSlabs(long slabLimit) {
        long used = 0;
        for (Node x : postorder) {
            long k = x.own.length;
            long u = x.upd.length;
            long need = k * k + 2 * k * u;
            if (need > slabLimit) {
                throw new IllegalArgumentException("one front of the factor would hold " + need + " entries, more than an array can");
            }
            if (slabFirst.isEmpty() || used + need > slabLimit) {
                if (!slabFirst.isEmpty()) {
                    slabSizes.add(used);
                }
                slabFirst.add(x);
                used = 0;
            }
            x.luOff = (int) used;
            x.u12Off = (int) (used + k * k);
            x.l21Off = (int) (used + k * k + k * u);
            used += need;
        }
        slabSizes.add(used);
    }

    /** Allocates the slabs and points every front at its own. */
    private void allocateSlabs() {
        int s = -1;
        double[] re = null;
        double[] im = null;
        for (Node x : postorder) {
            if (s + 1 < slabFirst.size() && slabFirst.get(s + 1) == x) {
                s++;
                re = new double[(int) (long) slabSizes.get(s)];
                im = new double[re.length];
            }
            x.re = re;
            x.im = im;
        }
    }

    /**
     * Bytes the factors of an nx x ny grid with dof unknowns per site will hold (every front's L and U, as {@link #build}
     * cuts the grid) and the transient fronts and Schur complements of the factorisation, computed from the box sizes
     * alone, before anything is allocated. The ring is taken unclipped, so the figure is an upper bound.
     */
    static double estimatedBytes(long nx, long ny, int dof) {
        double[] largestFront = new double[1];
        double factors = boxBytes(nx, ny, dof, new java.util.HashMap<>(), largestFront);
        // transient: the fronts being factorised (one per thread) and the Schur complements waiting for their parents,
        // at most two per level (a geometric sum below twice the largest): bounded by four of the largest fronts
        return factors + 4 * 16 * largestFront[0];
    }

    private static double boxBytes(long w, long h, int dof, java.util.Map<Long, Double> memo, double[] largestFront) {
        if (w <= 0 || h <= 0) {
            return 0;
        }
        Long key = w * 4_000_000_007L + h;
        Double known = memo.get(key);
        if (known != null) {
            return known;
        }
        double k;
        double sub;
        if (Math.max(w, h) <= LEAF_SIDE) {
            k = (double) w * h * dof;
            sub = 0;
        } else if (w >= h) {
            long m = w / 2;
            k = (double) h * dof;
            sub = boxBytes(m, h, dof, memo, largestFront) + boxBytes(w - m - 1, h, dof, memo, largestFront);
        } else {
            long m = h / 2;
            k = (double) w * dof;
            sub = boxBytes(w, m, dof, memo, largestFront) + boxBytes(w, h - m - 1, dof, memo, largestFront);
        }
        double u = (2.0 * (w + h) + 4) * dof;
        // kept: L and U of the own block and the two off-diagonal blocks, 16 bytes a complex entry; the Schur complement
        // (u x u) lives only until the parent has assembled it, counted with the fronts
        double bytes = sub + 16 * (k * k + 2 * k * u);
        largestFront[0] = Math.max(largestFront[0], (k + u) * (k + u));
        memo.put(key, bytes);
        return bytes;
    }

    private Node build(int i0, int i1, int j0, int j1) {
        if (i1 <= i0 || j1 <= j0) {
            return null;
        }
        int w = i1 - i0;
        int h = j1 - j0;
        Node node;
        if (Math.max(w, h) <= LEAF_SIDE) {
            node = new Node(dofs(i0, i1, j0, j1), ring(i0, i1, j0, j1), null, null);
        } else if (w >= h) {
            int m = i0 + w / 2;
            Node l = build(i0, m, j0, j1);
            Node r = build(m + 1, i1, j0, j1);
            node = new Node(dofs(m, m + 1, j0, j1), ring(i0, i1, j0, j1), l, r);
        } else {
            int m = j0 + h / 2;
            Node l = build(i0, i1, j0, m);
            Node r = build(i0, i1, m + 1, j1);
            node = new Node(dofs(i0, i1, m, m + 1), ring(i0, i1, j0, j1), l, r);
        }
        postorder.add(node);
        return node;
    }

    private int[] dofs(int i0, int i1, int j0, int j1) {
        int dof = a.dof;
        int[] out = new int[(i1 - i0) * (j1 - j0) * dof];
        int q = 0;
        for (int j = j0; j < j1; j++) {
            for (int i = i0; i < i1; i++) {
                for (int c = 0; c < dof; c++) {
                    out[q++] = a.index(i, j, c);
                }
            }
        }
        return out;
    }

    /** The unknowns of the sites bordering the box (its 8-neighbourhood ring), clipped to the grid. */
    private int[] ring(int i0, int i1, int j0, int j1) {
        List<Integer> sites = new ArrayList<>();
        for (int j = j0 - 1; j <= j1; j++) {
            for (int i = i0 - 1; i <= i1; i++) {
                boolean border = i == i0 - 1 || i == i1 || j == j0 - 1 || j == j1;
                if (border && i >= 0 && j >= 0 && i < a.nx && j < a.ny) {
                    sites.add(i + a.nx * j);
                }
            }
        }
        int dof = a.dof;
        int[] out = new int[sites.size() * dof];
        int q = 0;
        for (int s : sites) {
            for (int c = 0; c < dof; c++) {
                out[q++] = dof * s + c;
            }
        }
        return out;
    }

    /** Factorises; polls the monitor for cancellation between fronts. */
    void factor(ProgressMonitor monitor) {
        allocateSlabs();
        // an own pool: the common one leaves a core to the caller, which here only waits
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            pool.invoke(new FactorTask(root, monitor));
        } finally {
            pool.shutdown();
        }
    }

    private final class FactorTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient Node node;
        private final transient ProgressMonitor monitor;

        FactorTask(Node node, ProgressMonitor monitor) {
            this.node = node;
            this.monitor = monitor;
        }

        @Override
        protected void compute() {
            List<FactorTask> kids = new ArrayList<>();
            if (node.left != null) {
                kids.add(new FactorTask(node.left, monitor));
            }
            if (node.right != null) {
                kids.add(new FactorTask(node.right, monitor));
            }
            // small subtrees are not worth a task each
            if (node.own.length + node.upd.length > 200 && kids.size() == 2) {
                invokeAll(kids);
            } else {
                for (FactorTask t : kids) {
                    t.compute();
                }
            }
            monitor.checkCancelled();
            factorFront(node);
        }
    }

    private void factorFront(Node x) {
        int k = x.own.length;
        int u = x.upd.length;
        int f = k + u;
        double[][] buf = frontBuffer.get();
        if (buf[0].length < f * f) {
            buf[0] = new double[f * f];
            buf[1] = new double[f * f];
        } else {
            java.util.Arrays.fill(buf[0], 0, f * f, 0.0);
            java.util.Arrays.fill(buf[1], 0, f * f, 0.0);
        }
        double[] fr = buf[0];
        double[] fi = buf[1];
        int[] pos = scratch.get();
        for (int p = 0; p < k; p++) {
            pos[x.own[p]] = p;
        }
        for (int q = 0; q < u; q++) {
            pos[x.upd[q]] = k + q;
        }
        int slots = a.slots;
        // original entries whose first-eliminated unknown is owned here
        for (int p = 0; p < f; p++) {
            int r = p < k ? x.own[p] : x.upd[p - k];
            int base = r * slots;
            for (int s = 0; s < slots; s++) {
                double vr = a.re[base + s];
                double vi = a.im[base + s];
                if (vr == 0 && vi == 0) {
                    continue;
                }
                int c = a.column(r, s);
                if (c < 0) {
                    continue;
                }
                int pc = pos[c];
                if (pc < 0 || (p >= k && pc >= k)) {
                    continue;
                }
                fr[p * f + pc] += vr;
                fi[p * f + pc] += vi;
            }
        }
        for (Node child : new Node[] {x.left, x.right}) {
            if (child == null) {
                continue;
            }
            int cu = child.upd.length;
            int[] map = new int[cu];
            for (int q = 0; q < cu; q++) {
                map[q] = pos[child.upd[q]];
            }
            for (int q = 0; q < cu; q++) {
                int row = map[q] * f;
                for (int t = 0; t < cu; t++) {
                    fr[row + map[t]] += child.schurRe[q * cu + t];
                    fi[row + map[t]] += child.schurIm[q * cu + t];
                }
            }
            child.schurRe = null;
            child.schurIm = null;
        }
        for (int p = 0; p < k; p++) {
            pos[x.own[p]] = -1;
        }
        for (int q = 0; q < u; q++) {
            pos[x.upd[q]] = -1;
        }
        int[] piv = new int[k];
        partialLu(fr, fi, f, k, piv);
        x.piv = piv;
        x.schurRe = new double[u * u];
        x.schurIm = new double[u * u];
        for (int p = 0; p < k; p++) {
            System.arraycopy(fr, p * f, x.re, x.luOff + p * k, k);
            System.arraycopy(fi, p * f, x.im, x.luOff + p * k, k);
            System.arraycopy(fr, p * f + k, x.re, x.u12Off + p * u, u);
            System.arraycopy(fi, p * f + k, x.im, x.u12Off + p * u, u);
        }
        for (int q = 0; q < u; q++) {
            System.arraycopy(fr, (k + q) * f, x.re, x.l21Off + q * k, k);
            System.arraycopy(fi, (k + q) * f, x.im, x.l21Off + q * k, k);
            System.arraycopy(fr, (k + q) * f + k, x.schurRe, q * u, u);
            System.arraycopy(fi, (k + q) * f + k, x.schurIm, q * u, u);
        }
    }

    /** Panel width of the blocked elimination. */
    private static final int PANEL = 32;

    /**
     * Eliminates the first k of the f unknowns of the dense front (row-major, split re/im) with
     * partial pivoting among the first k rows: a right-looking LU blocked by panels, so that the
     * trailing update streams each row once per panel instead of once per pivot.
     */
    static void partialLu(double[] fr, double[] fi, int f, int k, int[] piv) {
        for (int p0 = 0; p0 < k; p0 += PANEL) {
            int pe = Math.min(p0 + PANEL, k);
            for (int p = p0; p < pe; p++) {
                int best = p;
                double bestAbs = -1;
                for (int r = p; r < k; r++) {
                    double v = Math.abs(fr[r * f + p]) + Math.abs(fi[r * f + p]);
                    if (v > bestAbs) {
                        bestAbs = v;
                        best = r;
                    }
                }
                piv[p] = best;
                if (best != p) {
                    swapRows(fr, fi, f, p, best);
                }
                double pr = fr[p * f + p];
                double pi = fi[p * f + p];
                double den = pr * pr + pi * pi;
                if (den == 0) {
                    throw new ArithmeticException("singular matrix: the shifted operator has an exact eigenvalue at the target");
                }
                double ir = pr / den;
                double ii = -pi / den;
                int prow = p * f;
                for (int i = p + 1; i < f; i++) {
                    int irow = i * f;
                    double ar = fr[irow + p];
                    double ai = fi[irow + p];
                    if (ar == 0 && ai == 0) {
                        continue;
                    }
                    double lr = ar * ir - ai * ii;
                    double li = ar * ii + ai * ir;
                    fr[irow + p] = lr;
                    fi[irow + p] = li;
                    for (int c = p + 1; c < pe; c++) {
                        double br = fr[prow + c];
                        double bi = fi[prow + c];
                        fr[irow + c] -= lr * br - li * bi;
                        fi[irow + c] -= lr * bi + li * br;
                    }
                }
            }
            if (pe == f) {
                continue;
            }
            // the panel's block of U to the right: unit-lower triangular solve on its rows
            for (int p = p0; p < pe; p++) {
                for (int r = p + 1; r < pe; r++) {
                    double lr = fr[r * f + p];
                    double li = fi[r * f + p];
                    if (lr != 0 || li != 0) {
                        axpyRow(fr, fi, r * f, p * f, lr, li, pe, f);
                    }
                }
            }
            // trailing update, four pivots at a time
            for (int i = pe; i < f; i++) {
                int irow = i * f;
                int p = p0;
                for (; p + 3 < pe; p += 4) {
                    double l0r = fr[irow + p];
                    double l0i = fi[irow + p];
                    double l1r = fr[irow + p + 1];
                    double l1i = fi[irow + p + 1];
                    double l2r = fr[irow + p + 2];
                    double l2i = fi[irow + p + 2];
                    double l3r = fr[irow + p + 3];
                    double l3i = fi[irow + p + 3];
                    if (l0r == 0 && l0i == 0 && l1r == 0 && l1i == 0 && l2r == 0 && l2i == 0 && l3r == 0 && l3i == 0) {
                        continue;
                    }
                    int r0 = p * f;
                    int r1 = r0 + f;
                    int r2 = r1 + f;
                    int r3 = r2 + f;
                    for (int c = pe; c < f; c++) {
                        double b0r = fr[r0 + c];
                        double b0i = fi[r0 + c];
                        double b1r = fr[r1 + c];
                        double b1i = fi[r1 + c];
                        double b2r = fr[r2 + c];
                        double b2i = fi[r2 + c];
                        double b3r = fr[r3 + c];
                        double b3i = fi[r3 + c];
                        fr[irow + c] -= l0r * b0r - l0i * b0i + l1r * b1r - l1i * b1i + l2r * b2r - l2i * b2i + l3r * b3r - l3i * b3i;
                        fi[irow + c] -= l0r * b0i + l0i * b0r + l1r * b1i + l1i * b1r + l2r * b2i + l2i * b2r + l3r * b3i + l3i * b3r;
                    }
                }
                for (; p < pe; p++) {
                    double lr = fr[irow + p];
                    double li = fi[irow + p];
                    if (lr != 0 || li != 0) {
                        axpyRow(fr, fi, irow, p * f, lr, li, pe, f);
                    }
                }
            }
        }
    }

    /** row[dst][c] -= l row[src][c] for c in [from, to). */
    private static void axpyRow(double[] fr, double[] fi, int dst, int src, double lr, double li, int from, int to) {
        for (int c = from; c < to; c++) {
            double br = fr[src + c];
            double bi = fi[src + c];
            fr[dst + c] -= lr * br - li * bi;
            fi[dst + c] -= lr * bi + li * br;
        }
    }

    private static void swapRows(double[] fr, double[] fi, int f, int p, int q) {
        int a0 = p * f;
        int b0 = q * f;
        for (int c = 0; c < f; c++) {
            double t = fr[a0 + c];
            fr[a0 + c] = fr[b0 + c];
            fr[b0 + c] = t;
            t = fi[a0 + c];
            fi[a0 + c] = fi[b0 + c];
            fi[b0 + c] = t;
        }
    }

    /**
     * Real floating-point operations of the factorisation: eliminating pivot p of a front of f unknowns updates the
     * (f - p - 1)^2 entries below and to the right of it, one complex multiply-add (8 real operations) each; the
     * extend-add of the children's Schur complements (additions only) is left out.
     */
    double factorFlops() {
        double flops = 0;
        for (Node x : postorder) {
            long f = x.own.length + x.upd.length;
            for (long p = 0; p < x.own.length; p++) {
                flops += 8.0 * (f - p - 1) * (f - p - 1);
            }
        }
        return flops;
    }

    /** Complex entries the factors hold (every front's L and U blocks), after {@link #factor}. */
    long storedEntries() {
        long e = 0;
        for (Node x : postorder) {
            if (x.re != null) {
                long k = x.own.length;
                e += k * k + 2 * k * x.upd.length;
            }
        }
        return e;
    }

    /** Solves A x = b in place (b interleaved re/im in the matrix's natural order). */
    void solve(double[] b) {
        solve(new double[][] {b});
    }

    /**
     * Solves A x_r = b_r in place for several right-hand sides (each interleaved re/im). They go through the factor in
     * pairs, so that every factor entry read (what limits a sparse triangular solve: memory, not arithmetic) serves two;
     * and the two halves of the grid below the top separator are solved on two threads: forward, each half's updates of
     * the separator gathered privately and added after both are done; backward, the halves independently once the
     * separator is known.
     */
    void solve(double[][] bs) {
        for (int r = 0; r < bs.length; r += 2) {
            double[] b0 = bs[r];
            double[] b1 = r + 1 < bs.length ? bs[r + 1] : null;
            if (split < 0) {
                Work w = new Work(null);
                for (int t = 0; t < postorder.size(); t++) {
                    forward(postorder.get(t), b0, b1, w);
                }
                for (int t = postorder.size() - 1; t >= 0; t--) {
                    backward(postorder.get(t), b0, b1, w);
                }
                continue;
            }
            int top = postorder.size() - 1;
            Work wl = new Work(new double[4 * root.own.length]);
            Work wr = new Work(new double[4 * root.own.length]);
            java.util.concurrent.CompletableFuture<Void> left = SecondCore.run(() -> {
                for (int t = 0; t < split; t++) {
                    forward(postorder.get(t), b0, b1, wl);
                }
            });
            for (int t = split; t < top; t++) {
                forward(postorder.get(t), b0, b1, wr);
            }
            left.join();
            for (int p = 0; p < root.own.length; p++) {
                int g = 2 * root.own[p];
                b0[g] -= wl.acc[4 * p] + wr.acc[4 * p];
                b0[g + 1] -= wl.acc[4 * p + 1] + wr.acc[4 * p + 1];
                if (b1 != null) {
                    b1[g] -= wl.acc[4 * p + 2] + wr.acc[4 * p + 2];
                    b1[g + 1] -= wl.acc[4 * p + 3] + wr.acc[4 * p + 3];
                }
            }
            forward(root, b0, b1, wr);
            backward(root, b0, b1, wr);
            java.util.concurrent.CompletableFuture<Void> back = SecondCore.run(() -> {
                for (int t = split - 1; t >= 0; t--) {
                    backward(postorder.get(t), b0, b1, wl);
                }
            });
            for (int t = top - 1; t >= split; t--) {
                backward(postorder.get(t), b0, b1, wr);
            }
            back.join();
        }
    }

    /**
     * One thread's scratch: a front's own and update entries of both right-hand sides, and (below the top separator)
     * the private sums of its updates of the separator's unknowns, four doubles per unknown.
     */
    private final class Work {
        final double[] y0r = new double[maxOwn];
        final double[] y0i = new double[maxOwn];
        final double[] y1r = new double[maxOwn];
        final double[] y1i = new double[maxOwn];
        final double[] z0r = new double[maxUpd];
        final double[] z0i = new double[maxUpd];
        final double[] z1r = new double[maxUpd];
        final double[] z1i = new double[maxUpd];
        final double[] acc;
        final double[] d = new double[2];
        final double[] d2 = new double[4];

        Work(double[] acc) {
            this.acc = acc;
        }
    }

    /** Forward elimination through one front: L y = P b on its own unknowns, then b_upd -= L21 y. */
    private void forward(Node x, double[] b0, double[] b1, Work w) {
        int k = x.own.length;
        int u = x.upd.length;
        boolean two = b1 != null;
        double[] y0r = w.y0r;
        double[] y0i = w.y0i;
        double[] y1r = w.y1r;
        double[] y1i = w.y1i;
        gather(x.own, b0, b1, y0r, y0i, y1r, y1i);
        for (int p = 0; p < k; p++) {
            int q = x.piv[p];
            if (q != p) {
                swap(y0r, p, q);
                swap(y0i, p, q);
                if (two) {
                    swap(y1r, p, q);
                    swap(y1i, p, q);
                }
            }
        }
        double[] lr = x.re;
        double[] li = x.im;
        for (int i = 1; i < k; i++) {
            int row = x.luOff + i * k;
            if (two) {
                double[] d = dot2(lr, li, row, y0r, y0i, y1r, y1i, 0, i, w);
                y0r[i] -= d[0];
                y0i[i] -= d[1];
                y1r[i] -= d[2];
                y1i[i] -= d[3];
            } else {
                double[] d = dot(lr, li, row, y0r, y0i, 0, i, w);
                y0r[i] -= d[0];
                y0i[i] -= d[1];
            }
        }
        double[] mr = x.re;
        double[] mi = x.im;
        for (int q = 0; q < u; q++) {
            int row = x.l21Off + q * k;
            double s0r;
            double s0i;
            double s1r = 0;
            double s1i = 0;
            if (two) {
                double[] d = dot2(mr, mi, row, y0r, y0i, y1r, y1i, 0, k, w);
                s0r = d[0];
                s0i = d[1];
                s1r = d[2];
                s1i = d[3];
            } else {
                double[] d = dot(mr, mi, row, y0r, y0i, 0, k, w);
                s0r = d[0];
                s0i = d[1];
            }
            int t = w.acc == null ? -1 : topPos[x.upd[q]];
            if (t >= 0) {
                w.acc[4 * t] += s0r;
                w.acc[4 * t + 1] += s0i;
                w.acc[4 * t + 2] += s1r;
                w.acc[4 * t + 3] += s1i;
            } else {
                int g = 2 * x.upd[q];
                b0[g] -= s0r;
                b0[g + 1] -= s0i;
                if (two) {
                    b1[g] -= s1r;
                    b1[g + 1] -= s1i;
                }
            }
        }
        scatter(x.own, y0r, y0i, y1r, y1i, b0, b1);
    }

    /** Back substitution through one front: U x = y - U12 x_upd on its own unknowns. */
    private void backward(Node x, double[] b0, double[] b1, Work w) {
        int k = x.own.length;
        int u = x.upd.length;
        boolean two = b1 != null;
        double[] y0r = w.y0r;
        double[] y0i = w.y0i;
        double[] y1r = w.y1r;
        double[] y1i = w.y1i;
        double[] z0r = w.z0r;
        double[] z0i = w.z0i;
        double[] z1r = w.z1r;
        double[] z1i = w.z1i;
        gather(x.upd, b0, b1, z0r, z0i, z1r, z1i);
        double[] mr = x.re;
        double[] mi = x.im;
        for (int p = 0; p < k; p++) {
            int g = 2 * x.own[p];
            int row = x.u12Off + p * u;
            if (two) {
                double[] d = dot2(mr, mi, row, z0r, z0i, z1r, z1i, 0, u, w);
                y0r[p] = b0[g] - d[0];
                y0i[p] = b0[g + 1] - d[1];
                y1r[p] = b1[g] - d[2];
                y1i[p] = b1[g + 1] - d[3];
            } else {
                double[] d = dot(mr, mi, row, z0r, z0i, 0, u, w);
                y0r[p] = b0[g] - d[0];
                y0i[p] = b0[g + 1] - d[1];
            }
        }
        double[] lr = x.re;
        double[] li = x.im;
        for (int i = k - 1; i >= 0; i--) {
            int row = x.luOff + i * k;
            double dr = lr[row + i];
            double di = li[row + i];
            double den = dr * dr + di * di;
            if (two) {
                double[] d = dot2(lr, li, row + i + 1, y0r, y0i, y1r, y1i, i + 1, k - i - 1, w);
                double s0r = y0r[i] - d[0];
                double s0i = y0i[i] - d[1];
                double s1r = y1r[i] - d[2];
                double s1i = y1i[i] - d[3];
                y0r[i] = (s0r * dr + s0i * di) / den;
                y0i[i] = (s0i * dr - s0r * di) / den;
                y1r[i] = (s1r * dr + s1i * di) / den;
                y1i[i] = (s1i * dr - s1r * di) / den;
            } else {
                double[] d = dot(lr, li, row + i + 1, y0r, y0i, i + 1, k - i - 1, w);
                double sr = y0r[i] - d[0];
                double si = y0i[i] - d[1];
                y0r[i] = (sr * dr + si * di) / den;
                y0i[i] = (si * dr - sr * di) / den;
            }
        }
        scatter(x.own, y0r, y0i, y1r, y1i, b0, b1);
    }

    /**
     * sum_p a[ao + p] y[yo + p] for p < len (complex, split re/im) into w's two-entry result: two partial sums, so that
     * the loop is not held to the latency of a single chain of additions.
     */
    private static double[] dot(double[] ar, double[] ai, int ao, double[] yr, double[] yi, int yo, int len, Work w) {
        double r0 = 0;
        double i0 = 0;
        double r1 = 0;
        double i1 = 0;
        int p = 0;
        for (; p + 1 < len; p += 2) {
            double a0r = ar[ao + p];
            double a0i = ai[ao + p];
            double a1r = ar[ao + p + 1];
            double a1i = ai[ao + p + 1];
            double y0r = yr[yo + p];
            double y0i = yi[yo + p];
            double y1r = yr[yo + p + 1];
            double y1i = yi[yo + p + 1];
            r0 += a0r * y0r - a0i * y0i;
            i0 += a0r * y0i + a0i * y0r;
            r1 += a1r * y1r - a1i * y1i;
            i1 += a1r * y1i + a1i * y1r;
        }
        if (p < len) {
            r0 += ar[ao + p] * yr[yo + p] - ai[ao + p] * yi[yo + p];
            i0 += ar[ao + p] * yi[yo + p] + ai[ao + p] * yr[yo + p];
        }
        w.d[0] = r0 + r1;
        w.d[1] = i0 + i1;
        return w.d;
    }

    /**
     * The same sum for two right-hand sides at once (each factor entry read once), into w's four-entry result: re and im
     * of the first, then of the second.
     */
    private static double[] dot2(double[] ar, double[] ai, int ao, double[] y0r, double[] y0i, double[] y1r, double[] y1i, int yo, int len,
            Work w) {
        double s0r = 0;
        double s0i = 0;
        double s1r = 0;
        double s1i = 0;
        for (int p = 0; p < len; p++) {
            double a = ar[ao + p];
            double b = ai[ao + p];
            int q = yo + p;
            s0r += a * y0r[q] - b * y0i[q];
            s0i += a * y0i[q] + b * y0r[q];
            s1r += a * y1r[q] - b * y1i[q];
            s1i += a * y1i[q] + b * y1r[q];
        }
        w.d2[0] = s0r;
        w.d2[1] = s0i;
        w.d2[2] = s1r;
        w.d2[3] = s1i;
        return w.d2;
    }

    /** Entries idx of the interleaved right-hand sides into split re/im arrays (the second side's only when b1 is given). */
    private static void gather(int[] idx, double[] b0, double[] b1, double[] r0, double[] i0, double[] r1, double[] i1) {
        for (int p = 0; p < idx.length; p++) {
            int g = 2 * idx[p];
            r0[p] = b0[g];
            i0[p] = b0[g + 1];
            if (b1 != null) {
                r1[p] = b1[g];
                i1[p] = b1[g + 1];
            }
        }
    }

    /** The inverse of {@link #gather}: split re/im values back into entries idx of the right-hand sides. */
    private static void scatter(int[] idx, double[] r0, double[] i0, double[] r1, double[] i1, double[] b0, double[] b1) {
        for (int p = 0; p < idx.length; p++) {
            int g = 2 * idx[p];
            b0[g] = r0[p];
            b0[g + 1] = i0[p];
            if (b1 != null) {
                b1[g] = r1[p];
                b1[g + 1] = i1[p];
            }
        }
    }

    private static void swap(double[] v, int p, int q) {
        double t = v[p];
        v[p] = v[q];
        v[q] = t;
    }
}
