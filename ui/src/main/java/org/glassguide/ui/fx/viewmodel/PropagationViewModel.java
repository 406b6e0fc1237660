package org.glassguide.ui.fx.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.solver.bpm.BpmAnalysis;
import org.glassguide.solver.bpm.BpmGrid;
import org.glassguide.solver.bpm.PropagationSettings;
import org.glassguide.solver.bpm.SliceMonitor;
import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.ComputeBackends;
import org.glassguide.solver.design.Design;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A beam-propagation run of the design's propagation: section, in the background, with the x-z intensity filling in as
 * it goes (rows published to the view at most every 100 ms), power against z, and at the end the end-face near field,
 * the far field and the measured NA.
 */
public final class PropagationViewModel {
    /**
     * The x-z and y-z pictures so far: rows[k] (along x through y = 0) and columns[k] (along y through x = 0; null in 2D)
     * at z[k], each normalised to the launch's peak; rowEps and columnEps, the permittivity along the row and the column
     * the planes cut, are set once a z-invariant run has finished (for the planes' outline), else null.
     */
    public record Slices(double[][] rows, double[][] columns, double[] z, double xMin, double xMax, double length, double[] rowEps,
            double[] columnEps) {
        public Slices(double[][] rows, double[][] columns, double[] z, double xMin, double xMax, double length) {
            this(rows, columns, z, xMin, xMax, length, null, null);
        }
    }

    /** Power (relative to the launch) against z so far. */
    public record Power(double[] z, double[] power) {
    }

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Slices> slices = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Power> power = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FieldMap> nearField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FieldMap> farField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public PropagationViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    public ReadOnlyObjectProperty<Slices> slicesProperty() {
        return slices.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Power> powerProperty() {
        return power.getReadOnlyProperty();
    }

    /** |psi|^2 over the end face, normalised to 1, [row][col] with row 0 at the top (or null for a 2D run). */
    public ReadOnlyObjectProperty<FieldMap> nearFieldProperty() {
        return nearField.getReadOnlyProperty();
    }

    /** Far-field intensity over sin(angle) in [-limit, limit] on both axes, normalised to 1 (or null for a 2D run). */
    public ReadOnlyObjectProperty<FieldMap> farFieldProperty() {
        return farField.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void run(Design d) {
        if (d == null || PropagationSettings.of(d) == null) {
            error.set("the design has no propagation: section (open a BPM example, e.g. examples/few-mode-fiber-bpm.yaml)");
            return;
        }
        error.set("");
        slices.set(null);
        power.set(null);
        nearField.set(null);
        farField.set(null);
        double length = PropagationSettings.of(d).length();
        runner.run("beam propagation", m -> {
            Live live = new Live(m, length);
            // a GPU where one is usable, else the CPU (as --device auto)
            ComputeBackend backend = ComputeBackends.select("auto", s -> { });
            BpmAnalysis.Result r = new BpmAnalysis().run(d, d.wavelengths().get(0), backend, null, Runtime.getRuntime().availableProcessors(), w -> { },
                    live);
            live.publish();
            return new Finished(r, endStructure(d, r));
        }, this::finish, error::set);
    }

    /** A run's result and the cross-section's permittivity at its end face (null where the guide changes along z). */
    private record Finished(BpmAnalysis.Result result, double[] endEps) {
    }

    /**
     * The permittivity over the run's grid at the end face, for the near field's outline: the design's own cross-section
     * where the guide does not change along z (no taper, splice or index expression); null otherwise.
     */
    private static double[] endStructure(Design d, BpmAnalysis.Result r) {
        PropagationSettings ps = r.settings();
        BpmGrid g = r.run().grid();
        if (g.ny() == 1 || ps.taper() != null || !ps.splices().isEmpty() || ps.indexFunction() != null) {
            return null;
        }
        try {
            org.glassguide.solver.fd.CrossSection cs = org.glassguide.solver.fd.FdAnalysis.crossSection(d, r.wavelength(), true, w -> { },
                    new java.util.ArrayList<>());
            return org.glassguide.solver.bpm.BeamPropagator.sample(cs, g)[0];
        } catch (RuntimeException e) {
            // the outline is a courtesy: a structure it cannot draw leaves the picture without one
            return null;
        }
    }

    private void finish(Finished f) {
        BpmAnalysis.Result r = f.result();
        BpmGrid g = r.run().grid();
        if (g.ny() > 1) {
            double[] e = r.run().endField();
            double[][] img = new double[g.ny()][g.nx()];
            double max = 0;
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int p = i + g.nx() * j;
                    double v = e[2 * p] * e[2 * p] + e[2 * p + 1] * e[2 * p + 1];
                    img[g.ny() - 1 - j][i] = v;
                    max = Math.max(max, v);
                }
            }
            FieldMap near = new FieldMap(normalise(img, max), g.x0() * 1e6, (g.x0() + g.nx() * g.dx()) * 1e6, g.y0() * 1e6,
                    (g.y0() + g.ny() * g.dy()) * 1e6, "x", "y", "um", "relative intensity |psi|²", 0, 1, List.of());
            if (f.endEps() != null && slices.get() != null) {
                // the planes cut the structure along the same row and column as the slices (y = 0: row ny/2; x = 0: column nx/2)
                double[] rowEps = new double[g.nx()];
                double[] colEps = new double[g.ny()];
                for (int i = 0; i < g.nx(); i++) {
                    rowEps[i] = f.endEps()[i + g.nx() * (g.ny() / 2)];
                }
                for (int j = 0; j < g.ny(); j++) {
                    colEps[j] = f.endEps()[g.nx() / 2 + g.nx() * j];
                }
                Slices sl = slices.get();
                slices.set(new Slices(sl.rows(), sl.columns(), sl.z(), sl.xMin(), sl.xMax(), sl.length(), rowEps, colEps));
            }
            if (f.endEps() != null) {
                double[][] st = new double[g.ny()][g.nx()];
                for (int j = 0; j < g.ny(); j++) {
                    for (int i = 0; i < g.nx(); i++) {
                        st[g.ny() - 1 - j][i] = f.endEps()[i + g.nx() * j];
                    }
                }
                near = near.withStructure(st);
            }
            nearField.set(near);
        }
        if (g.ny() > 1 && r.farField() != null && r.farField()[0] != null) {
            // the far field comes flat, a square over sin(angle) in [-limit, limit] on both axes, k_x fastest
            double[] ff = r.farField()[0];
            int pts = (int) Math.round(Math.sqrt(ff.length));
            double[][] map = new double[pts][pts];
            double max = 0;
            for (int b = 0; b < pts; b++) {
                for (int a = 0; a < pts; a++) {
                    map[pts - 1 - b][a] = ff[a + pts * b];
                    max = Math.max(max, ff[a + pts * b]);
                }
            }
            // zoomed to the NA the light fills (with a margin), so the pattern is not a dot in a black square
            double lim = r.farLimit();
            double show = Math.min(lim, Math.max(0.05, 1.3 * r.measuredNa()));
            int keep = Math.max(8, (int) Math.round(pts * show / lim));
            int off = (pts - keep) / 2;
            double[][] zoom = new double[keep][keep];
            for (int b = 0; b < keep; b++) {
                System.arraycopy(map[off + b], off, zoom[b], 0, keep);
            }
            double half = lim * keep / pts;
            farField.set(new FieldMap(normalise(zoom, max), -half, half, -half, half, "sin(angle) along x", "sin(angle) along y", "",
                    "relative power per solid angle", 0, 1, List.of(new double[] {0, 0, r.measuredNa()})));
        }
        double[] pw = r.run().power();
        summary.set(String.format(Locale.ROOT, "%s nm, %.4g mm: %.4g %% of the launched power left, core %s, measured NA (95 %% of the far "
                + "field) %.4f, %.3g cell-steps/s%s", org.glassguide.materials.units.Units.nm(r.wavelength()), r.settings().length() * 1e3,
                100 * pw[pw.length - 1],
                r.run().lossFit().describe(), r.measuredNa(), r.run().cellStepsPerSecond(), r.run().cancelled() ? " (cancelled: what was computed)" : ""));
    }

