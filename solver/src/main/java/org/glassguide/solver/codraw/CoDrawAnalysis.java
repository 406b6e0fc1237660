package org.glassguide.solver.codraw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;

import org.glassguide.materials.Material;
import org.glassguide.materials.ViscosityFits;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.thermal.ViscosityFit;
import org.glassguide.materials.thermal.ViscosityModel;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.analysis.SectionContext;
import org.glassguide.solver.codraw.CoDrawResult.Glass;
import org.glassguide.solver.codraw.CoDrawResult.ToleranceRow;
import org.glassguide.solver.codraw.CoDrawResult.Window;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.design.Layer;
import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.StepIndexAnalysis;

/**
 * Can these two glasses be drawn together, at what temperature, and what fiber comes out? The core is
 * the fiber's first layer, the cladding its second. Viscosity curves come from the catalog
 * ({@link ViscosityFits}); all curves fall monotonically with temperature, so each glass's drawable span
 * is one interval found by inverting its curve at the span's ends.
 */
public final class CoDrawAnalysis implements Analysis<CoDrawResult> {
    /** Temperatures searched (K): wide enough for every glass from polymers to silica. */
    static final double T_LOW = 50;
    static final double T_HIGH = 5000;

    private final StepIndexAnalysis stepIndex = new StepIndexAnalysis();

    public CoDrawResult analyse(Design design, DrawSettings settings, Consumer<String> warnings, ProgressMonitor monitor) {
        if (!design.isFiber() || design.fiber().layers().size() < 2) {
            throw new GlassGuideException(Messages.FIBER_LAYERS, "a core and a cladding layer for a co-draw", design.isFiber()
                    ? design.fiber().layers().size() : 0);
        }
        FiberStructure fiber = design.fiber();
        Material coreMat = fiber.layers().get(0).material();
        Material cladMat = fiber.layers().get(1).material();
        monitor.progress(0, 3, "viscosity curves");
        Glass core = glass(coreMat, settings);
        Glass clad = glass(cladMat, settings);
        double tDec = Math.min(nanToInf(core.decomposition()), nanToInf(clad.decomposition()));
        double decomposition = Double.isInfinite(tDec) ? Double.NaN : tDec;
        ViscosityModel coreCurve = core.fit().model();
        ViscosityModel cladCurve = clad.fit().model();
        Window co = coViscous(core, clad, coreCurve, cladCurve, settings, tDec);
        Window molten = moltenCore(clad, coreCurve, cladCurve, tDec);
        Window altCo = null;
        Window altMolten = null;
        ViscosityModel coreAlt = core.fit().alternative() != null ? core.fit().alternative() : coreCurve;
        ViscosityModel cladAlt = clad.fit().alternative() != null ? clad.fit().alternative() : cladCurve;
        if (coreAlt != coreCurve || cladAlt != cladCurve) {
            Glass ca = withCurve(core, coreAlt, settings);
            Glass la = withCurve(clad, cladAlt, settings);
            altCo = coViscous(ca, la, coreAlt, cladAlt, settings, tDec);
            altMolten = moltenCore(la, coreAlt, cladAlt, tDec);
        }
        List<String> explanation = explain(core, clad, co, molten, altCo, altMolten, settings, decomposition);
        List<String> risks = risks(core, clad, co, molten, coreMat, cladMat);
        monitor.progress(1, 3, "drawn fiber");
        CoDrawResult.Drawn drawn = drawn(design, settings, warnings, monitor);
        monitor.progress(3, 3, "done");
        return new CoDrawResult(core, clad, settings.drawLog10Min(), settings.drawLog10Max(), settings.drawRangeSource(), co, molten,
                altCo, altMolten, decomposition, explanation, risks, drawn);
    }

    private static double nanToInf(double t) {
        return Double.isNaN(t) ? Double.POSITIVE_INFINITY : t;
    }

    private static Glass glass(Material m, DrawSettings s) {
        List<String> whyNot = new ArrayList<>();
        ViscosityFit fit = ViscosityFits.of(m, whyNot).orElseThrow(() -> new GlassGuideException(Messages.MISSING_KEY,
                "thermal data for a viscosity curve", m.name() + " (" + String.join("; ", whyNot) + ")"));
        double tDec = Double.NaN;
        String decSource = "";
        SourcedValue tm = m.thermal().get("melting");
        SourcedValue win = m.thermal().get("processingWindow");
        if (tm != null && win != null) {
            tDec = tm.value() + win.value();
            decSource = String.format(Locale.ROOT, "melting point %.0f K + %.0f K window before decomposition (%s)", tm.value(),
                    win.value(), win.provenance());
        }
        return withCurve(new Glass(m.name(), fit, 0, 0, tDec, decSource), fit.model(), s);
    }

