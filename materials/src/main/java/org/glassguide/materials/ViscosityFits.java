package org.glassguide.materials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.thermal.MyegaViscosity;
import org.glassguide.materials.thermal.ViscosityFit;

/**
 * A material's viscosity curve: its explicit one where the catalog gives it (VFT, table, MYEGA), else a
 * MYEGA curve built from its thermal data (glass transition, fragility, viscosity at melting, Littleton
 * softening point). MYEGA has three parameters (Tg, m, log10 eta_inf): with three such figures log10 eta_inf
 * is solved, and must fall in the physical range {@value #PHYSICAL_MIN_LOG_ETA_INF} to
 * {@value #PHYSICAL_MAX_LOG_ETA_INF}; with two the universal log10 eta_inf is assumed.
 */
public final class ViscosityFits {
    /** Bounds of log10 eta_inf (Pa s) seen in real liquids (Zheng et al., Phys. Rev. B 83 (2011) 212202: -2.93 +- ~1). */
    public static final double PHYSICAL_MIN_LOG_ETA_INF = -6;
    public static final double PHYSICAL_MAX_LOG_ETA_INF = 1;

    private ViscosityFits() {
    }

    /** The material's curve, or empty when its data do not fix one (the reason goes to whyNot). */
    public static Optional<ViscosityFit> of(Material m, List<String> whyNot) {
        if (m.viscosity() != null) {
            return Optional.of(new ViscosityFit(m.viscosity(), "as given (" + m.viscosityProvenance() + ")",
                    m.viscosityProvenance().isAssumed(), List.of(), null, ""));
        }
        SourcedValue tg = m.thermal().get("glassTransition");
        SourcedValue frag = m.thermal().get("fragility");
        SourcedValue tm = m.thermal().get("melting");
        SourcedValue etaTm = m.thermal().get("viscosityAtMelting");
        SourcedValue ts = m.thermal().get("softening");
        // fixed points: (T, log10 eta, words, assumed)
        List<double[]> points = new ArrayList<>();
        List<String> pointWords = new ArrayList<>();
        boolean assumed = false;
        if (tm != null && etaTm != null) {
            points.add(new double[] {tm.value(), Math.log10(etaTm.value())});
            pointWords.add(String.format(Locale.ROOT, "%.3g Pa s at the melting point %.0f K", etaTm.value(), tm.value()));
            assumed |= tm.provenance().isAssumed() || etaTm.provenance().isAssumed();
        }
        if (ts != null) {
            points.add(new double[] {ts.value(), MyegaViscosity.LOG_ETA_SOFTENING});
            pointWords.add(String.format(Locale.ROOT, "10^6.6 Pa s at the softening point %.0f K (Littleton, ASTM C338)", ts.value()));
            assumed |= ts.provenance().isAssumed();
        }
        assumed |= tg != null && tg.provenance().isAssumed() || frag != null && frag.provenance().isAssumed();
        String universal = String.format(Locale.ROOT, "log10 eta_inf %.2f (universal, Zheng et al. 2011; assumed)",
                MyegaViscosity.UNIVERSAL_LOG_ETA_INFINITY);
        double l0 = MyegaViscosity.UNIVERSAL_LOG_ETA_INFINITY;
        List<String> notes = new ArrayList<>();
        if (tg != null && frag != null && !points.isEmpty()) {
            double[] p = points.get(0);
            MyegaViscosity all = MyegaViscosity.throughAll(tg.value(), frag.value(), p[0], p[1], PHYSICAL_MIN_LOG_ETA_INF,
                    PHYSICAL_MAX_LOG_ETA_INF);
            String words = String.format(Locale.ROOT, "Tg %.0f K, fragility %.1f and %s", tg.value(), frag.value(), pointWords.get(0));
            if (all != null) {
                return Optional.of(new ViscosityFit(all, words + " (log10 eta_inf solved: " + String.format(Locale.ROOT, "%.2f", all.log10EtaInfinity())
                        + ")", assumed, notes, null, ""));
            }
            // inconsistent: the drawing happens near the fixed point, so the curve must pass through it
            MyegaViscosity through = MyegaViscosity.throughPoint(tg.value(), p[0], p[1], l0);
            MyegaViscosity fromM = new MyegaViscosity(l0, tg.value(), frag.value());
            notes.add(String.format(Locale.ROOT, "%s cannot all hold under MYEGA with log10 eta_inf between %.0f and %.0f Pa s: "
                    + "with Tg and m alone the curve gives %.3g Pa s at %.0f K; the curve through Tg and the measured point needs "
                    + "m = %.1f. The measured point lies where the glass is drawn, so that curve is used; the one from the "
                    + "fragility is reported as the alternative.", words, PHYSICAL_MIN_LOG_ETA_INF, PHYSICAL_MAX_LOG_ETA_INF,
                    Math.pow(10, fromM.log10Viscosity(p[0])), p[0], through == null ? Double.NaN : through.fragility()));
            if (through == null) {
                return Optional.of(new ViscosityFit(fromM, String.format(Locale.ROOT, "Tg %.0f K, fragility %.1f, %s", tg.value(),
                        frag.value(), universal), true, notes, null, ""));
            }
            return Optional.of(new ViscosityFit(through, String.format(Locale.ROOT, "Tg %.0f K and %s, %s (fragility implied: %.1f)",
                    tg.value(), pointWords.get(0), universal, through.fragility()), true, notes, fromM, String.format(Locale.ROOT,
                    "Tg %.0f K, fragility %.1f, %s", tg.value(), frag.value(), universal)));
        }
        if (tg != null && !points.isEmpty()) {
            double[] p = points.get(0);
            MyegaViscosity through = MyegaViscosity.throughPoint(tg.value(), p[0], p[1], l0);
            if (through != null) {
                return Optional.of(new ViscosityFit(through, String.format(Locale.ROOT, "Tg %.0f K and %s, %s (fragility implied: %.1f)",
                        tg.value(), pointWords.get(0), universal, through.fragility()), true, notes, null, ""));
            }
        }
        if (frag != null && !points.isEmpty()) {
            double[] p = points.get(0);
            MyegaViscosity through = MyegaViscosity.withFragilityThrough(frag.value(), p[0], p[1], l0);
            if (through != null) {
                return Optional.of(new ViscosityFit(through, String.format(Locale.ROOT, "fragility %.1f and %s, %s (Tg implied: %.0f K)",
                        frag.value(), pointWords.get(0), universal, through.glassTransition()), true, notes, null, ""));
            }
        }
        if (tg != null && frag != null) {
            return Optional.of(new ViscosityFit(new MyegaViscosity(l0, tg.value(), frag.value()), String.format(Locale.ROOT,
                    "Tg %.0f K, fragility %.1f, %s", tg.value(), frag.value(), universal), true, notes, null, ""));
        }
        whyNot.add(m.name() + " has no viscosity curve: give thermal data with two of glassTransition, fragility and a fixed point "
                + "(viscosityAtMelting with melting, or softening), or a viscosity: block (myega, vft or table)");
        return Optional.empty();
    }
}