    private static double[][] normalise(double[][] img, double max) {
        if (max > 0) {
            for (double[] row : img) {
                for (int i = 0; i < row.length; i++) {
                    row[i] /= max;
                }
            }
        }
        return img;
    }

    /** Collects rows on the worker thread and hands copies to the UI thread now and then. */
    private final class Live implements SliceMonitor {
        private final org.glassguide.solver.ProgressMonitor delegate;
        private final double length;
        private final List<double[]> rows = new ArrayList<>();
        private final List<double[]> columns = new ArrayList<>();
        private final List<Double> zs = new ArrayList<>();
        private final List<Double> ps = new ArrayList<>();
        private BpmGrid grid;
        private double peak;
        private long last;

        Live(org.glassguide.solver.ProgressMonitor delegate, double length) {
            this.delegate = delegate;
            this.length = length;
        }

        @Override
        public void progress(long done, long total, String stage) {
            delegate.progress(done, total, stage);
        }

        @Override
        public boolean isCancelled() {
            return delegate.isCancelled();
        }

        @Override
        public synchronized void slice(BpmGrid g, double z, double[] row, double[] column, double p) {
            if (z == 0) {
                rows.clear();
                columns.clear();
                zs.clear();
                ps.clear();
                peak = 0;
                for (double v : row) {
                    peak = Math.max(peak, v);
                }
            }
            grid = g;
            double[] r = row.clone();
            for (int i = 0; i < r.length; i++) {
                r[i] = peak > 0 ? Math.min(1, r[i] / peak) : 0;
            }
            rows.add(r);
            if (column != null) {
                double[] cl = column.clone();
                for (int i = 0; i < cl.length; i++) {
                    cl[i] = peak > 0 ? Math.min(1, cl[i] / peak) : 0;
                }
                columns.add(cl);
            }
            zs.add(z);
            ps.add(p);
            long now = System.nanoTime();
            if (now - last > 100_000_000L) {
                last = now;
                publish();
            }
        }

        synchronized void publish() {
            if (grid == null) {
                return;
            }
            Slices s = new Slices(rows.toArray(new double[0][]), columns.isEmpty() ? null : columns.toArray(new double[0][]), zs.stream().mapToDouble(Double::doubleValue).toArray(), grid.x(0),
                    grid.x(grid.nx() - 1), length);
            Power pw = new Power(s.z(), ps.stream().mapToDouble(Double::doubleValue).toArray());
            runner.onUi(() -> {
                slices.set(s);
                power.set(pw);
            });
        }
    }
}
