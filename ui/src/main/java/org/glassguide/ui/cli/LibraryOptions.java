package org.glassguide.ui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.io.MaterialReader;

import picocli.CommandLine.Option;

/** Options shared by every command that looks up materials. */
final class LibraryOptions {
    @Option(names = "--materials", paramLabel = "DIR",
            description = "Folder of extra material files (GlassGuide or refractiveindex.info YAML); repeatable.")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--allow-extrapolation",
            description = "Evaluate material models outside their valid wavelength range (with a warning) instead of stopping.")
    boolean allowExtrapolation;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    MaterialLibrary library() {
        if (folders.isEmpty()) {
            return MaterialLibrary.builtIn();
        }
        java.io.PrintWriter err = mixee != null ? mixee.commandLine().getErr() : null;
        return MaterialLibrary.withUserFolders(folders, w -> {
            if (err != null) {
                err.println(w);
                err.flush();
            }
        });
    }

    /** The design with --allow-extrapolation applied (the design's own option stays when the flag is absent). */
    org.glassguide.solver.design.Design apply(org.glassguide.solver.design.Design d) {
        if (!allowExtrapolation) {
            return d;
        }
        org.glassguide.solver.design.DesignOptions p = d.options();
        return d.with(d.analyses(), new org.glassguide.solver.design.DesignOptions(p.vector(), true, p.launch(), p.maxModes()), d.solver());
    }

    /** A material from the command line: a plain number (constant index), a material file, or a catalog name. */
    static Material resolve(String text, String option, MaterialLibrary lib) {
        String t = text.trim();
        if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            double n = Double.parseDouble(t);
            if (!(n > 0)) {
                throw new GlassGuideException(Messages.NOT_POSITIVE, option, t);
            }
            return Material.constant(n, 0, option);
        }
        if (t.endsWith(".yaml") || t.endsWith(".yml")) {
            Path p = Path.of(t);
            if (!Files.isReadable(p)) {
                throw new GlassGuideException(Messages.FILE_NOT_READABLE, option, t, "no such readable file");
            }
            return MaterialReader.readFile(p);
        }
        return lib.get(t);
    }
}
