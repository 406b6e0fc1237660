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

    private static final class Node {
        final int[] own;
        final int[] upd;
        final Node left;
        final Node right;
        int[] piv;
        double[] luRe;
        double[] luIm;
        double[] u12Re;
        double[] u12Im;
        double[] l21Re;
        double[] l21Im;
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
        this.a = a;
        this.n = a.size;
        this.root = build(0, a.nx, 0, a.ny);
        this.scratch = ThreadLocal.withInitial(() -> {
            int[] p = new int[n];
            java.util.Arrays.fill(p, -1);
            return p;
        });
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
        double[] fr = new double[f * f];
        double[] fi = new double[f * f];
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
        x.luRe = new double[k * k];
        x.luIm = new double[k * k];
        x.u12Re = new double[k * u];
        x.u12Im = new double[k * u];
        x.l21Re = new double[u * k];
        x.l21Im = new double[u * k];
        x.schurRe = new double[u * u];
        x.schurIm = new double[u * u];
        for (int p = 0; p < k; p++) {
            System.arraycopy(fr, p * f, x.luRe, p * k, k);
            System.arraycopy(fi, p * f, x.luIm, p * k, k);
            System.arraycopy(fr, p * f + k, x.u12Re, p * u, u);
            System.arraycopy(fi, p * f + k, x.u12Im, p * u, u);
        }
        for (int q = 0; q < u; q++) {
            System.arraycopy(fr, (k + q) * f, x.l21Re, q * k, k);
            System.arraycopy(fi, (k + q) * f, x.l21Im, q * k, k);
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

    /** Complex entries the factors hold (every front's L and U blocks), after {@link #factor}. */
    long storedEntries() {
        long e = 0;
        for (Node x : postorder) {
            e += (x.luRe == null ? 0 : x.luRe.length) + (x.u12Re == null ? 0 : x.u12Re.length) + (x.l21Re == null ? 0 : x.l21Re.length);
        }
        return e;
    }

    /** Solves A x = b in place (b interleaved re/im in the matrix's natural order). */
    void solve(double[] b) {
        int maxK = 0;
        for (Node x : postorder) {
            maxK = Math.max(maxK, x.own.length);
        }
        double[] yr = new double[maxK];
        double[] yi = new double[maxK];
        for (Node x : postorder) {
            int k = x.own.length;
            int u = x.upd.length;
            for (int p = 0; p < k; p++) {
                yr[p] = b[2 * x.own[p]];
                yi[p] = b[2 * x.own[p] + 1];
            }
            for (int p = 0; p < k; p++) {
                int q = x.piv[p];
                if (q != p) {
                    double t = yr[p];
                    yr[p] = yr[q];
                    yr[q] = t;
                    t = yi[p];
                    yi[p] = yi[q];
                    yi[q] = t;
                }
            }
            for (int i = 1; i < k; i++) {
                double sr = yr[i];
                double si = yi[i];
                int row = i * k;
                for (int p = 0; p < i; p++) {
                    double lr = x.luRe[row + p];
                    double li = x.luIm[row + p];
                    sr -= lr * yr[p] - li * yi[p];
                    si -= lr * yi[p] + li * yr[p];
                }
                yr[i] = sr;
                yi[i] = si;
            }
            for (int q = 0; q < u; q++) {
                double sr = 0;
                double si = 0;
                int row = q * k;
                for (int p = 0; p < k; p++) {
                    double lr = x.l21Re[row + p];
                    double li = x.l21Im[row + p];
                    sr += lr * yr[p] - li * yi[p];
                    si += lr * yi[p] + li * yr[p];
                }
                b[2 * x.upd[q]] -= sr;
                b[2 * x.upd[q] + 1] -= si;
            }
            for (int p = 0; p < k; p++) {
                b[2 * x.own[p]] = yr[p];
                b[2 * x.own[p] + 1] = yi[p];
            }
        }
        double[] zr = new double[0];
        double[] zi = new double[0];
        for (int t = postorder.size() - 1; t >= 0; t--) {
            Node x = postorder.get(t);
            int k = x.own.length;
            int u = x.upd.length;
            if (zr.length < u) {
                zr = new double[u];
                zi = new double[u];
            }
            for (int q = 0; q < u; q++) {
                zr[q] = b[2 * x.upd[q]];
                zi[q] = b[2 * x.upd[q] + 1];
            }
            for (int p = 0; p < k; p++) {
                double sr = b[2 * x.own[p]];
                double si = b[2 * x.own[p] + 1];
                int row = p * u;
                for (int q = 0; q < u; q++) {
                    double ur = x.u12Re[row + q];
                    double ui = x.u12Im[row + q];
                    sr -= ur * zr[q] - ui * zi[q];
                    si -= ur * zi[q] + ui * zr[q];
                }
                yr[p] = sr;
                yi[p] = si;
            }
            for (int i = k - 1; i >= 0; i--) {
                double sr = yr[i];
                double si = yi[i];
                int row = i * k;
                for (int p = i + 1; p < k; p++) {
                    double ur = x.luRe[row + p];
                    double ui = x.luIm[row + p];
                    sr -= ur * yr[p] - ui * yi[p];
                    si -= ur * yi[p] + ui * yr[p];
                }
                double dr = x.luRe[row + i];
                double di = x.luIm[row + i];
                double den = dr * dr + di * di;
                yr[i] = (sr * dr + si * di) / den;
                yi[i] = (si * dr - sr * di) / den;
            }
            for (int p = 0; p < k; p++) {
                b[2 * x.own[p]] = yr[p];
                b[2 * x.own[p] + 1] = yi[p];
            }
        }
    }

    /**
     * Solves A x_r = b_r in place for several right-hand sides at once (each interleaved re/im): every factor entry is
     * read once for all of them, which is what limits a sparse triangular solve (memory, not arithmetic).
     */
    void solve(double[][] bs) {
        int nr = bs.length;
        if (nr == 1) {
            solve(bs[0]);
            return;
        }
        int maxK = 0;
        int maxU = 0;
        for (Node x : postorder) {
            maxK = Math.max(maxK, x.own.length);
            maxU = Math.max(maxU, x.upd.length);
        }
        // y[p * nr + r]: entry p of right-hand side r
        double[] yr = new double[maxK * nr];
        double[] yi = new double[maxK * nr];
        double[] sr = new double[nr];
        double[] si = new double[nr];
        for (Node x : postorder) {
            int k = x.own.length;
            int u = x.upd.length;
            for (int p = 0; p < k; p++) {
                for (int r = 0; r < nr; r++) {
                    yr[p * nr + r] = bs[r][2 * x.own[p]];
                    yi[p * nr + r] = bs[r][2 * x.own[p] + 1];
                }
            }
            for (int p = 0; p < k; p++) {
                int q = x.piv[p];
                if (q != p) {
                    for (int r = 0; r < nr; r++) {
                        double t = yr[p * nr + r];
                        yr[p * nr + r] = yr[q * nr + r];
                        yr[q * nr + r] = t;
                        t = yi[p * nr + r];
                        yi[p * nr + r] = yi[q * nr + r];
                        yi[q * nr + r] = t;
                    }
                }
            }
            for (int i = 1; i < k; i++) {
                for (int r = 0; r < nr; r++) {
                    sr[r] = yr[i * nr + r];
                    si[r] = yi[i * nr + r];
                }
                int row = i * k;
                for (int p = 0; p < i; p++) {
                    double lr = x.luRe[row + p];
                    double li = x.luIm[row + p];
                    int o = p * nr;
                    for (int r = 0; r < nr; r++) {
                        sr[r] -= lr * yr[o + r] - li * yi[o + r];
                        si[r] -= lr * yi[o + r] + li * yr[o + r];
                    }
                }
                for (int r = 0; r < nr; r++) {
                    yr[i * nr + r] = sr[r];
                    yi[i * nr + r] = si[r];
                }
            }
            for (int q = 0; q < u; q++) {
                java.util.Arrays.fill(sr, 0);
                java.util.Arrays.fill(si, 0);
                int row = q * k;
                for (int p = 0; p < k; p++) {
                    double lr = x.l21Re[row + p];
                    double li = x.l21Im[row + p];
                    int o = p * nr;
                    for (int r = 0; r < nr; r++) {
                        sr[r] += lr * yr[o + r] - li * yi[o + r];
                        si[r] += lr * yi[o + r] + li * yr[o + r];
                    }
                }
                int g = 2 * x.upd[q];
                for (int r = 0; r < nr; r++) {
                    bs[r][g] -= sr[r];
                    bs[r][g + 1] -= si[r];
                }
            }
            for (int p = 0; p < k; p++) {
                for (int r = 0; r < nr; r++) {
                    bs[r][2 * x.own[p]] = yr[p * nr + r];
                    bs[r][2 * x.own[p] + 1] = yi[p * nr + r];
                }
            }
        }
        double[] zr = new double[maxU * nr];
        double[] zi = new double[maxU * nr];
        for (int t = postorder.size() - 1; t >= 0; t--) {
            Node x = postorder.get(t);
            int k = x.own.length;
            int u = x.upd.length;
            for (int q = 0; q < u; q++) {
                for (int r = 0; r < nr; r++) {
                    zr[q * nr + r] = bs[r][2 * x.upd[q]];
                    zi[q * nr + r] = bs[r][2 * x.upd[q] + 1];
                }
            }
            for (int p = 0; p < k; p++) {
                for (int r = 0; r < nr; r++) {
                    sr[r] = bs[r][2 * x.own[p]];
                    si[r] = bs[r][2 * x.own[p] + 1];
                }
                int row = p * u;
                for (int q = 0; q < u; q++) {
                    double ur = x.u12Re[row + q];
                    double ui = x.u12Im[row + q];
                    int o = q * nr;
                    for (int r = 0; r < nr; r++) {
                        sr[r] -= ur * zr[o + r] - ui * zi[o + r];
                        si[r] -= ur * zi[o + r] + ui * zr[o + r];
                    }
                }
                for (int r = 0; r < nr; r++) {
                    yr[p * nr + r] = sr[r];
                    yi[p * nr + r] = si[r];
                }
            }
            for (int i = k - 1; i >= 0; i--) {
                for (int r = 0; r < nr; r++) {
                    sr[r] = yr[i * nr + r];
                    si[r] = yi[i * nr + r];
                }
                int row = i * k;
                for (int p = i + 1; p < k; p++) {
                    double ur = x.luRe[row + p];
                    double ui = x.luIm[row + p];
                    int o = p * nr;
                    for (int r = 0; r < nr; r++) {
                        sr[r] -= ur * yr[o + r] - ui * yi[o + r];
                        si[r] -= ur * yi[o + r] + ui * yr[o + r];
                    }
                }
                double dr = x.luRe[row + i];
                double di = x.luIm[row + i];
                double den = dr * dr + di * di;
                for (int r = 0; r < nr; r++) {
                    yr[i * nr + r] = (sr[r] * dr + si[r] * di) / den;
                    yi[i * nr + r] = (si[r] * dr - sr[r] * di) / den;
                }
            }
            for (int p = 0; p < k; p++) {
                for (int r = 0; r < nr; r++) {
                    bs[r][2 * x.own[p]] = yr[p * nr + r];
                    bs[r][2 * x.own[p] + 1] = yi[p * nr + r];
                }
            }
        }
    }
}