    private static Glass withCurve(Glass g, ViscosityModel curve, DrawSettings s) {
        double from = curve.temperatureAt(s.drawLog10Max(), T_LOW, T_HIGH);
        double to = curve.temperatureAt(s.drawLog10Min(), T_LOW, T_HIGH);
        return new Glass(g.material(), g.fit(), from, to, g.decomposition(), g.decompositionSource());
    }

    private static Window coViscous(Glass a, Glass b, ViscosityModel ca, ViscosityModel cb, DrawSettings s, double tDec) {
        double from = Math.max(a.drawableFrom(), b.drawableFrom());
        double to = Math.min(Math.min(a.drawableTo(), b.drawableTo()), tDec);
        if (!(to >= from)) {
            return Window.EMPTY;
        }
        return new Window(from, to, ca.log10Viscosity(from) - cb.log10Viscosity(from), ca.log10Viscosity(to) - cb.log10Viscosity(to));
    }

    /** The longest interval in the cladding's drawable span, below decomposition, where the core is no stiffer. */
    private static Window moltenCore(Glass clad, ViscosityModel core, ViscosityModel cladCurve, double tDec) {
        double lo = clad.drawableFrom();
        double hi = Math.min(clad.drawableTo(), tDec);
        if (!(hi > lo)) {
            return Window.EMPTY;
        }
        DoubleUnaryOperator g = t -> core.log10Viscosity(t) - cladCurve.log10Viscosity(t);
        int n = 2000;
        double bestFrom = Double.NaN;
        double bestTo = Double.NaN;
        double runFrom = Double.NaN;
        double prevT = lo;
        boolean prevIn = g.applyAsDouble(lo) <= 0;
        if (prevIn) {
            runFrom = lo;
        }
        for (int i = 1; i <= n; i++) {
            double t = lo + (hi - lo) * i / n;
            boolean in = g.applyAsDouble(t) <= 0;
            if (in && !prevIn) {
                runFrom = edge(g, prevT, t);
            }
            if ((!in || i == n) && (prevIn || in)) {
                double runTo = in ? t : edge(g, prevT, t);
                if (!(runTo - runFrom <= bestTo - bestFrom)) {
                    bestFrom = runFrom;
                    bestTo = runTo;
                }
            }
            prevIn = in;
            prevT = t;
        }
        if (Double.isNaN(bestFrom)) {
            return Window.EMPTY;
        }
        return new Window(bestFrom, bestTo, g.applyAsDouble(bestFrom), g.applyAsDouble(bestTo));
    }

