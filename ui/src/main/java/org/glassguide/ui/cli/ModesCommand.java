package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.DesignOptions;
import org.glassguide.solver.design.SolverSettings;
import org.glassguide.solver.designfile.DesignReader;
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
@Command(name = "modes", header = "Solve a design's guided modes: n_eff, loss, effective area, confinement and fields.", mixinStandardHelpOptions = true,
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
            o.print(Json.write(ModeResults.summary(r)));
        } else {
            ModeResults.print(o, r);
            o.println("wrote " + target);
        }
        o.flush();
        return 0;
    }
}
