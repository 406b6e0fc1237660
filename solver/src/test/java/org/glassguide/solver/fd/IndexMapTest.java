package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Shape;
import org.junit.jupiter.api.Test;

class IndexMapTest {
    /** A map drawing the same rectangle as a painted shape gives the same permittivity and the same mode. */
    @Test
    void mapOfARectangleEqualsTheRectangle() {
        int[][] ids = new int[80][100]; // 10 um x 8 um at 0.1 um, row 0 at the top
        for (int r = 0; r < 80; r++) {
            for (int c = 0; c < 100; c++) {
                double x = -5e-6 + (c + 0.5) * 0.1e-6;
                double y = 4e-6 - (r + 0.5) * 0.1e-6;
                ids[r][c] = Math.abs(x) < 1e-6 && Math.abs(y) < 0.5e-6 ? 1 : 0;
            }
        }
        CrossSection map = new CrossSection(1.0, 0).paint(new CrossSection.IndexMap(-5e-6, 5e-6, -4e-6, 4e-6, ids,
                new double[] {1.44, 1.56}, new double[] {0, 0}));
        CrossSection shape = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 2e-6, 1e-6), 1.56, 0);
        FdScalarModeSolver.Grid g = FdScalarModeSolver.Grid.centred(10e-6, 8e-6, 0.1e-6);
        double[][] a = map.sample(g.x0(), g.y0(), g.dx(), g.dy(), g.nx(), g.ny(), 4);
        double[][] b = shape.sample(g.x0(), g.y0(), g.dx(), g.dy(), g.nx(), g.ny(), 4);
        assertArrayEquals(b[0], a[0], 1e-12);
        double nMap = new FdScalarModeSolver().solve(map, 1.55e-6, g, new FdScalarModeSolver.Pml(0, 8), 1, 1.56, ProgressMonitor.NONE).get(0).nEff();
        double nShape = new FdScalarModeSolver().solve(shape, 1.55e-6, g, new FdScalarModeSolver.Pml(0, 8), 1, 1.56, ProgressMonitor.NONE).get(0).nEff();
        assertEquals(nShape, nMap, 1e-12);
    }
}
