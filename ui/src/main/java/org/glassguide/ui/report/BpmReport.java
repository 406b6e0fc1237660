package org.glassguide.ui.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.bpm.BeamPropagator;
import org.glassguide.solver.bpm.BpmAnalysis;
import org.glassguide.solver.bpm.BpmGrid;
import org.glassguide.solver.bpm.CorrelationSpectrum;
import org.glassguide.solver.bpm.LossFit;
import org.glassguide.solver.bpm.Splice;

/**
 * The beam propagator's output folders (`glassguide bpm`, and the bpm sub-folder of `glassguide run`): monitors.csv, the
 * exported fields (.npy, CSV), the x-z slice, near- and far-field pictures, summary.json and the report; and the mode
 * finder's folder.
 */
public final class BpmReport {
    private BpmReport() {
    }

    /** CSV of a field only up to this many cells (a 512 x 512 grid is about 40 MB of text); the .npy always. */
    static final int CSV_FIELD_CELLS = 512 * 512;

    /**
     * The fields for numpy/MATLAB: the end field and each requested snapshot as complex128 .npy arrays of shape (ny, nx)
     * ((nx) in 2D), the end field also as CSV (x, y, re, im, |psi|^2) up to {@link #CSV_FIELD_CELLS} cells, and the
     * x-z slice's |psi|^2 (z by x, float64); the axes are in summary.json under "fields".
     */
    private static void fields(BpmAnalysis.Result r, Path dir, String tag) throws IOException {
        BeamPropagator.Result b = r.run();
        BpmGrid g = b.grid();
        int[] shape = g.is2d() ? new int[] {g.nx()} : new int[] {g.ny(), g.nx()};
        org.glassguide.ui.report.Npy.writeComplex(dir.resolve("end-field" + tag + ".npy"), b.endField(), shape);
        BeamPropagator.FieldSnapshots snaps = b.snapshots();
        for (int k = 0; k < snaps.z().length; k++) {
            org.glassguide.ui.report.Npy.writeComplex(dir.resolve(snapshotName(snaps.z()[k], tag)), snaps.fields()[k], shape);
        }
        double[][] slice = b.slice();
        double[] flat = new double[slice.length * g.nx()];
        for (int i = 0; i < slice.length; i++) {
            System.arraycopy(slice[i], 0, flat, i * g.nx(), g.nx());
        }
        org.glassguide.ui.report.Npy.writeReal(dir.resolve("xz-slice" + tag + ".npy"), flat, slice.length, g.nx());
        if (g.cells() <= CSV_FIELD_CELLS) {
            try (java.io.Writer w = Files.newBufferedWriter(dir.resolve("end-field" + tag + ".csv"), StandardCharsets.UTF_8)) {
                w.write("x_um,y_um,re,im,intensity\n");
                double[] f = b.endField();
                for (int j = 0; j < g.ny(); j++) {
                    for (int i = 0; i < g.nx(); i++) {
                        int q = i + g.nx() * j;
                        w.write(String.format(Locale.ROOT, "%.6f,%.6f,%.9e,%.9e,%.9e%n", g.x(i) * 1e6, g.is2d() ? 0 : g.y(j) * 1e6, f[2 * q],
                                f[2 * q + 1], f[2 * q] * f[2 * q] + f[2 * q + 1] * f[2 * q + 1]));
                    }
                }
            }
        }
    }

    private static String snapshotName(double z, String tag) {
        return String.format(Locale.ROOT, "field-z%sum%s.npy", Units.trim(String.format(Locale.ROOT, "%.4f", z * 1e6)), tag);
    }

