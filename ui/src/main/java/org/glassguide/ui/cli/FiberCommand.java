package org.glassguide.ui.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.design.DesignOptions;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.design.Layer;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.StepIndexAnalysis;
import org.glassguide.ui.report.FiberResults;
import org.glassguide.ui.report.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `glassguide fiber`: exact step-index analysis from the command line. */
@Command(name = "fiber", mixinStandardHelpOptions = true,
        description = {"NA, acceptance angle, V, LP11 cutoff, mode-field diameter and every guided mode of a step-index fiber.",
            "MATERIAL is a catalog name (see `glassguide materials list`), a material file, or a plain number (constant index)."})
public final class FiberCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--core", required = true, paramLabel = "MATERIAL", description = "Core material, e.g. ZIF-62 or 1.56.")
    String core;

    @Option(names = "--clad", required = true, paramLabel = "MATERIAL", description = "Cladding material, e.g. HFK95N or 1.44.")
    String clad;

    @Option(names = "--core-diameter", required = true, paramLabel = "LENGTH", description = "Core diameter with unit, e.g. 150um.")
    String coreDiameter;

    @Option(names = "--clad-diameter", paramLabel = "LENGTH", description = "Cladding diameter with unit, e.g. 680um (reported; guidance treats the cladding as infinite).")
    String cladDiameter;

    @Option(names = "--wavelength", required = true, paramLabel = "LENGTH", description = "Vacuum wavelength with unit, e.g. 589nm.")
    String wavelength;

    @Option(names = "--launch", paramLabel = "MATERIAL", defaultValue = "air", description = "Launch medium for the acceptance angle (default: ${DEFAULT-VALUE}).")
    String launch;

    @Option(names = "--vector", description = "Also solve the exact vector modes (TE, TM, HE, EH) and list them.")
    boolean vector;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--max-modes", paramLabel = "N", defaultValue = "1000", description = "Modes to list (default ${DEFAULT-VALUE}); counts are always complete.")
    int maxModes;

    @Mixin
    LibraryOptions libraryOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxModes < 0) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--max-modes", maxModes, "a whole number >= 0");
        }
        double dCore = positive("--core-diameter", coreDiameter, Units.length("--core-diameter", coreDiameter));
        double dClad = Double.POSITIVE_INFINITY;
        if (cladDiameter != null) {
            dClad = positive("--clad-diameter", cladDiameter, Units.length("--clad-diameter", cladDiameter));
            if (!(dClad > dCore)) {
                throw new GlassGuideException(Messages.CLAD_NOT_LARGER, "--clad-diameter", cladDiameter, "--core-diameter", coreDiameter);
            }
        }
        double lambda = Units.wavelength("--wavelength", wavelength);
        MaterialLibrary lib = libraryOptions.library();
        Material mCore = LibraryOptions.resolve(core, "--core", lib);
        Material mClad = LibraryOptions.resolve(clad, "--clad", lib);
        Material mLaunch = LibraryOptions.resolve(launch, "--launch", lib);
        FiberStructure s = new FiberStructure(List.of(new Layer(mCore, dCore / 2), new Layer(mClad, dClad / 2)), mLaunch);
        DesignOptions opts = new DesignOptions(vector, libraryOptions.allowExtrapolation, mLaunch, maxModes);
        FiberAnalysis a;
        try (ConsoleProgress progress = ConsoleProgress.forTerminal()) {
            a = new StepIndexAnalysis().analyse(s, lambda, opts, w -> err.println(w), progress);
        }
        if (json) {
            out.print(Json.write(FiberResults.toMap(a, maxModes)));
        } else {
            printText(out, a);
        }
        out.flush();
        return 0;
    }

    private static double positive(String field, String text, double v) {
        if (!(v > 0)) {
            throw new GlassGuideException(Messages.NOT_POSITIVE, field, text);
        }
        return v;
    }

    private void printText(PrintWriter out, FiberAnalysis a) {
        out.printf(Locale.ROOT, "Step-index fiber at %s nm%n", Units.nm(a.wavelength()));
        out.printf(Locale.ROOT, "  core      %-14s n = %.6f   diameter %s um%n", a.coreMaterial(), a.nCore(), um(2 * a.coreRadius()));
        out.printf(Locale.ROOT, "  cladding  %-14s n = %.6f   diameter %s%n", a.claddingMaterial(), a.nClad(),
                Double.isFinite(a.claddingRadius()) ? um(2 * a.claddingRadius()) + " um" : "(infinite)");
        out.printf(Locale.ROOT, "  launch    %-14s n = %.6f%n", a.launchMaterial(), a.nLaunch());
        out.printf(Locale.ROOT, "  numerical aperture              %.6f%n", a.numericalAperture());
        out.printf(Locale.ROOT, "  acceptance half-angle           %.3f deg%n", a.acceptanceHalfAngleDeg());
        out.printf(Locale.ROOT, "  V number                        %.4f%n", a.vNumber());
        double c = a.cutoffWavelengthLP11();
        out.printf(Locale.ROOT, "  LP11 cutoff wavelength          %s%s%n", !Double.isFinite(c) ? "none" : c >= 1e-5 ? String.format(Locale.ROOT, "%.3f um", c * 1e6) : String.format(Locale.ROOT, "%.2f nm", c * 1e9),
                a.cutoffNote().isEmpty() ? "" : "  (" + a.cutoffNote() + ")");
        out.printf(Locale.ROOT, "  LP01 mode-field diameter        %.4f um (Petermann II)%n", a.modeFieldDiameter() * 1e6);
        out.printf(Locale.ROOT, "  guided LP mode groups           %,d (%,d modes with degeneracy)%n", a.modes().lpGroupCount(), a.modes().lpModeCount());
        out.printf(Locale.ROOT, "  guided vector modes             %,d (every HE/EH in both polarisations)%n", a.modes().vectorModeCount());
        List<GuidedMode> listed = FiberResults.listedModes(a, Math.min(maxModes, 20));
        if (!listed.isEmpty()) {
            out.printf(Locale.ROOT, "  %s modes, n_eff descending%s:%n", a.modes().vectorSolved() ? "vector" : "LP",
                    listed.size() < (a.modes().vectorSolved() ? a.modes().vectorModes().size() : a.modes().lpModes().size())
                    ? " (first " + listed.size() + "; --json lists up to --max-modes)" : "");
            out.println("       #  mode        n_eff            b");
            for (int i = 0; i < listed.size(); i++) {
                GuidedMode g = listed.get(i);
                out.printf(Locale.ROOT, "    %4d  %-8s  %.10f   %.6f%n", i + 1, g.name(), g.nEff(), g.b());
            }
        }
    }

    private static String um(double metres) {
        return Units.trim(String.format(Locale.ROOT, "%.4f", metres * 1e6));
    }
}
