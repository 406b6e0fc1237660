package org.glassguide.solver.bpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.solver.compute.ComputeBackends;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.fd.CrossSection;
import org.junit.jupiter.api.Test;

/** A live view sees exactly the slices the run records, in order, with the same power. */
class SliceMonitorTest {
    @Test
    void liveSlicesAreTheRecordedOnes() {
        BpmGrid g = BpmGrid.slab(20e-6, 0.1e-6);
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Slab(-2e-6, 2e-6), 1.46, 0);
        double[] launch = new double[2 * g.cells()];
        for (int i = 0; i < g.nx(); i++) {
            launch[2 * i] = Math.exp(-Math.pow(g.x(i) / 1.5e-6, 2));
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> zs = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        SliceMonitor live = new SliceMonitor() {
            @Override
            public void progress(long done, long total, String stage) {
            }

            @Override
            public void slice(BpmGrid grid, double z, double[] row, double[] column, double power) {
                assertEquals(null, column, "a 2D run has no y-z column");
                rows.add(row);
                zs.add(z);
                ps.add(power);
            }
        };
        BeamPropagator.Settings s = new BeamPropagator.Settings(1e-6, Double.NaN, 0.5e-6, 50e-6, WideAngle.PADE11, 16, Precision.DOUBLE, 1, 10);
        BeamPropagator.Result r = new BeamPropagator().propagate(cs, g, launch, null, s, ComputeBackends.select("cpu", m -> { }), live);
        assertEquals(r.slice().length, rows.size());
        for (int k = 0; k < rows.size(); k++) {
            assertArrayEquals(r.slice()[k], rows.get(k), 0);
            assertEquals(r.z()[k], zs.get(k), 1e-18);
            assertEquals(r.power()[k], ps.get(k), 1e-15);
        }
    }
}
