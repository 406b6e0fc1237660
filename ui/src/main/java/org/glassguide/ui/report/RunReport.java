package org.glassguide.ui.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.Material;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.Layer;
import org.glassguide.solver.design.WaveguideStructure;
import org.glassguide.solver.fd.FdAnalysisResult;
import org.glassguide.solver.fd.FdScalarModeSolver;
import org.glassguide.solver.fd.FdVectorModeSolver;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.StepIndexFields;
import org.glassguide.solver.radial.ModeReport;
import org.glassguide.solver.radial.RadialAnalysis;
import org.glassguide.solver.radial.RadialAnalysisResult;
import org.glassguide.solver.radial.RadialIndexProfile;
import org.glassguide.solver.radial.RadialMode;
import org.glassguide.solver.radial.RadialModes;
import org.glassguide.solver.run.DesignResult;
import org.glassguide.solver.run.OutputFolders;

/**
 * Writes one run's output folder: summary.json, modes.csv, report.md, report.html and PNG pictures.
 * Everything goes to a hidden sibling folder first and is moved into place only when complete, so a
 * failed or cancelled run never leaves a half-written folder (and never destroys a previous one).
 */
public final class RunReport {
    private static final int MODE_PICTURES = 4;
    private static final int MAP_PIXELS = 220;

    private RunReport() {
    }

    public static Path write(DesignResult result, Path outDir) throws IOException {
        return write(result, outDir, List.of());
    }

    /**
     * Another analysis of the run with a folder of its own (a propagation, a loss budget, ...): written as the sub-folder
     * NAME of the run's, its summary held in the run's summary.json under analyses.NAME.
     */
    public record SubFolder(String name, Object summary, FolderContent content) {
    }

