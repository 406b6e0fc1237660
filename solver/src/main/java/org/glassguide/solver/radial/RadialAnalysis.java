package org.glassguide.solver.radial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.glassguide.materials.ComplexIndex;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.ModalLoss;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.Warnings;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.design.Layer;
import org.glassguide.solver.design.SolverSettings;

/**
 * Runs the radial solver on a layered fiber design at one wavelength: builds n(r) + i k(r) from the
 * materials (bulk attenuation included, so modal loss follows), solves every guided LP mode and
 * reports the listed ones with loss, effective area, core confinement and, if asked, the group index
 * from a central difference in wavelength on the same grid (so the discretisation error cancels).
 */
public final class RadialAnalysis {
    /** Relative wavelength step of the group-index difference; its O(step^2) error is below 1e-8. */
    private static final double DLAMBDA = 1e-4;

    private final RadialModeSolver solver = new RadialModeSolver();

    /** The index profile of a design at one wavelength; the outermost layer is taken as infinite. */
    public static RadialIndexProfile profile(FiberStructure s, double wavelength, boolean allowExtrapolation,
            Consumer<String> warnings) {
        int layers = s.layers().size();
        if (layers < 2) {
            throw new GlassGuideException(Messages.FIBER_LAYERS, "at least 2 layers (core and cladding) for guidance", layers);
        }
        double[] outer = new double[layers - 1];
        double[] nIn = new double[layers];
        double[] nOut = new double[layers];
        double[] g = new double[layers];
        double[] k = new double[layers];
        ComplexIndex[] idx = new ComplexIndex[layers];
        for (int i = 0; i < layers; i++) {
            idx[i] = s.layers().get(i).material().complexIndex(wavelength, allowExtrapolation, warnings);
        }
        for (int i = 0; i < layers; i++) {
            Layer l = s.layers().get(i);
            if (i < layers - 1) {
                outer[i] = l.outerRadius();
            }
            nIn[i] = idx[i].n();
            nOut[i] = l.isGraded() ? idx[i + 1].n() : idx[i].n();
            g[i] = l.gradeExponent();
            k[i] = idx[i].k();
        }
        return new RadialIndexProfile(outer, nIn, nOut, g, k);
    }

    public RadialAnalysisResult analyse(FiberStructure s, double wavelength, SolverSettings settings, boolean allowExtrapolation,
            Consumer<String> warnings, ProgressMonitor monitor) {
        List<String> notes = new ArrayList<>();
        Consumer<String> sink = Warnings.deduplicating(notes, warnings);
        RadialIndexProfile full = profile(s, wavelength, allowExtrapolation, sink);
        // a high-index outer layer makes the core modes leaky: find them in the profile without it,
        // then continue each into the complex plane with a PML in the outer layer
        boolean leaky = full.isLeaky();
        RadialIndexProfile p = leaky ? full.withoutOuterLayer() : full;
        if (leaky) {
            sink.accept(String.format(java.util.Locale.ROOT, "note: the outermost layer (n = %.6f) is above the cladding (n = %.6f) at %s nm:"
                    + " the modes listed are leaky; their loss includes tunnelling into it (PML in the outer layer)",
                    full.claddingIndex(), full.innerCladdingIndex(), Units.nm(wavelength)));
        }
        RadialModeSolver.Settings grid = new RadialModeSolver.Settings(settings.pointsPerPeriod(), 0, settings.domainRadius());
        RadialModes modes = solver.solve(p, wavelength, grid, monitor);
        Map<Integer, LeakyModeSolver> leakyByOrder = new HashMap<>();
        int listed = Math.min(settings.modes(), modes.modes().size());
        Map<String, Double> plus = Map.of();
        Map<String, Double> minus = Map.of();
        if (settings.groupIndex() && listed > 0) {
            // same grid and wall for the neighbours, so the discretisation error cancels in the difference
            double wall = modes.radius(modes.gridPoints() - 1) + 0.5 * modes.step();
            RadialModeSolver.Settings fixed = new RadialModeSolver.Settings(settings.pointsPerPeriod(), modes.step(), wall);
            plus = nEffByName(solver.solve(profile(s, wavelength * (1 + DLAMBDA), allowExtrapolation, sink), wavelength * (1 + DLAMBDA),
                    fixed, monitor));
            minus = nEffByName(solver.solve(profile(s, wavelength * (1 - DLAMBDA), allowExtrapolation, sink), wavelength * (1 - DLAMBDA),
                    fixed, monitor));
        }
        List<ModeReport> reports = new ArrayList<>(listed);
        for (int i = 0; i < listed; i++) {
            RadialMode m = modes.modes().get(i);
            monitor.checkCancelled();
            double[] fractions = modes.powerFractions(m);
            double ng = Double.NaN;
            Double np = plus.get(m.name());
            Double nm = minus.get(m.name());
            if (np != null && nm != null) {
                ng = m.nEff() - (np - nm) / (2 * DLAMBDA);
            }
            double nRe = m.nEff();
            double nIm = m.nEffImag();
            if (leaky) {
                LeakyModeSolver ls = leakyByOrder.computeIfAbsent(m.order(),
                        l -> new LeakyModeSolver(full, wavelength, modes.step(), l, LeakyModeSolver.Pml.defaults(wavelength)));
                double[] ne = ls.effectiveIndex(m.eigenvalue());
                nRe = ne[0];
                nIm = ne[1];
            }
            double lossDbPerCm = (full.isPassive() ? ModalLoss.passiveDbPerMetre(m.name(), nRe, nIm, wavelength, sink)
                    : ModalLoss.dbPerMetre(nIm, wavelength)) / 100;
            reports.add(new ModeReport(m.name(), m.order(), m.radialOrder(), nRe, nIm, lossDbPerCm, modes.effectiveArea(m),
                    fractions[0], ng, fractions));
        }
        if (settings.groupIndex() && reports.stream().anyMatch(r -> Double.isNaN(r.groupIndex()))) {
            sink.accept("note: group index undefined for modes within " + DLAMBDA * 1e2 + " % in wavelength of cutoff at "
                    + Units.nm(wavelength) + " nm");
        }
        List<RadialVectorModeSolver.VectorMode> vector = settings.vector()
                ? new RadialVectorModeSolver().solve(p, wavelength, grid, monitor) : List.of();
        return new RadialAnalysisResult(wavelength, modes, reports, vector, notes);
    }

    private static Map<String, Double> nEffByName(RadialModes m) {
        Map<String, Double> out = new HashMap<>();
        for (RadialMode x : m.modes()) {
            out.put(x.name(), x.nEff());
        }
        return out;
    }
}
