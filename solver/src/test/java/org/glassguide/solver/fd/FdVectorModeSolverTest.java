package org.glassguide.solver.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.fd.FdVectorModeSolver.Component;
import org.glassguide.solver.fd.FdVectorModeSolver.Wall;
import org.glassguide.solver.fd.FdVectorModeSolver.Walls;
import org.junit.jupiter.api.Test;

class FdVectorModeSolverTest {
    private static final Walls METAL = new Walls(Wall.PEC, Wall.PEC, Wall.PEC, Wall.PEC, false, false, false, false);

    private static List<FdVectorModeSolver.Mode> box(int n, int wanted) {
        // a 2 x 1 um metal pipe filled with n = 1.5, 1 um light: TE_mn / TM_mn with n_eff^2 = 2.25 - (kc/k0)^2
        CrossSection cs = new CrossSection(1.5, 0);
        FdScalarModeSolver.Grid g = new FdScalarModeSolver.Grid(-1e-6, -0.5e-6, 1e-6 / n, 1e-6 / n, 2 * n, n);
        return new FdVectorModeSolver().solve(cs, 1e-6, g, METAL, 0, wanted, 1.5, Double.NEGATIVE_INFINITY, 1, ProgressMonitor.NONE);
    }

    private static double exactBox(int m, int p) {
        double kc2 = Math.pow(m * Math.PI / 2, 2) + Math.pow(p * Math.PI, 2);
        double k0 = 2 * Math.PI;
        return Math.sqrt(2.25 - kc2 / (k0 * k0));
    }

    @Test
    void metalPipeModesConvergeAtSecondOrderToTheAnalyticOnes() {
        double e20 = box(20, 1).get(0).nEff() - exactBox(1, 0);
        double e40 = box(40, 1).get(0).nEff() - exactBox(1, 0);
        double order = Math.log(Math.abs(e20 / e40)) / Math.log(2);
        assertEquals(2, order, 0.05, "TE10 order");
        assertTrue(Math.abs(e40) < 5e-6, "TE10 error at 40 cells/um: " + e40);
        // TE20 and TE01 are degenerate in a 2 x 1 pipe; TM11 and TE11 also: the grid keeps both pairs together
        List<FdVectorModeSolver.Mode> m = box(40, 5);
        assertEquals(exactBox(2, 0), m.get(1).nEff(), 1e-4);
        assertEquals(exactBox(0, 1), m.get(2).nEff(), 1e-4);
        assertEquals(exactBox(1, 1), m.get(3).nEff(), 1e-4);
        assertEquals(exactBox(1, 1), m.get(4).nEff(), 1e-4);
    }

    @Test
    void te10HasOnlyEyAndCarriesOneWatt() {
        FdVectorModeSolver.Mode te10 = box(30, 1).get(0);
        assertTrue(te10.teFraction() < 1e-12, "TE10 of a wide pipe is E_y only: " + te10.teFraction());
        double[] ey = te10.field(Component.EY);
        double[] hx = te10.field(Component.HX);
        double dA = (1e-6 / 30) * (1e-6 / 30);
        double p = 0;
        for (int q = 0; q < ey.length / 2; q++) {
            p -= 0.5 * (ey[2 * q] * hx[2 * q] + ey[2 * q + 1] * hx[2 * q + 1]) * dA;
        }
        assertEquals(1, p, 1e-9, "power through the cross-section");
        // for TE10, H_x = -(n_eff / eta0) E_y exactly (Faraday's law, no E_z)
        double eta0 = 376.730313668;
        int q = 15 + 60 * 15;
        assertEquals(-te10.nEff() / eta0, hx[2 * q] / ey[2 * q], 1e-9 * te10.nEff() / eta0);
    }

    @Test
    void symmetryWallsReproduceTheFullWindow() {
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 1.2e-6, 0.6e-6), 1.56, 0);
        double h = 0.05e-6;
        FdScalarModeSolver.Grid full = new FdScalarModeSolver.Grid(-2e-6, -2e-6, h, h, 80, 80);
        FdScalarModeSolver.Grid quarter = new FdScalarModeSolver.Grid(0, 0, h, h, 40, 40);
        List<FdVectorModeSolver.Mode> all = new FdVectorModeSolver().solve(cs, 1e-6, full, METAL, 0, 2, 1.56, 1.44, 1, ProgressMonitor.NONE);
        // E_x-dominant fundamental: E_x even in x (electric wall at x = 0) and even in y (magnetic wall at y = 0)
        Walls te = new Walls(Wall.PEC, Wall.PEC, Wall.PMC, Wall.PEC, false, false, false, false);
        Walls tm = new Walls(Wall.PMC, Wall.PEC, Wall.PEC, Wall.PEC, false, false, false, false);
        FdVectorModeSolver.Mode qte = new FdVectorModeSolver().solve(cs, 1e-6, quarter, te, 0, 1, 1.56, 1.44, 4, ProgressMonitor.NONE).get(0);
        FdVectorModeSolver.Mode qtm = new FdVectorModeSolver().solve(cs, 1e-6, quarter, tm, 0, 1, 1.56, 1.44, 4, ProgressMonitor.NONE).get(0);
        assertEquals(all.get(0).nEff(), qte.nEff(), 1e-11);
        assertEquals(all.get(1).nEff(), qtm.nEff(), 1e-11);
        assertTrue(qte.teFraction() > 0.95 && qtm.teFraction() < 0.05, "quasi-TE / quasi-TM");
        assertEquals(all.get(0).teFraction(), qte.teFraction(), 1e-9);
        // the whole cross-section's effective area and core power, from a quarter and from the whole window
        assertEquals(all.get(0).effectiveArea(), qte.effectiveArea(), 1e-6 * all.get(0).effectiveArea());
        boolean[] coreFull = new boolean[80 * 80];
        boolean[] coreQuarter = new boolean[40 * 40];
        for (int j = 0; j < 80; j++) {
            for (int i = 0; i < 80; i++) {
                double x = -2e-6 + (i + 0.5) * h;
                double y = -2e-6 + (j + 0.5) * h;
                coreFull[i + 80 * j] = Math.abs(x) < 0.6e-6 && Math.abs(y) < 0.3e-6;
                if (i < 40 && j < 40) {
                    coreQuarter[i + 40 * j] = (i + 0.5) * h < 0.6e-6 && (j + 0.5) * h < 0.3e-6;
                }
            }
        }
        assertEquals(all.get(0).powerFraction(coreFull), qte.powerFraction(coreQuarter), 1e-9);
    }
}
