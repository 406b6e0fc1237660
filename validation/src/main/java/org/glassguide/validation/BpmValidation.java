package org.glassguide.validation;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.bpm.BeamPropagator;
import org.glassguide.solver.bpm.BpmAnalysis;
import org.glassguide.solver.bpm.BpmGrid;
import org.glassguide.solver.bpm.CorrelationSpectrum;
import org.glassguide.solver.bpm.Launch;
import org.glassguide.solver.bpm.Splice;
import org.glassguide.solver.bpm.WideAngle;
import org.glassguide.solver.compute.CpuBackend;
import org.glassguide.solver.compute.Precision;
import org.glassguide.solver.design.Shape;
import org.glassguide.solver.fd.CrossSection;
import org.glassguide.solver.fd.FdScalarModeSolver;
import org.glassguide.solver.special.Fft;

/** Validation cases of the beam propagator: analytic beams, modes of the mode solver, absorption, convergence. */
final class BpmValidation {
    private BpmValidation() {
    }

    private static final CpuBackend CPU = new CpuBackend();

    /**
     * The exact field of a 2D (x-z) beam after a distance z in a homogeneous medium: every plane-wave
     * component advances by exp(i (sqrt(k^2 - kx^2) - k_ref) z) (angular spectrum; evanescent ones decay).
     */
    static double[] angularSpectrum(double[] field, double dx, double k, double kRef, double z) {
        return angularSpectrum(field, field.length / 2, 1, dx, k, kRef, z);
    }

    /**
     * The same on an m x rows grid (rows = 1: a line; a plane: m x m, square cells h): each plane wave (k_x, k_y)
     * advances by exp(i (k_z - k_ref) z), k_z = sqrt(k^2 - k_x^2 - k_y^2); evanescent ones decay. Periodic window.
     */
    static double[] angularSpectrum(double[] field, int m, int rows, double h, double k, double kRef, double z) {
        double[] re = new double[m * rows];
        double[] im = new double[m * rows];
        for (int q = 0; q < m * rows; q++) {
            re[q] = field[2 * q];
            im[q] = field[2 * q + 1];
        }
        Fft.transform2d(re, im, m, rows, false);
        for (int bb = 0; bb < rows; bb++) {
            double ky = rows == 1 ? 0 : Fft.angularFrequency(bb, rows, h);
            for (int aa = 0; aa < m; aa++) {
                double kx = Fft.angularFrequency(aa, m, h);
                double kz2 = k * k - kx * kx - ky * ky;
                double ar;
                double ai;
                if (kz2 >= 0) {
                    double ph = (Math.sqrt(kz2) - kRef) * z;
                    ar = Math.cos(ph);
                    ai = Math.sin(ph);
                } else {
                    double decay = Math.exp(-Math.sqrt(-kz2) * z);
                    ar = decay * Math.cos(-kRef * z);
                    ai = decay * Math.sin(-kRef * z);
                }
                int q = aa + m * bb;
                double r = re[q] * ar - im[q] * ai;
                im[q] = re[q] * ai + im[q] * ar;
                re[q] = r;
            }
        }
        Fft.transform2d(re, im, m, rows, true);
        double[] out = new double[2 * m * rows];
        for (int q = 0; q < m * rows; q++) {
            out[2 * q] = re[q];
            out[2 * q + 1] = im[q];
        }
        return out;
    }

    private static double centroid(double[] f, BpmGrid g) {
        double s = 0;
        double w = 0;
        for (int i = 0; i < g.nx(); i++) {
            double p = f[2 * i] * f[2 * i] + f[2 * i + 1] * f[2 * i + 1];
            s += p * g.x(i);
            w += p;
        }
        return s / w;
    }

    /** 1 - |<a|b>|^2 / (<a|a><b|b>): zero when the fields agree up to a constant factor. */
    /**
     * The phase rate (rad/m, relative to k_ref) of the launched mode over the run: the phase of
     * <mode|psi(L)> unwrapped by the turns the solver's n_eff predicts.
     */
    private static double phaseRate(double[] mode, BeamPropagator.Result r, double nEff, double k0, double length) {
        double[] ov = Launch.overlap(mode, r.endField());
        double phase = Math.atan2(ov[1], ov[0]);
        double expected = (nEff - r.referenceIndex()) * k0 * length;
        return (phase + 2 * Math.PI * Math.round((expected - phase) / (2 * Math.PI))) / length;
    }

    static double mismatch(double[] a, double[] b) {
        double[] o = Launch.overlap(a, b);
        return 1 - (o[0] * o[0] + o[1] * o[1]) / (Launch.overlap(a, a)[0] * Launch.overlap(b, b)[0]);
    }

