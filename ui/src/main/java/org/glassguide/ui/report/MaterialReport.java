package org.glassguide.ui.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.Material;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.source.SpectralBand;
import org.glassguide.materials.units.Units;

/** The catalog and its materials as `glassguide materials list|show|import` print them: every value with its source. */
public final class MaterialReport {
    private static final double D_LINE = 589e-9;

    private MaterialReport() {
    }

    /** One line per material: index at 589 nm, valid range, provenance kinds, aliases. */
    public static void printCatalog(PrintWriter out, MaterialLibrary library) {
        String fmt = "%-16s %-10s %-16s %-10s %-11s %s%n";
        out.printf(Locale.ROOT, fmt, "name", "n(589 nm)", "valid range", "index", "attenuation", "aliases");
        for (Material m : library.all()) {
            String n = m.index().validRange().contains(D_LINE) ? String.format(Locale.ROOT, "%.5f", m.index().n(D_LINE)) : "-";
            out.printf(Locale.ROOT, fmt, m.name(), n, range(m.index().validRange()), m.indexProvenance().kind().name().toLowerCase(Locale.ROOT),
                    m.attenuation() == null ? "-" : m.attenuationProvenance().kind().name().toLowerCase(Locale.ROOT), String.join(", ", m.aliases()));
        }
    }

    /** One material's data, each value with its source or the reason it is assumed. */
    public static void print(PrintWriter out, Material m) {
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
    }

    /** The one line `materials import` prints of a file it checked. */
    public static void printSummaryLine(PrintWriter o, Material m) {
        WavelengthRange r = m.index().validRange();
        double at = r.contains(589e-9) ? 589e-9 : Double.isFinite(r.max()) ? 0.5 * (r.min() + r.max()) : Math.max(r.min(), 589e-9);
        o.printf(Locale.ROOT, "%s: n = %.5f at %s nm, valid %s to %s nm; %s%n", m.name(), m.index().n(at), Units.nm(at), Units.nm(r.min()),
                Double.isInfinite(r.max()) ? "infinity" : Units.nm(r.max()), m.indexProvenance().isAssumed() ? "assumed values" : "sourced");
    }

    static String range(WavelengthRange r) {
        return Double.isInfinite(r.max()) ? "all" : Units.nm(r.min()) + "-" + Units.nm(r.max()) + " nm";
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