    /** Where the exported fields are and how to read them. */
    private static Map<String, Object> fieldIndex(BpmAnalysis.Result r, String tag) {
        BeamPropagator.Result b = r.run();
        BpmGrid g = b.grid();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layout", g.is2d() ? "complex128 [x]" : "complex128 [y][x] (C order: x fastest)");
        m.put("xFirstM", g.x(0));
        m.put("dxM", g.dx());
        m.put("nx", g.nx());
        m.put("yFirstM", g.is2d() ? 0 : g.y(0));
        m.put("dyM", g.is2d() ? 0 : g.dy());
        m.put("ny", g.ny());
        m.put("endField", "end-field" + tag + ".npy");
        if (g.cells() <= CSV_FIELD_CELLS) {
            m.put("endFieldCsv", "end-field" + tag + ".csv");
        }
        List<Map<String, Object>> snaps = new ArrayList<>();
        BeamPropagator.FieldSnapshots fs = b.snapshots();
        for (int k = 0; k < fs.z().length; k++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("zM", fs.z()[k]);
            e.put("file", snapshotName(fs.z()[k], tag));
            snaps.add(e);
        }
        m.put("snapshots", snaps);
        m.put("xzSlice", "xz-slice" + tag + ".npy");
        m.put("xzSliceLayout", "float64 |psi|^2 [z][x] at y = 0, z at the monitors (monitors.csv)");
        return m;
    }

    /** The file-name tag of one wavelength's results in a multi-wavelength run. */
    public static String tag(BpmAnalysis.Result r) {
        return "-" + Units.nm(r.wavelength()) + "nm";
    }

    /** The run's summary, with the index of the field files written under the given tag. */
    public static Map<String, Object> summary(BpmAnalysis.Result r, String tag) {
        Map<String, Object> m = summary(r);
        m.put("fields", fieldIndex(r, tag));
        return m;
    }

    public static Map<String, Object> summary(BpmAnalysis.Result r) {
        BeamPropagator.Result b = r.run();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", r.design());
        m.put("wavelengthM", r.wavelength());
        m.put("device", r.device());
        m.put("precision", r.precision().name().toLowerCase(Locale.ROOT));
        m.put("wideAngle", r.settings().wideAngle());
        m.put("polarization", r.settings().polarization());
        m.put("gridNx", b.grid().nx());
        m.put("gridNy", b.grid().ny());
        m.put("stepM", b.grid().dx());
        m.put("dzM", r.settings().dz());
        m.put("lengthM", b.z()[b.z().length - 1]);
        m.put("cancelled", b.cancelled());
        m.put("referenceIndex", b.referenceIndex());
        m.put("region", r.region());
        m.put("lossDbPerCm", b.regionLossDbPerCm());
        List<Map<String, Object>> regions = new ArrayList<>();
        for (int k = 0; k < b.kept().regionPowers().length; k++) {
            double[] pk = b.kept().regionPowers()[k];
            LossFit rf = LossFit.of(b.z(), pk);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", r.settings().monitors().get(k).name());
            e.put("finalPower", pk[pk.length - 1]);
            e.put("lossDbPerCm", rf.lossDbPerCm());
            e.put("lossVerdict", rf.verdict().label());
            regions.add(e);
        }
        m.put("regionMonitors", regions);
        LossFit fit = b.lossFit();
        Map<String, Object> lf = new LinkedHashMap<>();
        lf.put("verdict", fit.verdict().label());
        lf.put("fromM", fit.zFrom());
        lf.put("toM", fit.zTo());
        lf.put("residualDb", fit.residualDb());
        lf.put("resolutionDbPerCm", fit.resolutionDbPerCm());
        m.put("lossFit", lf);
        m.put("powerConservationError", b.powerChange());
        m.put("finalPower", b.power()[b.power().length - 1]);
        m.put("finalRegionPower", b.regionPower()[b.regionPower().length - 1]);
        m.put("measuredNA", r.measuredNa());
        if (r.watchedModeIndices().length > 0) {
            List<Map<String, Object>> modes = new ArrayList<>();
            for (int k = 0; k < r.watchedModeIndices().length; k++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("mode", k + 1);
                e.put("nEff", r.watchedModeIndices()[k]);
                e.put("launchPower", b.modePower()[k][0]);
                e.put("endPower", b.modePower()[k][b.modePower()[k].length - 1]);
                modes.add(e);
            }
            m.put("modalSpectrum", modes);
        }
        if (r.modeSpectrum() != null) {
            CorrelationSpectrum.Spectrum sp = r.modeSpectrum();
            Map<String, Object> pc = new LinkedHashMap<>();
            pc.put("method", "field-correlation spectrum <psi(0)|psi(z)> over z (Blackman window); weight ~ the mode's share of the launch power");
            pc.put("indexResolution", sp.resolution());
            pc.put("indexRange", List.of(sp.nLow(), sp.nHigh()));
            List<Map<String, Object>> peaks = new ArrayList<>();
            for (CorrelationSpectrum.Peak pk : sp.peaks()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("nEff", pk.nEff());
                e.put("weight", pk.weight());
                peaks.add(e);
            }
            pc.put("modes", peaks);
            m.put("propagationConstants", pc);
        }
        if (!r.settings().splices().isEmpty()) {
            List<Map<String, Object>> joints = new ArrayList<>();
            for (Splice sp : r.settings().splices()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("zM", sp.z());
                e.put("offsetM", List.of(sp.dx(), sp.dy()));
                e.put("tiltDeg", List.of(sp.tiltXDegrees(), sp.tiltYDegrees()));
                int before = Math.max(0, index(b.z(), sp.z()));
                int after = Math.min(b.z().length - 1, before + 1);
                e.put("regionPowerBefore", b.regionPower()[before]);
                e.put("regionPowerAfter", b.regionPower()[after]);
                if (b.modePower().length > 0) {
                    // the guided power the joint keeps: mode 1 on either side of it
                    double kept = b.modePower()[0][after] / b.modePower()[0][before];
                    e.put("mode1PowerKept", kept);
                    e.put("mode1LossDb", -10 * Math.log10(kept));
                }
                joints.add(e);
            }
            m.put("splices", joints);
        }
        m.put("cellStepsPerSecond", b.cellStepsPerSecond());
        BeamPropagator.StepSolve st = b.stepSolve();
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("method", st.method());
        if (!st.method().equals("adi")) {
            step.put("relativeResidualTarget", st.tolerance());
            step.put("worstRelativeResidual", st.maxResidual());
            step.put("factorSolves", st.solves());
            step.put("meanIterations", st.meanIterations());
            step.put("maxIterations", st.maxIterations());
        }
        m.put("stepSolve", step);
        m.put("warnings", r.warnings());
        return m;
    }

