package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.DesignOptions;
import org.glassguide.solver.design.SolverSettings;
import org.glassguide.solver.designfile.DesignReader;
import org.glassguide.solver.fd.FdAnalysisResult;
import org.glassguide.solver.radial.ModeReport;
import org.glassguide.solver.radial.RadialAnalysisResult;
import org.glassguide.solver.run.BendSweep;
import org.glassguide.solver.run.DesignResult;
import org.glassguide.solver.run.DesignRunner;
import org.glassguide.ui.report.BendSweepReport;
import org.glassguide.ui.report.Json;
import org.glassguide.ui.report.ModeResults;
import org.glassguide.ui.report.RunReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide modes DESIGN.yaml`: the mode solver on a design, with a table (or JSON) and an output folder. */
@Command(name = "modes", mixinStandardHelpOptions = true,
        description = {"Solve every guided mode of a design with a mode solver and list n_eff, loss, effective area and",
            "core confinement; writes out/<name>-modes/ (summary.json, radial-modes.csv, report, field pictures).",
            "Solvers: radial (any axisymmetric profile: step, graded, W, ring, leaky; LP and vector modes),",
            "fd-scalar, fd-semivector and fd-vector (2D cross-sections: rectangles, circles, polygons, index maps;",
            "PML for leaky and bend loss; fd-vector is full-vectorial with six field components)."})
public final class ModesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN.yaml", description = "Design file (format: glassguide/1).")
    Path designFile;

    @Option(names = "--solver", paramLabel = "KIND", description = "Mode solver (default: the design's, else radial). Accepted: radial, fd-scalar, fd-semivector, fd-vector.")
    String solver;

    @Option(names = "--modes", paramLabel = "N", description = "Modes to list in detail (default: the design's, else 20).")
    Integer modes;

    @Option(names = "--points-per-period", paramLabel = "P", description = "Radial grid points per shortest transverse period (default 20).")
    Double pointsPerPeriod;

    @Option(names = "--group-index", description = "Also compute the group index of the listed modes (two extra solves).")
    boolean groupIndex;

    @Option(names = "--vector", description = "Also solve the full-vectorial TE/TM/HE/EH modes (few-mode guides).")
    boolean vector;

    @Option(names = "--bend-radius", paramLabel = "R[,R...]", split = ",",
            description = "Bend the 2D guide (conformal map, outside towards +x); several radii sweep the fundamental's bend loss.")
    List<String> bendRadii;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<design name>-modes).")
    Path out;

    @Mixin
    LibraryOptions libraryOptions;

    /** Bend-loss sweep: the fundamental bend mode at each radius, a table, a CSV and a plot. */
    private int sweep(Design d, List<Double> radii, PrintWriter o, PrintWriter err) throws IOException {
        Path target = OutputFolder.resolve(out, d.name() + "-bend-sweep");
        List<BendSweep.Row> rows;
        try (ConsoleProgress progress = ConsoleProgress.forTerminal()) {
            rows = BendSweep.run(d, radii, w -> err.println(w), progress);
        }
        BendSweepReport.write(d.name(), rows, target);
        o.println("  bend radius   wavelength   n_eff          Im n_eff     loss dB/cm   loss dB/90deg");
        for (BendSweep.Row r : rows) {
            o.printf(Locale.ROOT, "  %8.3f um  %7s nm  %.10f  %.3e  %11.4g  %12.4g%n", r.radius() * 1e6, Units.nm(r.wavelength()), r.nEff(),
                    r.nEffImag(), r.lossDbPerCm(), r.lossDbPer90Degrees());
        }
        o.println("wrote " + target);
        o.flush();
        return 0;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design d = new DesignReader(libraryOptions.library()).read(designFile);
        SolverSettings s = d.solver();
        String kind = solver != null ? solver : s.kind();
        if (!SolverSettings.KINDS.contains(kind)) {
            throw new GlassGuideException(Messages.BAD_CHOICE, "--solver", kind, String.join(", ", SolverSettings.KINDS));
        }
        if (modes != null && modes < 0) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--modes", modes, "a whole number >= 0");
        }
        if (pointsPerPeriod != null && !(pointsPerPeriod >= 4 && pointsPerPeriod <= 1000)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--points-per-period", pointsPerPeriod, "4 to 1000");
        }
        if (kind.startsWith("fd-") && (s.windowWidth() == 0 || s.step() == 0)) {
            throw new GlassGuideException(Messages.MISSING_KEY, "window and step (for --solver " + kind + ")", "the design's solver section");
        }
        if (kind.equals("radial") && !d.isFiber()) {
            throw new GlassGuideException(Messages.BAD_CHOICE, "--solver", kind,
                    "fd-scalar, fd-semivector or fd-vector for a waveguide structure (radial needs a fiber)");
        }
        s = s.withRadial(kind, pointsPerPeriod != null ? pointsPerPeriod : s.pointsPerPeriod(), modes != null ? modes : s.modes(),
                s.groupIndex() || groupIndex, s.vector() || vector);
        DesignOptions p = d.options();
        d = d.with(List.of("modes"), new DesignOptions(p.vector(), p.allowExtrapolation() || libraryOptions.allowExtrapolation,
                p.launch(), p.maxModes()), s);
        if (bendRadii != null && !bendRadii.isEmpty()) {
            if (!s.is2d()) {
                throw new GlassGuideException(Messages.BAD_CHOICE, "--solver", kind, "fd-scalar, fd-semivector or fd-vector for --bend-radius");
            }
            List<Double> radii = new java.util.ArrayList<>();
            for (String r : bendRadii) {
                double v = org.glassguide.materials.units.Units.length("--bend-radius", r);
                if (!(v > 0)) {
                    throw new GlassGuideException(Messages.NOT_POSITIVE, "--bend-radius", r);
                }
                radii.add(v);
            }
            if (radii.size() > 1) {
                return sweep(d, radii, o, err);
            }
            d = d.with(d.analyses(), d.options(), s.withBendRadius(radii.get(0)));
        }
        Path target = OutputFolder.resolve(out, d.name() + "-modes");
        DesignResult r;
        try (ConsoleProgress progress = ConsoleProgress.forTerminal()) {
            r = new DesignRunner().run(d, w -> err.println(w), progress);
        }
        RunReport.write(r, target);
        if (json) {
            List<Map<String, Object>> results = new ArrayList<>();
            for (RadialAnalysisResult a : r.modeAnalyses()) {
                results.add(ModeResults.toMap(a));
            }
            for (FdAnalysisResult a : r.fdAnalyses()) {
                results.add(ModeResults.toMap(a));
            }
            Object doc;
            if (results.size() == 1) {
                doc = results.get(0);
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("design", d.name());
                m.put("results", results);
                doc = m;
            }
            o.print(Json.write(doc));
        } else {
            for (RadialAnalysisResult a : r.modeAnalyses()) {
                o.printf(Locale.ROOT, "%s at %s nm, radial solver: %,d guided LP groups (%,d modes); grid %.4g um x %d%n", d.name(),
                        Units.nm(a.wavelength()), a.modes().modes().size(), a.modes().modeCount(), a.modes().step() * 1e6,
                        a.modes().gridPoints());
                o.println("     #  mode      n_eff          Im n_eff    loss dB/cm   A_eff um^2   core conf.  group index");
                int i = 0;
                for (ModeReport m : a.listed()) {
                    o.printf(Locale.ROOT, "  %4d  %-8s  %.10f  %.3e  %10.4g  %11.5g  %10.6f  %s%n", ++i, m.name(), m.nEff(), m.nEffImag(),
                            m.lossDbPerCm(), m.effectiveArea() * 1e12, m.confinement(),
                            Double.isNaN(m.groupIndex()) ? "-" : String.format(Locale.ROOT, "%.6f", m.groupIndex()));
                }
                if (!a.vectorModes().isEmpty()) {
                    o.printf(Locale.ROOT, "  full-vectorial modes (%d):%n", a.vectorModes().size());
                    int k = 0;
                    for (var v : a.vectorModes()) {
                        o.printf(Locale.ROOT, "  %4d  %-8s  %.10f%n", ++k, v.name(), v.nEff());
                    }
                }
            }
            for (FdAnalysisResult a : r.fdAnalyses()) {
                o.printf(Locale.ROOT, "%s at %s nm, 2D FD (%s): grid %d x %d, step %.4g um%n", d.name(), Units.nm(a.wavelength()),
                        a.solver().startsWith("fd-semivector") ? "semi-vectorial, quasi-" + d.solver().polarization().toUpperCase(Locale.ROOT)
                                : a.solver().equals("fd-vector") ? "full-vectorial" : "scalar",
                        a.grid().nx(), a.grid().ny(), a.grid().dx() * 1e6);
                o.println("  symmetry: " + a.symmetry());
                boolean vec = !a.vectorModes().isEmpty();
                boolean classes = a.symmetryClasses().stream().anyMatch(c -> !c.isEmpty());
                o.println("     #  mode      n_eff          Im n_eff    loss dB/cm   A_eff um^2   in core (highest n)" + (vec ? "  TE fraction" : "")
                        + (classes ? "  class" : ""));
                int k = 0;
                for (ModeReport m : a.listed()) {
                    o.printf(Locale.ROOT, "  %4d  %-8s  %.10f  %.3e  %10.4g  %11.5g  %10.6f%s%s%n", m.radialOrder(), m.name(), m.nEff(),
                            m.nEffImag(), m.lossDbPerCm(), m.effectiveArea() * 1e12, m.confinement(),
                            vec ? String.format(Locale.ROOT, "  %11.4f", a.vectorModes().get(k).teFraction()) : "",
                            classes ? "  " + a.symmetryClasses().get(k) : "");
                    k++;
                }
            }
            o.println("wrote " + target);
        }
        o.flush();
        return 0;
    }
}
