package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.glassguide.materials.Material;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.ui.report.MaterialPlot;
import org.glassguide.ui.report.MaterialReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `glassguide materials list|show|plot`. */
@Command(name = "materials", mixinStandardHelpOptions = true, description = "The material catalog: list, show one material with provenance, plot n and alpha, import a material file.",
        subcommands = {MaterialsCommand.ListMaterials.class, MaterialsCommand.Show.class, MaterialsCommand.PlotMaterial.class, MaterialsCommand.ImportMaterial.class})
public final class MaterialsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every material: index at 589 nm, valid range, provenance.")
    static final class ListMaterials implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        LibraryOptions libraryOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            MaterialReport.printCatalog(out, libraryOptions.library());
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one material's data, each value with its source or the reason it is assumed.")
    static final class Show implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        LibraryOptions libraryOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Material m = LibraryOptions.resolve(name, "NAME", libraryOptions.library());
            MaterialReport.print(out, m);
            out.flush();
            return 0;
        }
    }

    @Command(name = "plot", mixinStandardHelpOptions = true, description = "Write a PNG of n(lambda) and, if known, alpha(lambda) in dB/m.")
    static final class PlotMaterial implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--out", paramLabel = "FILE.png", description = "Output file (default: <name>.png).")
        Path out;

        @Option(names = "--from", paramLabel = "LENGTH", description = "Start wavelength (default: the model's range or 400 nm).")
        String from;

        @Option(names = "--to", paramLabel = "LENGTH", description = "End wavelength (default: the model's range or 1700 nm).")
        String to;

        @Mixin
        LibraryOptions libraryOptions;

        @Override
        public Integer call() throws IOException {
            Material m = LibraryOptions.resolve(name, "NAME", libraryOptions.library());
            Path file = MaterialPlot.checkTarget(out != null ? out : Path.of(m.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".png"));
            WavelengthRange r = m.index().validRange();
            double lo = from != null ? Units.wavelength("--from", from) : Double.isInfinite(r.max()) ? 400e-9 : r.min();
            double hi = to != null ? Units.wavelength("--to", to) : Double.isInfinite(r.max()) ? 1700e-9 : r.max();
            if (!(hi > lo)) {
                throw new GlassGuideException(Messages.OUT_OF_RANGE, "--to", to, "a wavelength above --from (" + Units.nm(lo) + " nm)");
            }
            if (!libraryOptions.allowExtrapolation) {
                m.checkWavelength(lo, false, w -> { });
                m.checkWavelength(hi, false, w -> { });
            }
            MaterialPlot.write(m, lo, hi, file);
            spec.commandLine().getOut().println("wrote " + file);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /**
     * `glassguide materials import FILE --into DIR`: checks a GlassGuide material file or a refractiveindex.info page as
     * the catalog would read it, then copies it into a materials folder (used with --materials DIR). Never replaces a
     * different file of the same name, and says when the name shadows a catalog material.
     */
    @Command(name = "import", mixinStandardHelpOptions = true, header = "Check a material file and copy it into a materials folder.",
            description = {"Check a material file (GlassGuide or a refractiveindex.info page) and copy it into a materials folder;",
                "designs and commands then use it with --materials DIR."})
    static final class ImportMaterial implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A GlassGuide material file or a refractiveindex.info page (YAML).")
        Path file;

        @Option(names = "--into", paramLabel = "DIR", defaultValue = "materials",
                description = "The materials folder to copy it into (default: ${DEFAULT-VALUE}; created when missing).")
        Path into;

        @Option(names = "--check", description = "Only check the file and show what it holds; copy nothing.")
        boolean checkOnly;

        @Override
        public Integer call() throws IOException {
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Material m = org.glassguide.materials.io.MaterialReader.readFile(file);
            MaterialLibrary catalog = MaterialLibrary.builtIn();
            try {
                Material same = catalog.get(m.name());
                err.println("warning: \"" + m.name() + "\" shadows the catalog material \"" + same.name() + "\": with --materials the imported one is used");
            } catch (GlassGuideException notInCatalog) {
                // a new name: nothing shadowed
            }
            MaterialReport.printSummaryLine(o, m);
            if (m.description() != null && m.description().contains(" not used")) {
                err.println("note: " + m.description());
            }
            if (checkOnly) {
                o.flush();
                return 0;
            }
            String fileName = m.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".yaml";
            Path target = into.resolve(fileName);
            byte[] bytes = Files.readAllBytes(file);
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                    throw new GlassGuideException(Messages.OUTPUT_FILE_REFUSED, "--into", target,
                            "a different file of that name is already there; remove it yourself or import into another folder");
                }
                o.println("already imported: " + target);
                o.flush();
                return 0;
            }
            if (Files.exists(into) && !Files.isDirectory(into)) {
                throw new GlassGuideException(Messages.OUTPUT_FILE_REFUSED, "--into", into, "it is not a folder");
            }
            Files.createDirectories(into);
            Path tmp = Files.createTempFile(into, ".import-", ".yaml");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            o.println("imported " + target + "; use it with --materials " + into);
            o.flush();
            return 0;
        }
    }
}
