package org.glassguide.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.glassguide.materials.Material;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.source.SpectralBand;
import org.glassguide.materials.units.Units;
import org.glassguide.ui.report.MaterialPlot;

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

    private static final double D_LINE = 589e-9;

    static String range(WavelengthRange r) {
        return Double.isInfinite(r.max()) ? "all" : Units.nm(r.min()) + "-" + Units.nm(r.max()) + " nm";
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
            String fmt = "%-16s %-10s %-16s %-10s %-11s %s%n";
            out.printf(Locale.ROOT, fmt, "name", "n(589 nm)", "valid range", "index", "attenuation", "aliases");
            for (Material m : libraryOptions.library().all()) {
                String n = m.index().validRange().contains(D_LINE) ? String.format(Locale.ROOT, "%.5f", m.index().n(D_LINE)) : "-";
                out.printf(Locale.ROOT, fmt, m.name(), n, range(m.index().validRange()), m.indexProvenance().kind().name().toLowerCase(Locale.ROOT),
                        m.attenuation() == null ? "-" : m.attenuationProvenance().kind().name().toLowerCase(Locale.ROOT), String.join(", ", m.aliases()));
            }
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
            out.println(m.name() + (m.aliases().isEmpty() ? "" : "  (also: " + String.join(", ", m.aliases()) + ")"));
            if (!m.description().isEmpty()) {
                out.println("  " + m.description());
            }
            out.println("  origin: " + m.origin());
            out.println("index: " + m.index().describe() + ", valid " + range(m.index().validRange()));
            out.println("  " + m.indexProvenance());
            for (double l : new double[] {450e-9, 589e-9, 633e-9, 819e-9, 1048e-9, 1550e-9}) {
                if (m.index().validRange().contains(l)) {
                    out.printf(Locale.ROOT, "  n(%s nm) = %.6f%n", Units.nm(l), m.index().n(l));
                }
            }
            m.attenuationModel().ifPresent(a -> {
                out.println("attenuation: " + a.describe());
                out.println("  " + m.attenuationProvenance());
            });
            if (!m.thermal().isEmpty()) {
                out.println("thermal:");
                for (Map.Entry<String, SourcedValue> e : m.thermal().entrySet()) {
                    printValue(out, e.getKey(), e.getValue());
                }
            }
            org.glassguide.materials.ViscosityFits.of(m, new java.util.ArrayList<>()).ifPresent(f -> {
                out.println("viscosity: " + f.model().describe());
                out.println("  from " + f.basis());
                f.notes().forEach(n -> out.println("  note: " + n));
                if (f.alternative() != null) {
                    out.println("  alternative: " + f.alternative().describe() + ", from " + f.alternativeBasis());
                }
            });
            m.luminescenceData().ifPresent(l -> {
                out.println("luminescence:");
                for (SpectralBand b : l.excitation()) {
                    out.printf(Locale.ROOT, "  excitation %s: %s nm, FWHM %s nm; %s%n", b.label(), Units.nm(b.centre()), Units.nm(b.fwhm()), b.provenance());
                }
                for (SpectralBand b : l.emission()) {
                    out.printf(Locale.ROOT, "  emission %s: %s nm, FWHM %s nm, weight %.3g; %s%n", b.label(), Units.nm(b.centre()), Units.nm(b.fwhm()),
                            b.weight(), b.provenance());
                }
                for (Map.Entry<String, SourcedValue> e : l.properties().entrySet()) {
                    printValue(out, e.getKey(), e.getValue());
                }
                if (!l.note().isEmpty()) {
                    out.println("  note: " + l.note());
                }
            });
            m.gainData().ifPresent(g -> {
                out.println("gain: " + g.ion());
                printSpectrum(out, "absorption cross section", g.absorption(), "m^2");
                out.println("    " + g.absorptionProvenance());
                printSpectrum(out, "emission cross section", g.emission(), "m^2");
                out.println("    " + g.emissionProvenance());
                printValue(out, "lifetime", g.lifetime());
                if (g.concentration() != null) {
                    printValue(out, "concentration", g.concentration());
                }
                if (g.sensitiser() != null) {
                    printSpectrum(out, "antenna (" + g.sensitiser().label() + ") absorption", g.sensitiser().absorption(), "1/m");
                    out.println("    " + g.sensitiser().absorptionProvenance());
                    printValue(out, "antenna transfer efficiency", g.sensitiser().efficiency());
                }
                if (!g.note().isEmpty()) {
                    out.println("  note: " + g.note());
                }
            });
            out.flush();
            return 0;
        }

        /** The spectrum's peak and where it is non-zero, sampled every 0.1 nm. */
        private static void printSpectrum(PrintWriter out, String what, org.glassguide.materials.gain.CrossSectionSpectrum s, String unit) {
            double[] span = s.span();
            double best = 0;
            double at = span[0];
            for (double wl = span[0]; wl <= span[1]; wl += 0.1e-9) {
                double v = s.at(wl);
                if (v > best) {
                    best = v;
                    at = wl;
                }
            }
            out.printf(Locale.ROOT, "  %s: %s to %s nm, peak %.4g %s at %s nm%n", what, Units.nm(span[0]), Units.nm(span[1]), best, unit, Units.nm(at));
        }

        private static void printValue(PrintWriter out, String key, SourcedValue v) {
            out.printf(Locale.ROOT, "  %s = %s%s; %s%s%n", key, Units.trim(String.format(Locale.ROOT, "%.6g", v.value())),
                    v.siUnit().equals("1") ? "" : " " + v.siUnit(),
                    v.provenance(), v.note().isEmpty() ? "" : " (" + v.note() + ")");
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
    @Command(name = "import", mixinStandardHelpOptions = true,
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
            WavelengthRange r = m.index().validRange();
            double at = r.contains(589e-9) ? 589e-9 : Double.isFinite(r.max()) ? 0.5 * (r.min() + r.max()) : Math.max(r.min(), 589e-9);
            o.printf(Locale.ROOT, "%s: n = %.5f at %s nm, valid %s to %s nm; %s%n", m.name(), m.index().n(at), Units.nm(at), Units.nm(r.min()),
                    Double.isInfinite(r.max()) ? "infinity" : Units.nm(r.max()), m.indexProvenance().isAssumed() ? "assumed values" : "sourced");
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
