#!/usr/bin/env python3
"""Solves GlassGuide's cross-section operators with SciPy's SuperLU and ARPACK, for a side-by-side comparison.

Usage:
    glassguide bench eigen --export-operators out/operators
    python3 validation/scripts/superlu-arpack.py out/operators [modes ...]

For every NAME-A.mtx / NAME-B.mtx pair (A v = n_eff^2 B v, B diagonal, the shift in A's second line) it factorises
A - shift B with SuperLU under two fill-reducing orderings (COLAMD, the default, and minimum degree on A^T + A), reports
the factor's stored entries nnz(L) + nnz(U) and the time, then runs ARPACK (implicitly restarted Arnoldi, scipy's eigs)
on the same shift-invert operator (A - shift B)^-1 B that GlassGuide iterates on, for each number of modes, and prints
the time, the n_eff of the modes found and the worst relative residual ||A y - lambda B y|| / (|lambda| ||B y||).
Needs python3-scipy (Debian) or scipy from pip; single-threaded apart from any BLAS threads.
"""
import glob
import os
import sys
import time

import numpy as np
import scipy
import scipy.io
import scipy.sparse as sp
import scipy.sparse.linalg as sla


def shift_of(path):
    with open(path) as f:
        f.readline()
        line = f.readline()
    return float(line.rsplit("shift", 1)[1])


def main():
    folder = sys.argv[1]
    wanted = [int(w) for w in sys.argv[2:]] or [4, 10, 20]
    print("scipy %s, numpy %s" % (scipy.__version__, np.__version__))
    print("| operator | unknowns | SuperLU ordering | nnz(L)+nnz(U) | factor time | ARPACK modes | ARPACK time (factor included) | worst residual | n_eff (first three) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for a_file in sorted(glob.glob(os.path.join(folder, "*-A.mtx"))):
        name = os.path.basename(a_file)[:-6]
        sigma = shift_of(a_file)
        a = scipy.io.mmread(a_file).tocsc()
        b = np.asarray(scipy.io.mmread(a_file[:-6] + "-B.mtx")).ravel()
        shifted = (a - sigma * sp.diags(b)).tocsc()
        n = a.shape[0]
        for ordering in ("COLAMD", "MMD_AT_PLUS_A"):
            t0 = time.perf_counter()
            lu = sla.splu(shifted, permc_spec=ordering)
            factor = time.perf_counter() - t0
            fill = lu.L.nnz + lu.U.nnz
            print("| %s | %d | %s | %.1f M | %.2f s | | | | |" % (name, n, ordering, fill / 1e6, factor))
        for k in wanted:
            t0 = time.perf_counter()
            lu = sla.splu(shifted, permc_spec="COLAMD")
            op = sla.LinearOperator((n, n), matvec=lambda x: lu.solve(b * x), dtype=complex)
            theta, vecs = sla.eigs(op, k=k, which="LM", tol=1e-10, ncv=max(2 * k + 1, 20), v0=np.ones(n, dtype=complex) * (b != 0))
            seconds = time.perf_counter() - t0
            lam = sigma + 1 / theta
            worst = 0.0
            for j in range(k):
                y = vecs[:, j]
                by = b * y
                r = a @ y - lam[j] * by
                worst = max(worst, np.linalg.norm(r) / (abs(lam[j]) * np.linalg.norm(by)))
            neff = np.sort(np.sqrt(lam).real)[::-1]
            print("| %s | %d | COLAMD | | | %d | %.2f s | %.1e | %s |" % (name, n, k, seconds, worst,
                                                                   ", ".join("%.9f" % x for x in neff[:3])))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
