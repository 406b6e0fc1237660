package org.glassguide.ui.cli;

import java.io.PrintWriter;
import java.util.List;
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
            FiberResults.print(out, a, maxModes);
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
}