    /**
     * The mode finder's folder (--find-mode): each wavelength's fundamental mode with its picture, summary and report;
     * returns the summary rows.
     */
    public static List<Map<String, Object>> writeModes(String designName, List<BpmAnalysis.ModeResult> found, Path target) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        RunReport.writeFolder(target, tmp -> {
            rows.clear();
            StringBuilder md = new StringBuilder();
            for (BpmAnalysis.ModeResult r : found) {
                String tag = found.size() > 1 ? "-" + Units.nm(r.wavelength()) + "nm" : "";
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("design", r.design());
                m.put("wavelengthM", r.wavelength());
                m.put("method", r.method());
                m.put("gridNx", r.grid().nx());
                m.put("gridNy", r.grid().ny());
                m.put("stepM", r.grid().dx());
                m.put("nEff", r.mode().nEff());
                m.put("nEffImag", r.nEffImag());
                m.put("lossDbPerCm", r.lossDbPerCm());
                m.put("coreFraction", r.coreFraction());
                m.put("pmlFraction", r.pmlFraction());
                m.put("steps", r.mode().steps());
                m.put("lastChange", r.mode().lastChange());
                m.put("device", r.device());
                rows.add(m);
                BpmGrid g = r.grid();
                double[] f = r.mode().field();
                double[][] img = new double[g.ny()][g.nx()];
                for (int j = 0; j < g.ny(); j++) {
                    for (int i = 0; i < g.nx(); i++) {
                        int q = i + g.nx() * j;
                        img[j][i] = f[2 * q] * f[2 * q] + f[2 * q + 1] * f[2 * q + 1];
                    }
                }
                double x0 = g.x0() * 1e6;
                double x1 = (g.x0() + g.nx() * g.dx()) * 1e6;
                if (g.is2d()) {
                    Plot.lines(tmp.resolve("mode" + tag + ".png"), String.format(Locale.ROOT, "Fundamental mode, n_eff = %.8f", r.mode().nEff()),
                            "x (um)", "|psi|^2", List.of(new Plot.Series("|psi|^2", axis(g), img[0], false)));
                } else {
                    Plot.intensity(tmp.resolve("mode" + tag + ".png"), String.format(Locale.ROOT, "Fundamental mode |psi|^2, n_eff = %.8f",
                            r.mode().nEff()), img, x0, x1, g.y0() * 1e6, (g.y0() + g.ny() * g.dy()) * 1e6, "um", 0);
                }
                md.append(String.format(Locale.ROOT, "# %s at %s nm: fundamental mode%n%nMethod: %s.%n%n"
                        + "| quantity | value |%n|---|---|%n| n_eff | %.10f |%n| Im n_eff | %.4e |%n| loss | %.6g dB/cm |%n"
                        + "| share of psi^2 in the core | %.4f |%n| share in the PML | %.3g |%n| grid | %d x %d, step %.4g um |%n| steps | %d |%n"
                        + "| last change of n_eff | %.2e |%n%n![mode](mode%s.png)%n%n", r.design(), Units.nm(r.wavelength()), r.method(), r.mode().nEff(),
                        r.nEffImag(), r.lossDbPerCm(), r.coreFraction(), r.pmlFraction(), g.nx(), g.ny(), g.dx() * 1e6, r.mode().steps(),
                        r.mode().lastChange(), tag));
            }
            Files.writeString(tmp.resolve("summary.json"), Json.write(rows.size() == 1 ? rows.get(0) : Map.of("results", rows)),
                    StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), MarkdownHtml.page(designName, md.toString()), StandardCharsets.UTF_8);
        });
        return rows;
    }

    /** The summary of the mode finder's rows: one object, or the list of them under "results". */
    public static Object modeSummary(List<Map<String, Object>> rows) {
        return rows.size() == 1 ? rows.get(0) : Map.of("results", rows);
    }

    private static double[] axis(BpmGrid g) {
        double[] x = new double[g.nx()];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.x(i) * 1e6;
        }
        return x;
    }

    /** The last monitor at or before z. */
    private static int index(double[] zs, double z) {
        int k = -1;
        for (int i = 0; i < zs.length && zs[i] <= z * (1 + 1e-12); i++) {
            k = i;
        }
        return k;
    }

    /** The propagation's folder: monitors, fields, pictures, summary and report of every wavelength's run. */
    public static void write(List<BpmAnalysis.Result> results, Path target) throws IOException {
        RunReport.writeFolder(target, tmp -> {
            StringBuilder csv = new StringBuilder("wavelength_nm,z_um,power,region_power");
            for (int k = 0; k < results.get(0).watchedModeIndices().length; k++) {
                csv.append(",mode").append(k + 1).append("_power");
            }
            for (org.glassguide.solver.bpm.PropagationSettings.RegionMonitor m : results.get(0).settings().monitors()) {
                csv.append(',').append(m.name()).append("_power");
            }
            csv.append('\n');
            StringBuilder md = new StringBuilder();
            List<Object> summaries = new ArrayList<>();
            for (BpmAnalysis.Result r : results) {
                BeamPropagator.Result b = r.run();
                String tag = results.size() > 1 ? "-" + Units.nm(r.wavelength()) + "nm" : "";
                for (int i = 0; i < b.z().length; i++) {
                    csv.append(String.format(Locale.ROOT, "%s,%.6f,%.9e,%.9e", Units.nm(r.wavelength()), b.z()[i] * 1e6, b.power()[i],
                            b.regionPower()[i]));
                    for (double[] mp : b.modePower()) {
                        csv.append(String.format(Locale.ROOT, ",%.9e", mp[i]));
                    }
                    for (double[] rp : b.kept().regionPowers()) {
                        csv.append(String.format(Locale.ROOT, ",%.9e", rp[i]));
                    }
                    csv.append('\n');
                }
                summaries.add(summary(r, tag));
                pictures(r, tmp, tag);
                fields(r, tmp, tag);
                md.append(String.format(Locale.ROOT, "# %s at %s nm%n%n", r.design(), Units.nm(r.wavelength())));
                md.append(String.format(Locale.ROOT, "| quantity | value |%n|---|---|%n| grid | %d x %d, step %.4g um, dz %.4g um |%n"
                        + "| wide angle | %s, n_ref %.6f |%n| propagated | %.4g um%s |%n| %s | %s |%n"
                        + "| power conservation error | %.2e |%n| measured NA (95 %% of far-field power) | %.4f |%n| speed | %.3g cell-steps/s on %s |%n%n",
                        b.grid().nx(), b.grid().ny(), b.grid().dx() * 1e6, r.settings().dz() * 1e6, r.settings().wideAngle(), b.referenceIndex(),
                        b.z()[b.z().length - 1] * 1e6, b.cancelled() ? " (cancelled)" : "", "core (" + r.region() + ")", b.lossFit().describe(), b.powerChange(),
                        r.measuredNa(), b.cellStepsPerSecond(), r.device()));
                md.append(String.format(Locale.ROOT, "![power](power%s.png)%n![x-z slice](xz-slice%s.png)%n![near field](near-field%s.png)%n"
                        + "![far field](far-field%s.png)%n%n", tag, tag, tag, tag));
                if (b.modePower().length > 0) {
                    md.append(String.format(Locale.ROOT, "![modal spectrum](modal-spectrum%s.png)%n%n", tag));
                }
                if (r.modeSpectrum() != null && !r.modeSpectrum().peaks().isEmpty()) {
                    md.append(String.format(Locale.ROOT, "Propagation constants from the field-correlation spectrum (index resolution %.2g):%n%n"
                            + "| n_eff | weight |%n|---|---|%n", r.modeSpectrum().resolution()));
                    for (CorrelationSpectrum.Peak pk : r.modeSpectrum().peaks()) {
                        md.append(String.format(Locale.ROOT, "| %.6f | %.3g |%n", pk.nEff(), pk.weight()));
                    }
                    md.append(String.format(Locale.ROOT, "%n![correlation spectrum](correlation-spectrum%s.png)%n%n", tag));
                }
                for (String w : r.warnings()) {
                    md.append("- ").append(w).append('\n');
                }
            }
            Files.writeString(tmp.resolve("monitors.csv"), csv.toString(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("summary.json"), Json.write(summaries.size() == 1 ? summaries.get(0) : Map.of("results", summaries)),
                    StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), MarkdownHtml.page(results.get(0).design(), md.toString()), StandardCharsets.UTF_8);
        });
    }

    private static void pictures(BpmAnalysis.Result r, Path dir, String tag) throws IOException {
        BeamPropagator.Result b = r.run();
        BpmGrid g = b.grid();
        double[] zs = new double[b.z().length];
        double[] pDb = new double[zs.length];
        double[] rDb = new double[zs.length];
        for (int i = 0; i < zs.length; i++) {
            zs[i] = b.z()[i] * 1e6;
            pDb[i] = 10 * Math.log10(Math.max(b.power()[i], 1e-300));
            rDb[i] = 10 * Math.log10(Math.max(b.regionPower()[i], 1e-300));
        }
        List<Plot.Series> curves = new ArrayList<>(List.of(new Plot.Series("total", zs, pDb, false), new Plot.Series("in " + r.region(), zs, rDb,
                false)));
        for (int k = 0; k < b.kept().regionPowers().length; k++) {
            double[] db = new double[zs.length];
            for (int i = 0; i < zs.length; i++) {
                db[i] = 10 * Math.log10(Math.max(b.kept().regionPowers()[k][i], 1e-300));
            }
            curves.add(new Plot.Series("in " + r.settings().monitors().get(k).name(), zs, db, false));
        }
        Plot.lines(dir.resolve("power" + tag + ".png"), "Power along z (relative to the launch)", "z (um)", "power (dB)", curves);
        if (b.modePower().length > 0) {
            List<Plot.Series> series = new ArrayList<>();
            for (int k = 0; k < b.modePower().length; k++) {
                series.add(new Plot.Series(String.format(Locale.ROOT, "mode %d (n_eff %.6f)", k + 1, r.watchedModeIndices()[k]), zs,
                        b.modePower()[k], false));
            }
            Plot.lines(dir.resolve("modal-spectrum" + tag + ".png"), "Power in the guide's modes along z (relative to the launch)", "z (um)",
                    "power", series);
        }
        if (r.modeSpectrum() != null) {
            CorrelationSpectrum.Spectrum sp = r.modeSpectrum();
            double[] db = new double[sp.power().length];
            for (int i = 0; i < db.length; i++) {
                db[i] = 10 * Math.log10(Math.max(sp.power()[i], 1e-12));
            }
            Plot.lines(dir.resolve("correlation-spectrum" + tag + ".png"), "Field-correlation spectrum: peaks at the modes' n_eff", "n_eff",
                    "power (dB)", List.of(new Plot.Series("|C|^2", sp.nEff(), db, false)));
        }
        double x0 = g.x0() * 1e6;
        double x1 = (g.x0() + g.nx() * g.dx()) * 1e6;
        // x-z slice: rows are z (bottom: launch), columns x
        double[][] slice = b.slice();
        Plot.intensity(dir.resolve("xz-slice" + tag + ".png"), String.format(Locale.ROOT, "|psi|^2 in the x-z plane, z from 0 to %.4g um (up)",
                zs[zs.length - 1]), slice, x0, x1, 0, zs[zs.length - 1], "um", 0, "z");
        double[] f = b.endField();
        double[][] near = new double[g.ny()][g.nx()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                int q = i + g.nx() * j;
                near[j][i] = f[2 * q] * f[2 * q] + f[2 * q + 1] * f[2 * q + 1];
            }
        }
        if (g.is2d()) {
            double[] xs = new double[g.nx()];
            for (int i = 0; i < g.nx(); i++) {
                xs[i] = g.x(i) * 1e6;
            }
            Plot.lines(dir.resolve("near-field" + tag + ".png"), "End-face near field |psi|^2", "x (um)", "|psi|^2",
                    List.of(new Plot.Series("", xs, near[0], false)));
        } else {
            Plot.intensity(dir.resolve("near-field" + tag + ".png"), "End-face near field |psi|^2", near, x0, x1, g.y0() * 1e6,
                    (g.y0() + g.ny() * g.dy()) * 1e6, "um", 0);
        }
        double lim = r.farLimit();
        double[] ff = r.farField()[0];
        if (g.is2d()) {
            double[] s = new double[ff.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = -lim + (i + 0.5) * 2 * lim / s.length;
            }
            Plot.lines(dir.resolve("far-field" + tag + ".png"), String.format(Locale.ROOT, "Far field, measured NA %.3f", r.measuredNa()),
                    "sin(angle) in air", "power", List.of(new Plot.Series("", s, ff, false)));
        } else {
            int pts = (int) Math.round(Math.sqrt(ff.length));
            double[][] map = new double[pts][pts];
            for (int b2 = 0; b2 < pts; b2++) {
                for (int a = 0; a < pts; a++) {
                    map[b2][a] = ff[a + pts * b2];
                }
            }
            Plot.intensity(dir.resolve("far-field" + tag + ".png"), String.format(Locale.ROOT, "Far field over sin(angle) in air, measured NA %.3f",
                    r.measuredNa()), map, -lim, lim, -lim, lim, "", Math.min(r.measuredNa(), lim), "sin(angle) along x", "sin(angle) along y");
        }
    }

    /** The lines `glassguide bpm --find-mode` prints: each wavelength's fundamental mode. */
    public static void printModes(java.io.PrintWriter o, String designName, List<BpmAnalysis.ModeResult> found) {
        for (BpmAnalysis.ModeResult r : found) {
            if (r.mode().steps() > 0) {
                o.printf(Locale.ROOT, "%s at %s nm: fundamental mode n_eff = %.10f (imaginary distance, %d steps, last change %.1e)%n",
                        designName, Units.nm(r.wavelength()), r.mode().nEff(), r.mode().steps(), r.mode().lastChange());
            } else {
                o.printf(Locale.ROOT, "%s at %s nm: fundamental mode n_eff = %.10f %+.4ei, loss %.6g dB/cm, %.3f of |psi|^2 in the core (%s)%n",
                        designName, Units.nm(r.wavelength()), r.mode().nEff(), r.nEffImag(), r.lossDbPerCm(), r.coreFraction(), r.method());
            }
        }
    }
}