    static List<ValidationRow> gaussianTilt(YamlNode c, String id, String source) {
        double lambda = 0.633e-6;
        double n = 1.56;
        double k = 2 * Math.PI / lambda * n;
        double w0 = 2e-6;
        double length = 30e-6;
        double dz = 0.02e-6;
        BpmGrid g = BpmGrid.slab(2048 * 0.02e-6, 0.02e-6);
        CrossSection medium = new CrossSection(n, 0);
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode tn : c.require("tilts").list()) {
            double tilt = tn.number();
            double x0 = -length * Math.tan(Math.toRadians(tilt)) / 2;
            double[] launch = Launch.gaussian(g, lambda, n, w0, x0, 0, tilt);
            double[] exact = angularSpectrum(launch, g.dx(), k, k, length);
            double xe = centroid(exact, g);
            for (WideAngle w : WideAngle.values()) {
                BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, n, dz, length, w, 40, Precision.DOUBLE, 1, 1000);
                double[] end = new BeamPropagator().propagate(medium, g, launch, null, s, CPU, ProgressMonitor.NONE).endField();
                double err = Math.abs(centroid(end, g) - xe);
                String q = String.format(java.util.Locale.ROOT, "%s, %.0f deg: beam centre after %.0f um (um)", w, tilt, length * 1e6);
                YamlNode tol = c.require(w.name().toLowerCase(java.util.Locale.ROOT));
                double miss = tol.has("mustMissAbove") ? tol.require("mustMissAbove").number() : 0;
                if (w == WideAngle.PARAXIAL && tilt > 0) {
                    // the paraxial beam walks off at sin(theta) instead of tan(theta): it must fail visibly
                    double must = miss * tilt / 30;
                    rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s, misses by more than %.2f um (1 = yes)", q, must), 1,
                            err > must * 1e-6 ? 1 : 0, 0, source));
                    continue;
                }
                rows.add(new ValidationRow(id, q, xe * 1e6, centroid(end, g) * 1e6, tol.require("centroid").number(), source));
                if (w != WideAngle.PARAXIAL) {
                    rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s, %.0f deg: field mismatch 1 - |<exact|bpm>|^2", w, tilt), 0,
                            mismatch(exact, end), tol.require("mismatch").number(), source));
                }
            }
        }
        return rows;
    }

    static List<ValidationRow> modeStaysMode(YamlNode c, String id, String source) {
        double lambda = 1e-6;
        double a = 2e-6;
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Circle(0, 0, a), 1.56, 0);
        double h = 0.1e-6;
        FdScalarModeSolver.Grid fg = FdScalarModeSolver.Grid.centred(12e-6, 12e-6, h);
        FdScalarModeSolver.Mode m = new FdScalarModeSolver().solve(cs, lambda, fg, new FdScalarModeSolver.Pml(0, 8), 1, 1.56,
                ProgressMonitor.NONE).get(0);
        BpmGrid g = new BpmGrid(fg.x0(), fg.y0(), h, h, fg.nx(), fg.ny());
        double length = 1000 * lambda;
        BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, Double.NaN, 0.5e-6, length, WideAngle.PARAXIAL, 12,
                Precision.DOUBLE, 2, 100);
        BeamPropagator.Result r = new BeamPropagator().propagate(cs, g, m.field(), null, s, CPU, ProgressMonitor.NONE);
        double frac = 1 - mismatch(m.field(), r.endField());
        double k0 = 2 * Math.PI / lambda;
        double beta = k0 * r.referenceIndex() + phaseRate(m.field(), r, m.nEff(), k0, length);
        return List.of(new ValidationRow(id, "power in the launched mode after 1000 wavelengths", 1, frac, 1e-3, source),
                new ValidationRow(id, "beta from the phase advance / beta of the mode solver", 1, beta / (k0 * m.nEff()), 1e-5, source),
                new ValidationRow(id, "total power change, lossless guide with PML", 0, r.powerChange(), 1e-6, source));
    }

    /**
     * The 3D wide-angle step at the project's own contrasts: the fundamental mode of a lossless channel, launched into
     * it, must keep its power and its n_eff (from the phase advance of its overlap) against the 2D mode solver on the
     * same grid; the split ADI step, which drops each Pade factor's P_x P_y cross term, must miss n_eff visibly.
     */
    static List<ValidationRow> wideAngleMode(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode gc : c.require("guides").list()) {
            double lambda = gc.require("wavelengthUm").number() * 1e-6;
            double nCore = gc.require("core").number();
            double nClad = gc.require("cladding").number();
            double w = gc.require("widthUm").number() * 1e-6;
            double hgt = gc.require("heightUm").number() * 1e-6;
            double h = gc.require("stepUm").number() * 1e-6;
            double dz = gc.require("dzUm").number() * 1e-6;
            double length = gc.require("lengthUm").number() * 1e-6;
            CrossSection cs = new CrossSection(nClad, 0).paint(new Shape.Rectangle(0, 0, w, hgt), nCore, 0);
            FdScalarModeSolver.Grid fg = FdScalarModeSolver.Grid.centred(gc.require("windowUm").list().get(0).number() * 1e-6,
                    gc.require("windowUm").list().get(1).number() * 1e-6, h);
            FdScalarModeSolver.Mode m = new FdScalarModeSolver().solve(cs, lambda, fg, new FdScalarModeSolver.Pml(0, 8), 1, nCore,
                    ProgressMonitor.NONE).get(0);
            BpmGrid g = new BpmGrid(fg.x0(), fg.y0(), h, h, fg.nx(), fg.ny());
            double k0 = 2 * Math.PI / lambda;
            String guide = String.format(java.util.Locale.ROOT, "%.2f/%.2f, %.2f x %.2f um at %.3f um", nCore, nClad, w * 1e6, hgt * 1e6, lambda * 1e6);
            for (WideAngle wa : List.of(WideAngle.PADE11, WideAngle.PADE22)) {
                BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, Double.NaN, dz, length, wa, 12, Precision.DOUBLE, 2, 1000);
                BeamPropagator.Result r = new BeamPropagator().propagate(cs, g, m.field(), null, s, CPU, ProgressMonitor.NONE);
                double nBpm = r.referenceIndex() + phaseRate(m.field(), r, m.nEff(), k0, length) / k0;
                String q = String.format(java.util.Locale.ROOT, "%s, %s over %.0f um", guide, wa, length * 1e6);
                rows.add(new ValidationRow(id, q + ": n_eff from the phase advance", m.nEff(), nBpm, c.require("nEffTolerance").number(), source));
                rows.add(new ValidationRow(id, q + ": power in the launched mode", 1, 1 - mismatch(m.field(), r.endField()),
                        c.require("powerTolerance").number(), source));
                rows.add(new ValidationRow(id, q + ": total power change", 0, r.powerChange(), c.require("powerTolerance").number(), source));
                if (wa == WideAngle.PADE11) {
                    rows.addAll(fourthOrderMode(c, id, source, cs, lambda, fg, m, g, s, q));
                }
                if (wa == WideAngle.PADE11 && gc.has("splitMustMissAbove")) {
                    BeamPropagator.Result sr = new BeamPropagator().withSplitWideAngle(true).propagate(cs, g, m.field(), null, s, CPU,
                            ProgressMonitor.NONE);
                    double nSplit = sr.referenceIndex() + phaseRate(m.field(), sr, m.nEff(), k0, length) / k0;
                    double must = gc.require("splitMustMissAbove").number();
                    rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s: the split ADI step misses n_eff by more than %.0e (1 = yes; it"
                            + " missed by %.2e)", q, must, Math.abs(nSplit - m.nEff())), 1, Math.abs(nSplit - m.nEff()) > must ? 1 : 0, 0, source));
                }
            }
        }
        return rows;
    }

    /**
     * The same launch with the fourth-order compact transverse operator: its n_eff against the grid-converged one (the
     * mode solver on the same grid and on cells half as large, Richardson-extrapolated at second order), beside the
     * second-order grid's own; the launched (second-order) mode's power kept and the total power.
     */
    private static List<ValidationRow> fourthOrderMode(YamlNode c, String id, String source, CrossSection cs, double lambda,
            FdScalarModeSolver.Grid fg, FdScalarModeSolver.Mode m, BpmGrid g, BeamPropagator.Settings s, String q) {
        double h = fg.dx();
        FdScalarModeSolver.Grid fine = FdScalarModeSolver.Grid.centred(fg.nx() * h, fg.ny() * h, h / 2);
        double nFine = new FdScalarModeSolver().solve(cs, lambda, fine, new FdScalarModeSolver.Pml(0, 8), 1, m.nEff() + 0.01,
                ProgressMonitor.NONE).get(0).nEff();
        double converged = (4 * nFine - m.nEff()) / 3;
        double k0 = 2 * Math.PI / lambda;
        BeamPropagator.Result r = new BeamPropagator().withFourthOrder(true).propagate(cs, g, m.field(), null, s, CPU, ProgressMonitor.NONE);
        double n4 = r.referenceIndex() + phaseRate(m.field(), r, m.nEff(), k0, s.length()) / k0;
        List<ValidationRow> rows = new ArrayList<>();
        // at index steps neither operator keeps its order (the field's second derivative jumps there): the fourth-order one
        // must come nearer the converged n_eff than the second-order grid's own mode, not 16 times nearer
        rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s, transverse: fourth-order: n_eff against the grid-converged one,"
                + " within the second-order grid's own error (%.2e)", q, Math.abs(m.nEff() - converged)), converged, n4, Math.abs(m.nEff() - converged),
                source));
        rows.add(new ValidationRow(id, q + ", transverse: fourth-order: power in the launched (second-order) mode", 1,
                1 - mismatch(m.field(), r.endField()), c.require("powerTolerance").number(), source));
        rows.add(new ValidationRow(id, q + ", transverse: fourth-order: total power change", 0, r.powerChange(), c.require("powerTolerance").number(),
                source));
        return rows;
    }

    static List<ValidationRow> absorption(YamlNode c, String id, String source) {
        double lambda = 1e-6;
        double kappa = c.require("k").number();
        CrossSection medium = new CrossSection(1.5, kappa);
        BpmGrid g = BpmGrid.slab(2048 * 0.05e-6, 0.05e-6);
        double[] launch = Launch.gaussian(g, lambda, 1.5, 6e-6, 0, 0, 0);
        // metal walls far from the beam: nothing but the medium absorbs
        BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, 1.5, 0.5e-6, 200e-6, WideAngle.PADE11, 0, Precision.DOUBLE, 1, 20);
        BeamPropagator.Result r = new BeamPropagator().propagate(medium, g, launch, null, s, CPU, ProgressMonitor.NONE);
        double exact = 10 / Math.log(10) * 2 * (2 * Math.PI / lambda) * kappa / 100;
        return List.of(new ValidationRow(id, "loss of a uniform n + ik medium (dB/cm)", exact, r.regionLossDbPerCm(), 1e-3 * exact, source));
    }

    static List<ValidationRow> dzOrder(YamlNode c, String id, String source) {
        double lambda = 0.633e-6;
        double n = 1.56;
        BpmGrid g = BpmGrid.slab(1024 * 0.04e-6, 0.04e-6);
        CrossSection medium = new CrossSection(n, 0).paint(new Shape.Rectangle(0, 0, 4e-6, 1), 1.60, 0);
        double[] launch = Launch.gaussian(g, lambda, n, 2e-6, -3e-6, 0, 20);
        double length = 20e-6;
        double[] dzs = {0.4e-6, 0.2e-6, 0.1e-6, 0.0125e-6};
        double[][] ends = new double[dzs.length][];
        for (int i = 0; i < dzs.length; i++) {
            BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, n, dzs[i], length, WideAngle.PADE11, 30, Precision.DOUBLE, 1, 1000);
            ends[i] = new BeamPropagator().propagate(medium, g, launch, null, s, CPU, ProgressMonitor.NONE).endField();
        }
        List<ValidationRow> rows = new ArrayList<>();
        double prev = Double.NaN;
        for (int i = 0; i < dzs.length - 1; i++) {
            double e = 0;
            double norm = 0;
            for (int q = 0; q < ends[i].length; q++) {
                e += (ends[i][q] - ends[dzs.length - 1][q]) * (ends[i][q] - ends[dzs.length - 1][q]);
                norm += ends[dzs.length - 1][q] * ends[dzs.length - 1][q];
            }
            e = Math.sqrt(e / norm);
            if (!Double.isNaN(prev)) {
                rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "Pade(1,1) field error order, dz %.2f -> %.2f um", dzs[i - 1] * 1e6,
                        dzs[i] * 1e6), 2, Math.log(prev / e) / Math.log(2), c.require("orderTolerance").number(), source));
            }
            prev = e;
        }
        return rows;
    }

    static List<ValidationRow> beating(YamlNode c, String id, String source) {
        double lambda = 1e-6;
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 3e-6, 1.5e-6), 1.47, 0);
        double h = 0.1e-6;
        FdScalarModeSolver.Grid fg = FdScalarModeSolver.Grid.centred(10e-6, 8e-6, h);
        List<FdScalarModeSolver.Mode> modes = new FdScalarModeSolver().solve(cs, lambda, fg, new FdScalarModeSolver.Pml(0, 8), 2, 1.47,
                ProgressMonitor.NONE);
        double k0 = 2 * Math.PI / lambda;
        double dBeta = k0 * (modes.get(0).nEff() - modes.get(1).nEff());
        BpmGrid g = new BpmGrid(fg.x0(), fg.y0(), h, h, fg.nx(), fg.ny());
        double[] launch = Launch.sum(new double[][] {modes.get(0).field(), modes.get(1).field()}, new double[] {1, 0, 1, 0});
        boolean[] right = new boolean[g.cells()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                right[i + g.nx() * j] = g.x(i) > 0;
            }
        }
        double beat = 2 * Math.PI / dBeta;
        double dz = 0.5e-6;
        BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, Double.NaN, dz, 4.2 * beat, WideAngle.PARAXIAL, 0, Precision.DOUBLE, 2, 1);
        BeamPropagator.Result r = new BeamPropagator().watchingModes(new double[][] {modes.get(0).field(), modes.get(1).field()})
                .propagate(cs, g, launch, right, s, CPU, ProgressMonitor.NONE);
        // the power on one side oscillates as cos(dBeta z): its period from the mean crossings
        double mean = 0;
        for (double p : r.regionPower()) {
            mean += p;
        }
        mean /= r.regionPower().length;
        List<Double> crossings = new ArrayList<>();
        for (int i = 1; i < r.z().length; i++) {
            double a = r.regionPower()[i - 1] - mean;
            double b = r.regionPower()[i] - mean;
            if (a * b < 0) {
                crossings.add(r.z()[i - 1] + (r.z()[i] - r.z()[i - 1]) * a / (a - b));
            }
        }
        double measured = 2 * (crossings.get(crossings.size() - 1) - crossings.get(0)) / (crossings.size() - 1);
        int last = r.z().length - 1;
        // the field-correlation spectrum of the same run: its two peaks are the modes' indices; they
        // must come out far finer than the spectral bin lambda / L
        CorrelationSpectrum.Spectrum sp = CorrelationSpectrum.of(r.z(), r.correlation(), lambda, r.referenceIndex(), WideAngle.PARAXIAL, dz, 2);
        double[] found = sp.peaks().stream().mapToDouble(CorrelationSpectrum.Peak::nEff).sorted().toArray();
        double tol = 0.05 * sp.resolution();
        return List.of(new ValidationRow(id, "beat length 2 pi / d beta (um)", beat * 1e6, measured * 1e6, 0.01 * beat * 1e6, source),
                new ValidationRow(id, "power in mode 1 after 4 beat lengths / at launch (modal monitor)", 1,
                        r.modePower()[0][last] / r.modePower()[0][0], 1e-3, source),
                new ValidationRow(id, "power in mode 2 after 4 beat lengths / at launch (modal monitor)", 1,
                        r.modePower()[1][last] / r.modePower()[1][0], 1e-3, source),
                new ValidationRow(id, "n_eff of mode 1 from the correlation spectrum (tolerance 5 % of the bin lambda/L)", modes.get(0).nEff(),
                        found[found.length - 1], tol, source),
                new ValidationRow(id, "n_eff of mode 2 from the correlation spectrum (tolerance 5 % of the bin lambda/L)", modes.get(1).nEff(),
                        found.length > 1 ? found[0] : Double.NaN, tol, source));
    }

    /**
     * A bent channel's loss from propagation (the bend mode launched, core power fitted over ~10 dB of
     * decay) against the complex n_eff of the scalar mode solver on the same grid and PML.
     */
    static List<ValidationRow> bend(YamlNode c, String id, String source) {
        double lambda = 1.55e-6;
        double h = 0.1e-6;
        FdScalarModeSolver.Grid fg = FdScalarModeSolver.Grid.centred(10e-6, 8e-6, h);
        BpmGrid g = new BpmGrid(fg.x0(), fg.y0(), h, h, fg.nx(), fg.ny());
        FdScalarModeSolver.Pml pml = new FdScalarModeSolver.Pml(16, 8);
        double straight = new FdScalarModeSolver().solve(channel(), lambda, fg, pml, 1, 1.56, ProgressMonitor.NONE).get(0).nEff();
        boolean[] core = new boolean[g.cells()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                core[i + g.nx() * j] = Math.abs(g.x(i)) < 2.5e-6 && Math.abs(g.y(j)) < 2e-6;
            }
        }
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode rn : c.require("radii").list()) {
            double radius = rn.quantity(org.glassguide.materials.units.Units::length);
            CrossSection bent = channel().bend(radius, 1);
            FdScalarModeSolver.Mode m = new FdScalarModeSolver().solve(bent, lambda, fg, pml, 3, straight, ProgressMonitor.NONE).stream()
                    .min(java.util.Comparator.comparingDouble(FdScalarModeSolver.Mode::pmlFraction)).orElseThrow();
            double solverLoss = m.lossDbPerMetre(lambda) / 100;
            BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, Double.NaN, 0.25e-6, Math.max(20e-6, 0.1 / solverLoss),
                    WideAngle.PADE11, 16, Precision.DOUBLE, 2, 8);
            double bpmLoss = new BeamPropagator().propagate(bent, g, m.field(), core, s, CPU, ProgressMonitor.NONE).regionLossDbPerCm();
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "bend loss at R = %.0f um (dB/cm), BPM vs mode solver", radius * 1e6),
                    solverLoss, bpmLoss, c.require("relativeTolerance").number() * solverLoss, source));
        }
        return rows;
    }

    /**
     * Bends through design files, as a user runs them: a bent slab launched with a mismatched Gaussian (its reported,
     * settled loss against a finer 1D leaky-mode solve), and the bent-channel example's find-mode and mode launch
     * against the bend-mode solver.
     */
    static List<ValidationRow> bendUserPath(YamlNode c, String id, String source) {
        double lambda = 1.55e-6;
        List<ValidationRow> rows = new ArrayList<>();
        org.glassguide.solver.designfile.DesignReader reader = new org.glassguide.solver.designfile.DesignReader(
                org.glassguide.materials.catalog.MaterialLibrary.builtIn());
        for (YamlNode sl : c.require("slabs").list()) {
            double nCore = sl.require("n-core").number();
            double width = sl.require("width").quantity(org.glassguide.materials.units.Units::length);
            double radius = sl.require("radius").quantity(org.glassguide.materials.units.Units::length);
            double window = sl.require("window").quantity(org.glassguide.materials.units.Units::length);
            String yaml = String.format(java.util.Locale.ROOT, "format: glassguide/1\nname: bent-slab\nstructure:\n  waveguide:\n"
                    + "    background: { index: 1.44 }\n    shapes:\n      - rectangle: { width: %s um, height: 1000 um, material: { index: %s } }\n"
                    + "wavelengths: [1.55 um]\nanalyses: [bpm]\npropagation:\n  length: %s\n  dz: 0.25 um\n  window: %s um\n  step: %s\n"
                    + "  pml: 2 um\n  wide-angle: pade11\n  bend-radius: %s um\n  monitor-every: %s\n"
                    + "  launch: { gaussian: { waist: %s, center: [%s, 0 um] } }\n", width * 1e6, nCore, sl.require("length").text(), window * 1e6, sl.require("step").text(), radius * 1e6,
                    sl.require("monitor").text(), sl.require("waist").text(), sl.require("offset").text());
            org.glassguide.solver.design.Design d = reader.read("bent-slab.yaml", new java.io.StringReader(yaml), java.nio.file.Path.of("."));
            BpmAnalysis.Result r = new BpmAnalysis().run(d, lambda, CPU, Precision.DOUBLE, 1, w -> { }, ProgressMonitor.NONE);
            // the reference: the bent slab's leaky mode on the same window, a grid a quarter as fine and a PML twice as thick
            double h = 0.0125e-6;
            int nx = (int) Math.round(window / h);
            FdScalarModeSolver.Grid fg = FdScalarModeSolver.Grid.slab(-0.5 * nx * h, h, nx);
            CrossSection straight = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, width, 1e-3), nCore, 0);
            double nStraight = new FdScalarModeSolver().solve(straight, lambda, fg, new FdScalarModeSolver.Pml(0, 8), 1, nCore,
                    ProgressMonitor.NONE).get(0).nEff();
            CrossSection bent = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, width, 1e-3), nCore, 0).bend(radius, 1);
            FdScalarModeSolver.Mode leaky = new FdScalarModeSolver().solve(bent, lambda, fg, new FdScalarModeSolver.Pml(320, 8), 6, nStraight,
                    ProgressMonitor.NONE).stream().min(java.util.Comparator.comparingDouble(FdScalarModeSolver.Mode::pmlFraction)).orElseThrow();
            double expected = leaky.lossDbPerMetre(lambda) / 100;
            String what = String.format(java.util.Locale.ROOT, "bent slab %.2f/1.44, %.2f um, R = %.0f um, Gaussian launch", nCore, width * 1e6,
                    radius * 1e6);
            rows.add(new ValidationRow(id, what + ": reported loss (dB/cm) vs 1D leaky mode", expected, r.run().regionLossDbPerCm(),
                    c.require("slabTolerance").number() * expected, source));
            rows.add(new ValidationRow(id, what + ": the fit calls the loss settled (1 = yes)", 1,
                    r.run().lossFit().verdict() == org.glassguide.solver.bpm.LossFit.Verdict.SETTLED ? 1 : 0, 0, source));
        }
        String channel = "format: glassguide/1\nname: bent-channel\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n"
                + "      - rectangle: { width: 1.5 um, height: 1.5 um, center: [0 um, 0 um], material: { index: 1.56 } }\n"
                + "wavelengths: [1.55 um]\nanalyses: [bpm, modes]\n"
                + "solver: { kind: fd-scalar, window: [10 um, 8 um], step: 0.08 um, pml: 1.6 um, modes: 3, bend-radius: 20 um }\n"
                + "propagation:\n  length: 40 um\n  dz: 0.25 um\n  window: [10 um, 8 um]\n  step: 0.1 um\n  pml: 1.6 um\n  wide-angle: pade11\n"
                + "  bend-radius: 20 um\n  monitor-every: 1 um\n  launch: { mode: 1 }\n";
        org.glassguide.solver.design.Design d = reader.read("bent-channel.yaml", new java.io.StringReader(channel), java.nio.file.Path.of("."));
        BpmAnalysis.ModeResult found = new BpmAnalysis().findMode(d, lambda, CPU, w -> { }, ProgressMonitor.NONE);
        org.glassguide.solver.radial.ModeReport solver = new org.glassguide.solver.fd.FdAnalysis().analyse(d, lambda, d.solver(), false, w -> { },
                ProgressMonitor.NONE).listed().get(0);
        rows.add(new ValidationRow(id, "bent channel R = 20 um: find-mode n_eff vs the bend-mode solver (0.08 um grid)", solver.nEff(),
                found.mode().nEff(), c.require("findModeTolerance").number(), source));
        BpmAnalysis.Result run = new BpmAnalysis().run(d, lambda, CPU, Precision.DOUBLE, 2, w -> { }, ProgressMonitor.NONE);
        rows.add(new ValidationRow(id, "bent channel R = 20 um: launched bend mode's reported loss vs its Im n_eff (dB/cm)", found.lossDbPerCm(),
                run.run().regionLossDbPerCm(), c.require("channelLossTolerance").number() * found.lossDbPerCm(), source));
        return rows;
    }

    /**
     * A tilted Gaussian in a uniform 3D medium, once in the x-z plane and once along the diagonal (azimuth 45 deg), on
     * the same grid and step: each beam's walk-off along its direction against the exact angular-spectrum propagation
     * of the same launch (FFT, exp(i (k_z - k) L), no paraxial or Pade approximation). The unsplit wide-angle step
     * treats the diagonal as it treats the plane: the diagonal error may not exceed the plane's.
     */
    static List<ValidationRow> diagonalTilt(YamlNode c, String id, String source) {
        double lambda = c.require("wavelength").quantity(org.glassguide.materials.units.Units::length);
        double n = c.require("index").number();
        double tilt = c.require("tilt").number();
        double h = c.require("step").quantity(org.glassguide.materials.units.Units::length);
        double length = c.require("length").quantity(org.glassguide.materials.units.Units::length);
        double w0 = c.require("waist").quantity(org.glassguide.materials.units.Units::length);
        int cells = (int) c.require("cells").number();
        double k = 2 * Math.PI / lambda * n;
        BpmGrid g = new BpmGrid(-0.5 * cells * h, -0.5 * cells * h, h, h, cells, cells);
        CrossSection medium = new CrossSection(n, 0);
        double walk = length * Math.tan(Math.toRadians(tilt));
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode wn : c.require("orders").list()) {
            WideAngle w = WideAngle.parse(wn.text());
            double[] err = new double[2];
            double[] splitErr = new double[2];
            double[] compactErr = new double[2];
            for (int d = 0; d < 2; d++) {
                double az = d == 0 ? 0 : 45;
                double ux = Math.cos(Math.toRadians(az));
                double uy = Math.sin(Math.toRadians(az));
                double[] launch = Launch.gaussian(g, lambda, n, w0, -0.5 * walk * ux, -0.5 * walk * uy, tilt, az);
                double[] exact = angularSpectrum(launch, cells, cells, h, k, k, length);
                BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, n, h, length, w, 12, Precision.DOUBLE, 2, 1000);
                double[] end = new BeamPropagator().propagate(medium, g, launch, null, s, CPU, ProgressMonitor.NONE).endField();
                double[] ce = centroid2d(exact, g);
                double[] cb = centroid2d(end, g);
                // walk-off along the beam's own direction, from where it started
                double exactWalk = (ce[0] + 0.5 * walk * ux) * ux + (ce[1] + 0.5 * walk * uy) * uy;
                double bpmWalk = (cb[0] + 0.5 * walk * ux) * ux + (cb[1] + 0.5 * walk * uy) * uy;
                err[d] = Math.abs(bpmWalk - exactWalk) / exactWalk;
                // the split ADI step on the same grid: what the unsplit one replaced
                double[] split = new BeamPropagator().withSplitWideAngle(true).propagate(medium, g, launch, null, s, CPU, ProgressMonitor.NONE)
                        .endField();
                double[] cs = centroid2d(split, g);
                splitErr[d] = Math.abs((cs[0] + 0.5 * walk * ux) * ux + (cs[1] + 0.5 * walk * uy) * uy - exactWalk) / exactWalk;
                rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s, %.0f deg %s: walk-off after %.0f um (um)", w, tilt,
                        d == 0 ? "in the x-z plane" : "along the diagonal", length * 1e6), exactWalk * 1e6, bpmWalk * 1e6,
                        c.require("walkTolerance").number() * exactWalk * 1e6, source));
                // the fourth-order compact transverse operator on the same grid: the stencil's share of the error goes
                double[] compact = new BeamPropagator().withFourthOrder(true).propagate(medium, g, launch, null, s, CPU, ProgressMonitor.NONE)
                        .endField();
                double[] cc = centroid2d(compact, g);
                double compactWalk = (cc[0] + 0.5 * walk * ux) * ux + (cc[1] + 0.5 * walk * uy) * uy;
                compactErr[d] = Math.abs(compactWalk - exactWalk) / exactWalk;
                rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s, transverse: fourth-order, %.0f deg %s: walk-off (um)", w, tilt,
                        d == 0 ? "in the x-z plane" : "along the diagonal"), exactWalk * 1e6, compactWalk * 1e6,
                        c.require("fourthOrderWalkTolerance").number() * exactWalk * 1e6, source));
            }
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s, transverse: fourth-order: diagonal walk-off error beyond the"
                    + " x-z plane's (relative)", w), 0, Math.max(0, compactErr[1] - compactErr[0]), c.require("diagonalExcess").number(), source));
            double gainNeeded = c.require("fourthOrderGain").number();
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s, x-z plane: fourth-order walk-off error below the 3-point one's"
                    + " by more than %.1f %% (1 = yes; %.1f %% against %.1f %%)", w, 100 * gainNeeded, 100 * compactErr[0], 100 * err[0]), 1,
                    err[0] - compactErr[0] > gainNeeded ? 1 : 0, 0, source));
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s: diagonal walk-off error beyond the x-z plane's (relative)", w), 0,
                    Math.max(0, err[1] - err[0]), c.require("diagonalExcess").number(), source));
            double must = c.require("splitMustExceed").number();
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s, split ADI step: diagonal walk-off error beyond the plane's"
                    + " exceeds %.0f %% (1 = yes; it drops the P_x P_y cross term)", w, 100 * must), 1, splitErr[1] - splitErr[0] > must ? 1 : 0, 0,
                    source));
        }
        return rows;
    }

    private static double[] centroid2d(double[] f, BpmGrid g) {
        double sx = 0;
        double sy = 0;
        double w = 0;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                int q = i + g.nx() * j;
                double p = f[2 * q] * f[2 * q] + f[2 * q + 1] * f[2 * q + 1];
                sx += p * g.x(i);
                sy += p * g.y(j);
                w += p;
            }
        }
        return new double[] {sx / w, sy / w};
    }

    private static CrossSection channel() {
        return new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 1.5e-6, 1.5e-6), 1.56, 0);
    }

    /**
     * Second order in dx: the paraxial 2D Gaussian beam's on-axis intensity w0 / w(z) against the exact
     * paraxial beam, for halved transverse steps (dz small enough that its own error is far below); and fourth order
     * with the compact transverse operator (coarser steps, where its error still stands well above dz's).
     */
    static List<ValidationRow> dxOrder(YamlNode c, String id, String source) {
        List<ValidationRow> rows = new ArrayList<>(dxOrder(c, id, source, false, new double[] {0.2e-6, 0.1e-6, 0.05e-6}));
        rows.addAll(dxOrder(c, id, source, true, new double[] {0.4e-6, 0.2e-6, 0.1e-6}));
        return rows;
    }

    private static List<ValidationRow> dxOrder(YamlNode c, String id, String source, boolean fourthOrder, double[] steps) {
        double lambda = 1e-6;
        double w0 = 1e-6;
        double length = 20e-6;
        double k = 2 * Math.PI / lambda;
        double zr = k * w0 * w0 / 2;
        double exact = 1 / Math.sqrt(1 + (length / zr) * (length / zr));
        List<ValidationRow> rows = new ArrayList<>();
        double prev = Double.NaN;
        double prevDx = Double.NaN;
        for (double dx : steps) {
            BpmGrid g = BpmGrid.slab(Math.round(80e-6 / dx) * dx, dx);
            double[] launch = Launch.gaussian(g, lambda, 1.0, w0, 0, 0, 0);
            BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, 1.0, 0.004e-6, length, WideAngle.PARAXIAL, 0, Precision.DOUBLE, 1, 100000);
            double[] end = new BeamPropagator().withFourthOrder(fourthOrder).propagate(new CrossSection(1.0, 0), g, launch, null, s, CPU,
                    ProgressMonitor.NONE).endField();
            // the cell nearest x = 0 (the grid is symmetric: average the two central cells)
            int i0 = g.nx() / 2;
            double a = 0.5 * (end[2 * i0] * end[2 * i0] + end[2 * i0 + 1] * end[2 * i0 + 1] + end[2 * i0 - 2] * end[2 * i0 - 2]
                    + end[2 * i0 - 1] * end[2 * i0 - 1]);
            double x = g.x(i0);
            double w = w0 * Math.sqrt(1 + (length / zr) * (length / zr));
            double err = Math.abs(a - exact * Math.exp(-2 * x * x / (w * w)));
            if (!Double.isNaN(prev)) {
                rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%s near-axis intensity error order, dx %.3f -> %.3f um",
                        fourthOrder ? "fourth-order transverse operator:" : "paraxial", prevDx * 1e6, dx * 1e6), fourthOrder ? 4 : 2,
                        Math.log(prev / err) / Math.log(2), c.require("orderTolerance").number(), source));
            }
            prev = err;
            prevDx = dx;
        }
        return rows;
    }

    /**
     * Total internal reflection: plane waves launched inside a 10 um slab (1.56 in 1.44, critical
     * internal angle acos(1.44/1.56) = 22.6 deg, NA 0.60) stay in it below that angle and leave above it.
     */
    static List<ValidationRow> acceptance(YamlNode c, String id, String source) {
        double lambda = 1e-6;
        CrossSection slab = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 10e-6, 1), 1.56, 0);
        BpmGrid g = BpmGrid.slab(60e-6, 0.05e-6);
        boolean[] core = new boolean[g.cells()];
        for (int i = 0; i < g.nx(); i++) {
            core[i] = Math.abs(g.x(i)) < 5e-6;
        }
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode e : c.require("expect").list()) {
            double tilt = e.require("tilt").number();
            double[] launch = Launch.planeWave(g, lambda, 1.56, 4e-6, 0, 0, tilt);
            BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, 1.56, 0.25e-6, 200e-6, WideAngle.PADE22, 80, Precision.DOUBLE, 1, 800);
            BeamPropagator.Result r = new BeamPropagator().propagate(slab, g, launch, core, s, CPU, ProgressMonitor.NONE);
            double kept = r.regionPower()[r.regionPower().length - 1];
            boolean guided = e.require("guided").bool();
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "%.0f deg inside (NA %.2f): core power after 200 um %s", tilt,
                    1.56 * Math.sin(Math.toRadians(tilt)), guided ? "> 0.9" : "< 0.1"), 1, guided ? (kept > 0.9 ? 1 : 0) : (kept < 0.1 ? 1 : 0), 0,
                    source));
        }
        return rows;
    }

    /**
     * Splices on a parabolic-index fiber, whose fundamental mode is the Gaussian exp(-r^2 / w^2) with
     * w^2 = a lambda / (pi n1 sqrt(2 Delta)): the power left in that mode after an offset d is
     * exp(-d^2 / w^2), after a tilt exp(-(k_ref w sin(tilt) / 2)^2) (overlap of two Gaussians).
     */
    static List<ValidationRow> splice(YamlNode c, String id, String source) {
        double lambda = 1e-6;
        double a = 10e-6;
        double n1 = 1.50;
        double n2 = 1.47;
        CrossSection cs = new CrossSection(n2, 0).paint(org.glassguide.solver.radial.RadialIndexProfile.powerLaw(a, n1, n2, 2));
        double h = 0.25e-6;
        FdScalarModeSolver.Grid fg = FdScalarModeSolver.Grid.centred(32e-6, 32e-6, h);
        BpmGrid g = new BpmGrid(fg.x0(), fg.y0(), h, h, fg.nx(), fg.ny());
        FdScalarModeSolver.Mode m = new FdScalarModeSolver().solve(cs, lambda, fg, new FdScalarModeSolver.Pml(0, 8), 1, n1,
                ProgressMonitor.NONE).get(0);
        double delta = (n1 * n1 - n2 * n2) / (2 * n1 * n1);
        double w = Math.sqrt(a * lambda / (Math.PI * n1 * Math.sqrt(2 * delta)));
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode e : c.require("joints").list()) {
            double d = e.optional("offset").map(v -> v.quantity(org.glassguide.materials.units.Units::length)).orElse(0.0);
            double tilt = e.optional("tilt").map(YamlNode::number).orElse(0.0);
            Splice joint = new Splice(2e-6, d, 0, tilt, 0);
            BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, Double.NaN, 0.5e-6, 6e-6, WideAngle.PADE11, 0, Precision.DOUBLE, 2, 1);
            BeamPropagator.Result r = new BeamPropagator().watchingModes(new double[][] {m.field()}).withSplices(List.of(joint))
                    .propagate(cs, g, m.field(), null, s, CPU, ProgressMonitor.NONE);
            double kRef = 2 * Math.PI / lambda * r.referenceIndex();
            double kt = kRef * Math.sin(Math.toRadians(tilt));
            double expected = Math.exp(-d * d / (w * w)) * Math.exp(-Math.pow(kt * w / 2, 2));
            double[] mp = r.modePower()[0];
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "power kept in the mode, offset %.3f um, tilt %.2f deg", d * 1e6,
                    tilt), expected, mp[mp.length - 1] / mp[0], 0.01 * expected, source));
        }
        return rows;
    }

    /**
     * A user's index function n(x, y, z) = sqrt(n0^2 + 2 n0 g x step(z - z_on)) through a design file: a
     * linear potential, under which the paraxial beam's centroid accelerates exactly as
     * d^2 x_c / dz^2 = n0 g / n_ref^2 (Ehrenfest), so x_c(L) = g (L - z_on)^2 / (2 n0) with n_ref = n0.
     */
    static List<ValidationRow> indexFunction(YamlNode c, String id, String source) {
        double n0 = 1.5;
        double gradient = 100; // 1/m
        List<ValidationRow> rows = new ArrayList<>();
        for (double zOn : new double[] {0, 200e-6}) {
            String formula = String.format(java.util.Locale.ROOT, "sqrt(%.4f + %.4f * x * step(z - %.1f um))", n0 * n0, 2 * n0 * gradient, zOn * 1e6);
            String yaml = "format: glassguide/1\nname: gradient\nstructure:\n  waveguide:\n    background: { index: 1.5 }\n"
                    + "    shapes:\n      - rectangle: { width: 1 um, height: 1 um, material: { index: 1.5 } }\n"
                    + "wavelengths: [1 um]\nanalyses: [bpm]\npropagation:\n  length: 400 um\n  dz: 1 um\n  window: 100 um\n"
                    + "  step: 0.2 um\n  pml: 4 um\n  wide-angle: none\n  reference-index: 1.5\n  monitor-every: 10 um\n"
                    + "  launch: { gaussian: { waist: 8 um } }\n  index-function: { n: \"" + formula + "\" }\n";
            org.glassguide.solver.design.Design d = new org.glassguide.solver.designfile.DesignReader(
                    org.glassguide.materials.catalog.MaterialLibrary.builtIn()).read("gradient.yaml", new java.io.StringReader(yaml), java.nio.file.Path.of("."));
            BpmAnalysis.Result r = new BpmAnalysis().run(d, 1e-6, CPU, Precision.DOUBLE, 1, w -> { }, ProgressMonitor.NONE);
            double xc = centroid(r.run().endField(), r.run().grid());
            double expected = gradient * Math.pow(400e-6 - zOn, 2) / (2 * n0);
            rows.add(new ValidationRow(id, String.format(java.util.Locale.ROOT, "beam centroid after 400 um, gradient from z = %.0f um (um)", zOn * 1e6),
                    expected * 1e6, xc * 1e6, 0.01 * expected * 1e6, source));
        }
        return rows;
    }

    /**
     * Semi-vectorial propagation in a high-contrast channel (2.0 in 1.44, 1.2 x 0.6 um, 1.55 um): each
     * quasi-TE/TM mode of the 2D semi-vectorial solver, launched into the 3D (paraxial) BPM with the same
     * polarization on the same grid, stays that mode, its phase advance (inverted through the
     * propagator's dispersion) gives the solver's n_eff, and its power sum eps |E|^2 holds; the scalar
     * BPM misses the TE value by far more.
     */
    static List<ValidationRow> semiVectorial(YamlNode c, String id, String source) {
        double lambda = 1.55e-6;
        CrossSection cs = new CrossSection(1.44, 0).paint(new Shape.Rectangle(0, 0, 1.2e-6, 0.6e-6), 2.0, 0);
        double h = 0.04e-6;
        FdScalarModeSolver.Grid fg = FdScalarModeSolver.Grid.centred(4e-6, 3.2e-6, h);
        BpmGrid g = new BpmGrid(fg.x0(), fg.y0(), h, h, fg.nx(), fg.ny());
        double k0 = 2 * Math.PI / lambda;
        double length = 40e-6;
        double dz = 0.05e-6;
        List<ValidationRow> rows = new ArrayList<>();
        double[] nBpm = new double[3];
        double[] nSolver = new double[3];
        FdScalarModeSolver.Polarization[] pols = FdScalarModeSolver.Polarization.values();
        for (int k = 0; k < pols.length; k++) {
            FdScalarModeSolver.Polarization pol = pols[k];
            FdScalarModeSolver.Mode m = new FdScalarModeSolver().withPolarization(pol).solve(cs, lambda, fg, new FdScalarModeSolver.Pml(0, 8), 1,
                    2.0, ProgressMonitor.NONE).get(0);
            BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, Double.NaN, dz, length, WideAngle.PARAXIAL, 0, Precision.DOUBLE, 2, 100);
            BeamPropagator.Result r = new BeamPropagator().withPolarization(pol).propagate(cs, g, m.field(), null, s, CPU, ProgressMonitor.NONE);
            double kRef = k0 * r.referenceIndex();
            nBpm[k] = WideAngle.PARAXIAL.betaFromPhaseRate(phaseRate(m.field(), r, m.nEff(), k0, length), dz, kRef) / k0;
            nSolver[k] = m.nEff();
            if (pol != FdScalarModeSolver.Polarization.SCALAR) {
                rows.add(new ValidationRow(id, pol + ": power kept in the launched mode after " + (int) Math.round(length * 1e6) + " um", 1,
                        1 - mismatch(m.field(), r.endField()), 1e-3, source));
                rows.add(new ValidationRow(id, pol + ": n_eff from the phase advance vs the semi-vectorial solver", nSolver[k], nBpm[k],
                        2e-5 * nSolver[k], source));
                rows.add(new ValidationRow(id, pol + ": change of the power sum eps |E|^2 over the run", 0, r.powerChange(), 1e-4, source));
            }
        }
        // the polarization matters here: the scalar run lands far from quasi-TE
        rows.add(new ValidationRow(id, "|n_eff(scalar BPM) - n_eff(quasi-TE solver)| > 10 x the tolerance (1 = yes)", 1,
                Math.abs(nBpm[0] - nSolver[1]) > 10 * 2e-5 * nSolver[1] ? 1 : 0, 0, source));
        // the unsplit wide-angle Pade (1,1) and (2,2) steps (plain approximants, the default) with the
        // semi-vectorial operator: the same modes, 10 um, dz 0.1 um
        for (WideAngle wa : new WideAngle[] {WideAngle.PADE11, WideAngle.PADE22}) {
            String name = wa == WideAngle.PADE11 ? "Pade (1,1)" : "Pade (2,2)";
            for (int k = 1; k < pols.length; k++) {
                FdScalarModeSolver.Polarization pol = pols[k];
                FdScalarModeSolver.Mode m = new FdScalarModeSolver().withPolarization(pol).solve(cs, lambda, fg, new FdScalarModeSolver.Pml(0, 8), 1,
                        2.0, ProgressMonitor.NONE).get(0);
                double wideLength = 10e-6;
                double wideDz = 0.1e-6;
                BeamPropagator.Settings s = new BeamPropagator.Settings(lambda, Double.NaN, wideDz, wideLength, wa, 0, Precision.DOUBLE, 2, 100);
                BeamPropagator.Result r = new BeamPropagator().withPolarization(pol).propagate(cs, g, m.field(), null, s, CPU, ProgressMonitor.NONE);
                double nWide = wa.betaFromPhaseRate(phaseRate(m.field(), r, m.nEff(), k0, wideLength), wideDz, k0 * r.referenceIndex()) / k0;
                rows.add(new ValidationRow(id, pol + ", unsplit " + name + ": n_eff from the phase advance vs the semi-vectorial solver", m.nEff(),
                        nWide, 1e-5 * m.nEff(), source));
                rows.add(new ValidationRow(id, pol + ", unsplit " + name + ": power kept in the launched mode", 1, 1 - mismatch(m.field(), r.endField()),
                        1e-3, source));
                rows.add(new ValidationRow(id, pol + ", unsplit " + name + ": change of eps |E|^2", 0, r.powerChange(), 1e-4, source));
            }
        }
        return rows;
    }
}