    // where g changes sign between a and b
    private static double edge(DoubleUnaryOperator g, double a, double b) {
        boolean aIn = g.applyAsDouble(a) <= 0;
        for (int i = 0; i < 60; i++) {
            double m = 0.5 * (a + b);
            if ((g.applyAsDouble(m) <= 0) == aIn) {
                a = m;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    private static String k(double t) {
        return String.format(Locale.ROOT, "%.0f K (%.0f °C)", t, t - 273.15);
    }

    private static String pow(double log) {
        return String.format(Locale.ROOT, "10^%.1f", log);
    }

    private static List<String> explain(Glass core, Glass clad, Window co, Window molten, Window altCo, Window altMolten,
            DrawSettings s, double tDec) {
        List<String> e = new ArrayList<>();
        e.add("Drawable viscosity: " + pow(s.drawLog10Min()) + " to " + pow(s.drawLog10Max()) + " Pa s (" + s.drawRangeSource() + ").");
        for (Glass g : List.of(core, clad)) {
            String span = Double.isNaN(g.drawableFrom()) || Double.isNaN(g.drawableTo())
                    ? "does not cross the whole span between " + k(T_LOW) + " and " + k(T_HIGH)
                    : "is drawable from " + k(g.drawableFrom()) + " to " + k(g.drawableTo());
            e.add((g == core ? "Core " : "Cladding ") + g.material() + " " + span + "; its curve: " + g.fit().model().describe()
                    + ", from " + g.fit().basis() + ".");
            g.fit().notes().forEach(e::add);
        }
        if (!Double.isNaN(tDec)) {
            Glass d = core.decomposition() == tDec ? core : clad;
            e.add("Above " + k(tDec) + " " + d.material() + " decomposes (" + d.decompositionSource() + "): every window ends there.");
        }
        if (!co.isEmpty()) {
            e.add("Both glasses lie in the drawable span together from " + k(co.from()) + " to " + k(co.to()) + " (" + String.format(
                    Locale.ROOT, "%.0f K wide", co.width()) + "); the core/cladding viscosity ratio runs from " + pow(co.log10RatioAtFrom())
                    + " to " + pow(co.log10RatioAtTo()) + " across it.");
        } else {
            e.add("No temperature puts both glasses in the drawable span at once: " + reasonNoOverlap(core, clad, tDec) + ".");
        }
        if (!molten.isEmpty()) {
            e.add("With the cladding tube carrying the draw tension and the core no stiffer than it (a molten-core co-draw, the usual "
                    + "way to draw a core glass that melts below the cladding's softening point), the window is " + k(molten.from())
                    + " to " + k(molten.to()) + "; there the core is " + pow(-molten.log10RatioAtFrom()) + " to "
                    + pow(-molten.log10RatioAtTo()) + " times less viscous than the cladding.");
        } else {
            e.add("No molten-core window either: in the cladding's drawable span the core is stiffer than the cladding or decomposes.");
        }
        if (altCo != null) {
            e.add("With the alternative reading of the data (" + alternativeBasis(core, clad) + "): co-viscous window "
                    + windowWords(altCo) + ", molten-core window " + windowWords(altMolten) + ".");
        }
        return e;
    }

    private static String alternativeBasis(Glass core, Glass clad) {
        List<String> parts = new ArrayList<>();
        for (Glass g : List.of(core, clad)) {
            if (g.fit().alternative() != null) {
                parts.add(g.material() + ": " + g.fit().alternativeBasis());
            }
        }
        return String.join("; ", parts);
    }

    private static String windowWords(Window w) {
        return w.isEmpty() ? "none" : k(w.from()) + " to " + k(w.to());
    }

    private static String reasonNoOverlap(Glass core, Glass clad, double tDec) {
        if (core.drawableTo() < clad.drawableFrom()) {
            return core.material() + " is already too fluid at " + k(core.drawableTo()) + ", before " + clad.material() + " softens enough at " + k(clad.drawableFrom());
        }
        if (clad.drawableTo() < core.drawableFrom()) {
            return clad.material() + " is already too fluid at " + k(clad.drawableTo()) + ", before " + core.material()
                    + " becomes drawable at " + k(core.drawableFrom());
        }
        return "the overlap lies above the decomposition onset " + k(tDec);
    }

    private static List<String> risks(Glass core, Glass clad, Window co, Window molten, Material coreMat, Material cladMat) {
        List<String> r = new ArrayList<>();
        for (Glass g : List.of(core, clad)) {
            if (g.fit().assumed()) {
                r.add(g.material() + "'s viscosity curve rests on assumed values (" + g.fit().basis() + "): the window edges move with "
                        + "them; replace them with measured viscosities where possible.");
            }
        }
        Window w = !co.isEmpty() ? co : molten;
        if (!w.isEmpty() && (Math.abs(w.log10RatioAtFrom()) > 3 || Math.abs(w.log10RatioAtTo()) > 3)) {
            r.add("Viscosity ratio beyond 10^3 in the window: the softer glass flows ahead of the other in the neck; "
                    + "expect core-diameter variations and keep the neck short (fast draw, narrow hot zone).");
        }
        List<String> noCrystalData = new ArrayList<>();
        for (Material m : List.of(coreMat, cladMat)) {
            SourcedValue stable = m.thermal().get("stableGlassUpTo");
            if (stable == null) {
                noCrystalData.add(m.name());
            } else {
                String where = w.isEmpty() ? "" : w.from() > stable.value()
                        ? "; the window lies above it (a melt), so what matters is the cooling through that range after the neck"
                        : w.to() <= stable.value() ? "; the window lies within it" : "; the window reaches above it: hold times there are untested";
                r.add(String.format(Locale.ROOT, "Crystallisation: %s is known to stay glassy up to %s (%s; %s)%s.", m.name(), k(stable.value()),
                        stable.note().isEmpty() ? "no conditions given" : stable.note(), stable.provenance(), where));
            }
        }
        if (!noCrystalData.isEmpty()) {
            r.add("Crystallisation: the catalog has no devitrification data for " + String.join(" or ", noCrystalData)
                    + "; it cannot be assessed here.");
        }
        SourcedValue ac = coreMat.thermal().get("expansion");
        SourcedValue al = cladMat.thermal().get("expansion");
        if (ac != null && al != null) {
            double d = ac.value() - al.value();
            r.add(String.format(Locale.ROOT, "Thermal expansion: core %.3g /K, cladding %.3g /K (mismatch %.3g /K): on cooling the cladding is put "
                    + "in %s, %s.", ac.value(), al.value(), d, d > 0 ? "compression (the core shrinks more)" : "tension (it shrinks more than the core)",
                    d > 0 ? "which strengthens the fiber" : "a risk of cracking from the surface"));
        } else {
            List<String> missing = new ArrayList<>();
            if (ac == null) {
                missing.add(coreMat.name());
            }
            if (al == null) {
                missing.add(cladMat.name());
            }
            r.add("Thermal expansion: no expansion coefficient in the catalog for " + String.join(" or ", missing)
                    + ", so the residual stress of the mismatch cannot be assessed here.");
        }
        return r;
    }

    private CoDrawResult.Drawn drawn(Design design, DrawSettings s, Consumer<String> warnings, ProgressMonitor monitor) {
        FiberStructure f = design.fiber();
        double coreD = 2 * f.layers().get(0).outerRadius();
        double outerD = 2 * f.layers().get(1).outerRadius();
        if (s.preform() != null) {
            coreD = s.preform().fiberCoreDiameter();
            outerD = s.preform().fiberOuterDiameter();
        }
        List<FiberAnalysis> optics = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        List<ToleranceRow> tol = new ArrayList<>();
        FiberStructure drawnFiber = scaled(f, coreD, outerD, 1);
        Material coreMat = f.layers().get(0).material();
        if (f.layers().size() != 2) {
            warnings.accept("warning: the drawn fiber's optics need exactly a core and a cladding layer; " + f.layers().size()
                    + " layers given, so NA, V and modes are not computed");
            return new CoDrawResult.Drawn(s.preform(), coreD, outerD, optics, loss, tol);
        }
        for (double wl : design.wavelengths()) {
            monitor.checkCancelled();
            FiberAnalysis a = stepIndex.analyse(drawnFiber, wl, design.options(), warnings, ProgressMonitor.NONE);
            optics.add(a);
            double alpha = coreMat.attenuationModel().filter(m -> m.validRange().contains(wl)).map(m -> m.alpha(wl)).orElse(Double.NaN);
            loss.add(alpha * Units.DB_PER_NEPER_POWER / 100);
            double[] scales = s.tolerance() > 0 ? new double[] {1 - s.tolerance(), 1, 1 + s.tolerance()} : new double[] {1};
            for (double sc : scales) {
                FiberAnalysis t = sc == 1 ? a : stepIndex.analyse(scaled(f, coreD, outerD, sc), wl, design.options(), x -> { },
                        ProgressMonitor.NONE);
                tol.add(new ToleranceRow(wl, sc, coreD * sc, t.vNumber(), (int) t.modes().lpGroupCount(), t.cutoffWavelengthLP11(),
                        t.modeFieldDiameter()));
            }
        }
        return new CoDrawResult.Drawn(s.preform(), coreD, outerD, optics, loss, tol);
    }

    private static FiberStructure scaled(FiberStructure f, double coreD, double outerD, double scale) {
        List<Layer> layers = new ArrayList<>(f.layers());
        Layer c = layers.get(0);
        Layer o = layers.get(1);
        layers.set(0, new Layer(c.material(), coreD / 2 * scale, c.gradeExponent()));
        layers.set(1, new Layer(o.material(), outerD / 2 * scale, o.gradeExponent()));
        return new FiberStructure(layers, f.surround());
    }

    @Override
    public String name() {
        return DrawSettings.SECTION;
    }

    @Override
    public String section() {
        return DrawSettings.SECTION;
    }

    @Override
    public Object readSection(YamlNode node, SectionContext context) {
        return DrawSectionReader.readCoDraw(node);
    }

    @Override
    public Object defaultSection() {
        return DrawSettings.defaults();
    }

    @Override
    public boolean needsFiber() {
        return true;
    }

    @Override
    public CoDrawResult run(Design design, AnalysisContext context) {
        return analyse(design, DrawSettings.of(design), context.warnings(), context.progress());
    }

    /** The windows and the drawn fiber's diameters on every row; one row per wavelength of the drawn fiber's optics. */
    @Override
    public List<Map<String, Double>> outputs(CoDrawResult r) {
        List<Map<String, Double>> rows = new ArrayList<>();
        Map<String, Double> common = new LinkedHashMap<>();
        common.put("coViscousFromK", r.coViscous().from());
        common.put("coViscousToK", r.coViscous().to());
        common.put("coViscousWidthK", r.coViscous().width());
        common.put("moltenCoreFromK", r.moltenCore().from());
        common.put("moltenCoreToK", r.moltenCore().to());
        common.put("moltenCoreWidthK", r.moltenCore().width());
        common.put("drawnCoreDiameterM", r.drawn().coreDiameter());
        common.put("drawnOuterDiameterM", r.drawn().outerDiameter());
        if (r.drawn().optics().isEmpty()) {
            rows.add(common);
        }
        for (org.glassguide.solver.fiber.FiberAnalysis a : r.drawn().optics()) {
            Map<String, Double> m = new LinkedHashMap<>(common);
            m.putAll(a.outputs());
            rows.add(m);
        }
        return rows;
    }
}
