#!/usr/bin/env python3
"""Reference n_eff for the validation case fd-symmetry (cases/fd-symmetry.yaml): the scalar modes of a 2 x 2 um square
core (n = 1.56) in n = 1.44 at 633 nm, on the cell-centred 5-point finite-difference grid of a 6 x 6 um window with
0.04 um cells and zero field one cell beyond the window (metal walls, no PML). The core's edges fall on cell edges, so
every cell is wholly core or cladding and GlassGuide's sub-pixel averaging leaves the same operator: the two must agree
to the eigen-solve's accuracy. Solved here on the whole window with SciPy's eigsh (the operator is real symmetric),
independently of GlassGuide's symmetry classes, shift-invert and LU.

    python3 validation/scripts/fd-square-reference.py      # prints the 10 n_eff nearest 1.56, highest first
"""
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as sla

wavelength = 0.633  # um
step = 0.04
width = 6.0
cells = int(round(width / step))
k0 = 2 * np.pi / wavelength
centres = -width / 2 + (np.arange(cells) + 0.5) * step
x, y = np.meshgrid(centres, centres, indexing="ij")
index = np.where((np.abs(x) < 1) & (np.abs(y) < 1), 1.56, 1.44)
second = sp.diags([np.ones(cells - 1), -2 * np.ones(cells), np.ones(cells - 1)], [-1, 0, 1]) / step ** 2
one = sp.identity(cells)
a = (sp.kron(second, one) + sp.kron(one, second) + sp.diags((k0 * index).ravel() ** 2)).tocsc()
beta2, _ = sla.eigsh(a, k=10, sigma=(k0 * 1.56) ** 2, which="LM")
for n in np.sort(np.sqrt(beta2) / k0)[::-1]:
    print("%.13f" % n)