    /** The run's folder with the other analyses' folders inside it, written whole or not at all. */
    public static Path write(DesignResult result, Path outDir, List<SubFolder> others) throws IOException {
        writeFolder(outDir, tmp -> {
            List<String> files = new ArrayList<>();
            for (SubFolder sub : others) {
                sub.content().write(tmp.resolve(sub.name()));
                files.add(sub.name() + "/");
            }
            writePictures(result, tmp, files);
            if (!result.fiberAnalyses().isEmpty()) {
                writeCsv(result, tmp.resolve("modes.csv"));
                files.add(0, "modes.csv");
            }
            if (!result.modeAnalyses().isEmpty()) {
                writeRadialCsv(result, tmp.resolve("radial-modes.csv"));
                files.add(0, "radial-modes.csv");
            }
            if (!result.fdAnalyses().isEmpty()) {
                writeFdCsv(result, tmp.resolve("fd-modes.csv"));
                files.add(0, "fd-modes.csv");
            }
            files.add(0, "summary.json");
            files.add("report.md");
            files.add("report.html");
            Map<String, Object> summary = summary(result, files);
            if (!others.isEmpty()) {
                Map<String, Object> analyses = new LinkedHashMap<>();
                for (SubFolder sub : others) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("folder", sub.name() + "/");
                    a.put("summary", sub.summary());
                    analyses.put(sub.name(), a);
                }
                summary.put("analyses", analyses);
            }
            Files.writeString(tmp.resolve("summary.json"), Json.write(summary), StandardCharsets.UTF_8);
            StringBuilder md = new StringBuilder(markdown(result, files));
            if (!others.isEmpty()) {
                md.append("\n## Other analyses\n\n");
                for (SubFolder sub : others) {
                    boolean report = Files.exists(tmp.resolve(sub.name()).resolve("report.md"));
                    md.append("- ").append(sub.name()).append(": ").append(report ? "[" + sub.name() + "/report.md](" + sub.name() + "/report.md)"
                            : "folder `" + sub.name() + "/`").append("\n");
                }
            }
            Files.writeString(tmp.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), MarkdownHtml.page(result.design().name(), md.toString()), StandardCharsets.UTF_8);
        });
        return outDir;
    }

    /** What goes into a run's output folder, written into the folder given. */
    @FunctionalInterface
    public interface FolderContent {
        void write(Path folder) throws IOException;
    }

    /**
     * Writes a run's output folder whole or not at all: into a hidden sibling first, moved into place
     * (replacing an earlier run's folder) only once complete, deleted if anything fails.
     */
    public static void writeFolder(Path target, FolderContent content) throws IOException {
        // checked again here: every writer passes through, whatever its front end checked before the work
        OutputFolders.checkWritable("--out", target);
        Path parent = target.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException notPosix) {
                // the platform's default permissions are fine there
            }
            content.write(tmp);
            RunProvenance.finish(tmp);
            OutputFolders.mark(tmp);
            replace(tmp, target.toAbsolutePath().normalize());
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Moves the finished folder into place, replacing an earlier run's folder only once the new one is whole. */
    public static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old);
        }
        Files.move(tmp, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    public static void deleteTree(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden .partial folder is harmless
        }
    }

    private static Map<String, Object> summary(DesignResult r, List<String> files) {
        Design d = r.design();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "glassguide-result/1");
        m.put("design", d.name());
        m.put("description", d.description());
        m.put("source", d.source());
        m.put("generated", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("elapsedSeconds", r.elapsedSeconds());
        Map<String, Object> structure = new LinkedHashMap<>();
        if (d.isFiber()) {
            structure.put("fiber", fiberStructure(d));
        } else {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("background", material(d.waveguide().background()));
            List<Map<String, Object>> shapes = new ArrayList<>();
            for (WaveguideStructure.Painting p : d.waveguide().shapes()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("shape", p.toString());
                if (p instanceof WaveguideStructure.PaintedShape) {
                    e.putAll(material(((WaveguideStructure.PaintedShape) p).material()));
                } else {
                    Map<String, Object> table = new LinkedHashMap<>();
                    ((WaveguideStructure.PaintedMap) p).materials().forEach((id, mat) -> table.put(String.valueOf(id), material(mat)));
                    e.put("materials", table);
                }
                shapes.add(e);
            }
            w.put("shapes", shapes);
            structure.put("waveguide", w);
        }
        m.put("structure", structure);
        List<Map<String, Object>> results = new ArrayList<>();
        for (FiberAnalysis a : r.fiberAnalyses()) {
            results.add(FiberResults.toMap(a, d.options().maxModes()));
        }
        m.put("fiber", results);
        List<Map<String, Object>> radial = new ArrayList<>();
        for (RadialAnalysisResult a : r.modeAnalyses()) {
            radial.add(ModeResults.toMap(a));
        }
        for (FdAnalysisResult a : r.fdAnalyses()) {
            radial.add(ModeResults.toMap(a));
        }
        m.put("modes", radial);
        m.put("warnings", r.warnings());
        m.put("files", files);
        return m;
    }

    private static Map<String, Object> fiberStructure(Design d) {
        List<Map<String, Object>> layers = new ArrayList<>();
        String[] roles = {"core", "cladding"};
        for (int i = 0; i < d.fiber().layers().size(); i++) {
            Layer l = d.fiber().layers().get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("role", i < roles.length ? roles[i] : "layer " + (i + 1));
            e.put("outerDiameterM", 2 * l.outerRadius());
            e.putAll(material(l.material()));
            layers.add(e);
        }
        Map<String, Object> structure = new LinkedHashMap<>();
        structure.put("layers", layers);
        structure.put("surround", material(d.fiber().surround()));
        return structure;
    }

    private static Map<String, Object> material(Material mat) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("material", mat.name());
        e.put("indexModel", mat.index().describe());
        e.put("indexProvenance", mat.indexProvenance().toString());
        e.put("assumed", mat.indexProvenance().isAssumed());
        e.put("origin", mat.origin());
        return e;
    }

    private static void writeCsv(DesignResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("wavelength_nm,family,name,l,m,degeneracy,n_eff,b,u,w\n");
            for (FiberAnalysis a : r.fiberAnalyses()) {
                String wl = Units.nm(a.wavelength());
                for (List<GuidedMode> list : List.of(a.modes().lpModes(), a.modes().vectorModes())) {
                    for (GuidedMode g : list) {
                        w.write(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%.12f,%.10f,%.10f,%.10f%n", wl, g.family(),
                                g.name(), g.order(), g.radialOrder(), g.degeneracy(), g.nEff(), g.b(), g.u(), g.w()));
                    }
                }
            }
        }
    }

    private static void writePictures(DesignResult r, Path dir, List<String> files) throws IOException {
        Design d = r.design();
        if (!r.fdAnalyses().isEmpty()) {
            writeFdPictures(r.fdAnalyses().get(0), dir, files);
        }
        if (!d.isFiber()) {
            return;
        }
        List<Layer> layers = d.fiber().layers();
        double outer = layers.get(layers.size() - 1).outerRadius();
        if (!Double.isFinite(outer)) {
            outer = 2 * layers.get(layers.size() - 2).outerRadius();
        }
        double rMax = 1.25 * outer;
        List<Plot.Series> profile = new ArrayList<>();
        for (double wl : d.wavelengths().subList(0, Math.min(6, d.wavelengths().size()))) {
            RadialIndexProfile p = RadialAnalysis.profile(d.fiber(), wl, true, w -> { });
            double nSurround = d.fiber().surround().index().n(wl);
            int n = 800;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double rr = rMax * i / (n - 1);
                x[i] = rr * 1e6;
                y[i] = rr <= outer ? p.n(rr) : nSurround;
            }
            profile.add(new Plot.Series(Units.nm(wl) + " nm", x, y));
        }
        Plot.lines(dir.resolve("index-profile.png"), "Index profile n(r) of " + d.name(), "radius r (um)",
                "refractive index n", profile);
        files.add("index-profile.png");
        if (!r.modeAnalyses().isEmpty()) {
            writeRadialPictures(r.modeAnalyses().get(0), dir, files);
        }
        if (r.fiberAnalyses().isEmpty()) {
            return;
        }
        FiberAnalysis first = r.fiberAnalyses().get(0);
        List<GuidedMode> lp = first.modes().lpModes();
        double a = first.coreRadius();
        double half = 1.6 * a;
        for (int k = 0; k < Math.min(MODE_PICTURES, lp.size()); k++) {
            GuidedMode g = lp.get(k);
            double[][] v = new double[MAP_PIXELS][MAP_PIXELS];
            for (int iy = 0; iy < MAP_PIXELS; iy++) {
                double y = -half + 2 * half * (iy + 0.5) / MAP_PIXELS;
                for (int ix = 0; ix < MAP_PIXELS; ix++) {
                    double x = -half + 2 * half * (ix + 0.5) / MAP_PIXELS;
                    v[iy][ix] = StepIndexFields.intensity(first.fiber(), g, x, y);
                }
            }
            String name = "mode-" + g.name().replace(",", "_") + ".png";
            Plot.intensity(dir.resolve(name), g.name() + " intensity at " + Units.nm(first.wavelength()) + " nm, n_eff = "
                    + String.format(Locale.ROOT, "%.8f", g.nEff()), v, -half * 1e6, half * 1e6, -half * 1e6, half * 1e6, "um",
                    a * 1e6);
            files.add(name);
        }
    }

    private static void writeRadialCsv(DesignResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("wavelength_nm,name,l,m,degeneracy,n_eff,n_eff_imag,loss_dB_per_cm\n");
            for (RadialAnalysisResult a : r.modeAnalyses()) {
                String wl = Units.nm(a.wavelength());
                for (RadialMode g : a.modes().modes()) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.12f,%.6e,%.6e%n", wl, g.name(), g.order(), g.radialOrder(),
                            g.degeneracy(), g.nEff(), g.nEffImag(), g.lossDbPerMetre(a.wavelength()) / 100));
                }
            }
        }
    }

    private static void writeFdCsv(DesignResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("wavelength_nm,name,n_eff,n_eff_imag,loss_dB_per_cm,effective_area_um2,confinement,te_fraction,symmetry_class\n");
            for (FdAnalysisResult a : r.fdAnalyses()) {
                int k = 0;
                for (ModeReport m : a.listed()) {
                    String te = a.vectorModes().isEmpty() ? "" : String.format(Locale.ROOT, "%.6f", a.vectorModes().get(k).teFraction());
                    w.write(String.format(Locale.ROOT, "%s,%s,%.12f,%.6e,%.6e,%.6g,%.6f,%s,%s%n", Units.nm(a.wavelength()), m.name(), m.nEff(),
                            m.nEffImag(), m.lossDbPerCm(), m.effectiveArea() * 1e12, m.confinement(), te, a.symmetryClasses().get(k)));
                    k++;
                }
            }
        }
    }

    /** The index map and |E|^2 of the first modes of the 2D solver. */
    private static void writeFdPictures(FdAnalysisResult a, Path dir, List<String> files) throws IOException {
        FdScalarModeSolver.Grid g = a.grid();
        double x0 = g.x0() * 1e6;
        double x1 = (g.x0() + g.nx() * g.dx()) * 1e6;
        double y0 = g.y0() * 1e6;
        double y1 = (g.y0() + g.ny() * g.dy()) * 1e6;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double v : a.indexMap()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[][] idx = new double[g.ny()][g.nx()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                idx[j][i] = hi > lo ? (a.indexMap()[i + g.nx() * j] - lo) / (hi - lo) : 0;
            }
        }
        Plot.intensity(dir.resolve("index-map.png"), String.format(Locale.ROOT, "Index at %s nm: %.4f (dark) to %.4f (bright)",
                Units.nm(a.wavelength()), lo, hi), idx, x0, x1, y0, y1, "um", 0);
        files.add("index-map.png");
        for (int k = 0; k < Math.min(MODE_PICTURES, a.listed().size()); k++) {
            double[][] v = new double[g.ny()][g.nx()];
            double[] in = a.intensities().get(k);
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    v[j][i] = in[i + g.nx() * j];
                }
            }
            ModeReport m = a.listed().get(k);
            String name = "fd-mode-" + (k + 1) + ".png";
            Plot.intensity(dir.resolve(name), String.format(Locale.ROOT, "%s at %s nm, n_eff = %.8f%+.2ei", m.name(), Units.nm(a.wavelength()),
                    m.nEff(), m.nEffImag()), v, x0, x1, y0, y1, "um", 0);
            files.add(name);
            if (k < a.vectorModes().size()) {
                for (FdVectorModeSolver.Component c : new FdVectorModeSolver.Component[] {FdVectorModeSolver.Component.EX,
                    FdVectorModeSolver.Component.EY}) {
                    double[] f = a.vectorModes().get(k).field(c);
                    double peak = 0;
                    for (int p = 0; p < f.length / 2; p++) {
                        peak = Math.max(peak, Math.hypot(f[2 * p], f[2 * p + 1]));
                    }
                    double[][] e = new double[g.ny()][g.nx()];
                    for (int j = 0; j < g.ny(); j++) {
                        for (int i = 0; i < g.nx(); i++) {
                            int p = i + g.nx() * j;
                            e[j][i] = peak > 0 ? Math.hypot(f[2 * p], f[2 * p + 1]) / peak : 0;
                        }
                    }
                    String label = c == FdVectorModeSolver.Component.EX ? "ex" : "ey";
                    String file = "fd-mode-" + (k + 1) + "-" + label + ".png";
                    Plot.intensity(dir.resolve(file), String.format(Locale.ROOT, "%s |E_%s| (peak %.3g V/m at 1 W), TE fraction %.3f", m.name(),
                            label.substring(1), peak, a.vectorModes().get(k).teFraction()), e, x0, x1, y0, y1, "um", 0);
                    files.add(file);
                }
            }
        }
    }

    /** Intensity maps psi(r)^2 cos^2(l phi) of the first listed radial-solver modes. */
    private static void writeRadialPictures(RadialAnalysisResult a, Path dir, List<String> files) throws IOException {
        RadialModes modes = a.modes();
        double core = modes.profile().interfaces()[0];
        double half = 1.6 * core;
        for (int k = 0; k < Math.min(MODE_PICTURES, modes.modes().size()); k++) {
            RadialMode g = modes.modes().get(k);
            double[] psi = modes.field(g);
            double[][] v = new double[MAP_PIXELS][MAP_PIXELS];
            for (int iy = 0; iy < MAP_PIXELS; iy++) {
                double y = -half + 2 * half * (iy + 0.5) / MAP_PIXELS;
                for (int ix = 0; ix < MAP_PIXELS; ix++) {
                    double x = -half + 2 * half * (ix + 0.5) / MAP_PIXELS;
                    double rr = Math.hypot(x, y);
                    // linear interpolation between cell centres r_i = (i + 1/2) h
                    double t = rr / modes.step() - 0.5;
                    int i = (int) Math.floor(t);
                    double f = t - i;
                    double p0 = i < 0 ? psi[0] : i < psi.length ? psi[i] : 0;
                    double p1 = i + 1 < psi.length ? psi[Math.max(i + 1, 0)] : 0;
                    double amp = p0 + (i < 0 ? 0 : f) * (p1 - p0);
                    double c = Math.cos(g.order() * Math.atan2(y, x));
                    v[iy][ix] = amp * amp * c * c;
                }
            }
            String name = "radial-" + g.name().replace(",", "_") + ".png";
            Plot.intensity(dir.resolve(name), g.name() + " (radial solver) at " + Units.nm(a.wavelength()) + " nm, n_eff = "
                    + String.format(Locale.ROOT, "%.8f", g.nEff()), v, -half * 1e6, half * 1e6, -half * 1e6, half * 1e6, "um", core * 1e6);
            files.add(name);
        }
    }

    private static String markdown(DesignResult r, List<String> files) {
        Design d = r.design();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(d.name()).append("\n\n");
        if (!d.description().isEmpty()) {
            sb.append(d.description()).append("\n\n");
        }
        sb.append(String.format(Locale.ROOT, "Design file `%s`, computed in %.2f s.%n%n", d.source(), r.elapsedSeconds()));
        if (!d.isFiber()) {
            sb.append("## Structure\n\n| region | material | index model | provenance |\n|---|---|---|---|\n");
            sb.append(String.format(Locale.ROOT, "| background | %s | %s | %s |%n", d.waveguide().background().name(),
                    d.waveguide().background().index().describe(), cell(d.waveguide().background().indexProvenance().toString())));
            for (WaveguideStructure.Painting p : d.waveguide().shapes()) {
                if (p instanceof WaveguideStructure.PaintedShape) {
                    WaveguideStructure.PaintedShape sh = (WaveguideStructure.PaintedShape) p;
                    sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", cell(sh.toString()), sh.material().name(),
                            sh.material().index().describe(), cell(sh.material().indexProvenance().toString())));
                } else {
                    for (Map.Entry<Integer, Material> e : ((WaveguideStructure.PaintedMap) p).materials().entrySet()) {
                        sb.append(String.format(Locale.ROOT, "| %s, id %d | %s | %s | %s |%n", cell(p.toString()), e.getKey(), e.getValue().name(),
                                e.getValue().index().describe(), cell(e.getValue().indexProvenance().toString())));
                    }
                }
            }
            sb.append('\n');
            fdMarkdown(r, sb);
            pictures(r, files, sb);
            return sb.toString();
        }
        sb.append("## Structure\n\n| layer | material | outer diameter | index model | provenance |\n|---|---|---|---|---|\n");
        String[] roles = {"core", "cladding"};
        for (int i = 0; i < d.fiber().layers().size(); i++) {
            Layer l = d.fiber().layers().get(i);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s um | %s | %s |%n", i < roles.length ? roles[i] : "layer " + (i + 1),
                    l.material().name(), Units.trim(String.format(Locale.ROOT, "%.4f", 2 * l.outerRadius() * 1e6)),
                    l.material().index().describe() + (l.isGraded() ? String.format(Locale.ROOT,
                            "; graded to the next layer's index, power law g = %s", Units.trim(String.format(Locale.ROOT, "%.4f", l.gradeExponent()))) : ""),
                    cell(l.material().indexProvenance().toString())));
        }
        Material s = d.fiber().surround();
        sb.append(String.format(Locale.ROOT, "| surround | %s | | %s | %s |%n%n", s.name(), s.index().describe(),
                cell(s.indexProvenance().toString())));
        radialMarkdown(r, sb);
        fdMarkdown(r, sb);
        if (r.fiberAnalyses().isEmpty()) {
            pictures(r, files, sb);
            return sb.toString();
        }
        sb.append("## Step-index analysis\n\n");
        sb.append("| wavelength | n core | n clad | NA | acceptance half-angle | V | LP11 cutoff | LP01 MFD (Petermann II) | LP groups | guided modes (vector, all polarisations) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (FiberAnalysis a : r.fiberAnalyses()) {
            sb.append(String.format(Locale.ROOT, "| %s nm | %.6f | %.6f | %.4f | %.2f° (in %s) | %.3f | %s | %.3f um | %,d | %,d |%n",
                    Units.nm(a.wavelength()), a.nCore(), a.nClad(), a.numericalAperture(), a.acceptanceHalfAngleDeg(),
                    a.launchMaterial(), a.vNumber(), cutoff(a), a.modeFieldDiameter() * 1e6, a.modes().lpGroupCount(),
                    a.modes().vectorModeCount()));
        }
        for (FiberAnalysis a : r.fiberAnalyses()) {
            if (!a.cutoffNote().isEmpty()) {
                sb.append("\nLP11 cutoff at ").append(Units.nm(a.wavelength())).append(" nm: ").append(a.cutoffNote()).append('\n');
            }
        }
        FiberAnalysis first = r.fiberAnalyses().get(0);
        List<GuidedMode> listed = FiberResults.listedModes(first, Math.min(20, d.options().maxModes()));
        sb.append("\n### Highest-index modes at ").append(Units.nm(first.wavelength())).append(" nm\n\n| # | mode | n_eff | b |\n|---|---|---|---|\n");
        for (int i = 0; i < listed.size(); i++) {
            GuidedMode g = listed.get(i);
            sb.append(String.format(Locale.ROOT, "| %d | %s | %.10f | %.6f |%n", i + 1, g.name(), g.nEff(), g.b()));
        }
        sb.append("\nEvery mode of every wavelength is in `modes.csv`.\n\n");
        pictures(r, files, sb);
        return sb.toString();
    }

    private static void fdMarkdown(DesignResult r, StringBuilder sb) {
        for (FdAnalysisResult a : r.fdAnalyses()) {
            sb.append(String.format(Locale.ROOT, "## 2D finite-difference modes (%s) at %s nm%n%nGrid %d x %d, step %.4g um. Symmetry: %s.%n%n",
                    a.solver(), Units.nm(a.wavelength()), a.grid().nx(), a.grid().ny(), a.grid().dx() * 1e6, a.symmetry()));
            sb.append("| # | mode | n_eff | Im n_eff | loss (dB/cm) | A_eff (um^2) | power in the highest-index material | symmetry class |\n"
                    + "|---|---|---|---|---|---|---|---|\n");
            int i = 0;
            for (ModeReport m : a.listed()) {
                sb.append(String.format(Locale.ROOT, "| %d | %s | %.10f | %.3e | %.4g | %.4g | %.5f | %s |%n", i + 1, m.name(), m.nEff(),
                        m.nEffImag(), m.lossDbPerCm(), m.effectiveArea() * 1e12, m.confinement(),
                        a.symmetryClasses().get(i).isEmpty() ? "-" : a.symmetryClasses().get(i)));
                i++;
            }
            sb.append('\n');
        }
    }

    private static void radialMarkdown(DesignResult r, StringBuilder sb) {
        for (RadialAnalysisResult a : r.modeAnalyses()) {
            sb.append(String.format(Locale.ROOT, "## Radial mode solver at %s nm%n%n%,d guided LP groups (%,d modes with degeneracy); "
                    + "grid step %.4g um, %d points.%n%n", Units.nm(a.wavelength()), a.modes().modes().size(), a.modes().modeCount(),
                    a.modes().step() * 1e6, a.modes().gridPoints()));
            sb.append("| # | mode | n_eff | Im n_eff | loss (dB/cm) | A_eff (um^2) | core confinement | group index |\n|---|---|---|---|---|---|---|---|\n");
            int i = 0;
            for (ModeReport m : a.listed()) {
                sb.append(String.format(Locale.ROOT, "| %d | %s | %.10f | %.3e | %.4g | %.4g | %.5f | %s |%n", ++i, m.name(), m.nEff(),
                        m.nEffImag(), m.lossDbPerCm(), m.effectiveArea() * 1e12, m.confinement(),
                        Double.isNaN(m.groupIndex()) ? "-" : String.format(Locale.ROOT, "%.6f", m.groupIndex())));
            }
            sb.append("\nEvery guided mode is in `radial-modes.csv`.\n\n");
            if (!a.vectorModes().isEmpty()) {
                sb.append("### Full-vectorial modes\n\n| # | mode | n_eff |\n|---|---|---|\n");
                int k = 0;
                for (var v : a.vectorModes()) {
                    sb.append(String.format(Locale.ROOT, "| %d | %s | %.10f |%n", ++k, v.name(), v.nEff()));
                }
                sb.append('\n');
            }
        }
    }

    private static void pictures(DesignResult r, List<String> files, StringBuilder sb) {
        sb.append("## Pictures\n\n");
        for (String f : files) {
            if (f.endsWith(".png")) {
                sb.append("![").append(f).append("](").append(f).append(")\n\n");
            }
        }
        if (!r.warnings().isEmpty()) {
            sb.append("## Warnings\n\n");
            for (String w : r.warnings()) {
                sb.append("- ").append(w).append('\n');
            }
            sb.append('\n');
        }
        sb.append("## Assumptions\n\nValues marked `assumed` in the provenance column are not published data; replace them ")
                .append("with measurements (a material file in `--materials DIR` or inline in the design).\n");
    }

    private static String cutoff(FiberAnalysis a) {
        double c = a.cutoffWavelengthLP11();
        if (!Double.isFinite(c)) {
            return "none";
        }
        String s = c >= 1e-5 ? String.format(Locale.ROOT, "%.2f um", c * 1e6) : String.format(Locale.ROOT, "%.1f nm", c * 1e9);
        return a.cutoffNote().isEmpty() ? s : s + " (estimate)";
    }

    private static String cell(String s) {
        return s.replace("|", "/").replaceAll("\\s+", " ");
    }

    /** The lines `glassguide run` prints for the fiber and mode analyses of its own report. */
    public static void print(PrintWriter o, DesignResult r) {
        for (FiberAnalysis a : r.fiberAnalyses()) {
            o.printf(Locale.ROOT, "%s nm: NA %.4f, V %.3f, %,d LP mode groups, %,d guided modes%n", Units.nm(a.wavelength()),
                    a.numericalAperture(), a.vNumber(), a.modes().lpGroupCount(), a.modes().vectorModeCount());
        }
        for (RadialAnalysisResult a : r.modeAnalyses()) {
            o.printf(Locale.ROOT, "%s nm (radial solver): %,d LP mode groups, %,d guided modes, LP01 n_eff %.8f%n",
                    Units.nm(a.wavelength()), a.modes().modes().size(), a.modes().modeCount(), a.modes().modes().get(0).nEff());
        }
    }
}
