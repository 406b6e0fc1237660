package org.glassguide.ui.fx.viewmodel;

import java.util.Locale;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.fiber.GuidedMode;
import org.glassguide.solver.fiber.StepIndexFiber;
import org.glassguide.solver.fiber.StepIndexFields;
import org.glassguide.solver.fiber.StepIndexModeSolver;

/**
 * The teaching view: wavelength, core diameter and the two indices on sliders; NA, acceptance angle, critical angle,
 * V, the number of modes and the fundamental mode's profile follow live, each with a sentence of explanation.
 */
public final class TeachingViewModel {
    private final DoubleProperty wavelengthNm = new SimpleDoubleProperty(633);
    private final DoubleProperty coreDiameterUm = new SimpleDoubleProperty(8);
    private final DoubleProperty nCore = new SimpleDoubleProperty(1.56);
    private final DoubleProperty nClad = new SimpleDoubleProperty(1.44);
    private final ReadOnlyObjectWrapper<FiberNumbers> numbers = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<double[][]> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<java.util.List<ModePicture>> pictures = new ReadOnlyObjectWrapper<>(java.util.List.of());

    /** A guided LP mode's name and intensity picture over twice the core diameter (normalised to 1, the core outlined, axes in um). */
    public record ModePicture(String name, FieldMap intensity) {
    }

    /** Mode pictures are drawn while the fiber guides fewer LP groups than this. */
    public static final int PICTURED = 6;

    public TeachingViewModel() {
        for (DoubleProperty p : new DoubleProperty[] {wavelengthNm, coreDiameterUm, nCore, nClad}) {
            p.addListener((o, a, b) -> update());
        }
        update();
    }

    public DoubleProperty wavelengthNmProperty() {
        return wavelengthNm;
    }

    public DoubleProperty coreDiameterUmProperty() {
        return coreDiameterUm;
    }

    public DoubleProperty nCoreProperty() {
        return nCore;
    }

    public DoubleProperty nCladProperty() {
        return nClad;
    }

    public ReadOnlyObjectProperty<FiberNumbers> numbersProperty() {
        return numbers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The fundamental mode's intensity against r / a: {r/a values, intensity}, or null when nothing is guided. */
    public ReadOnlyObjectProperty<double[][]> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** The first guided LP modes (up to {@link #PICTURED}); empty when V is too large to solve on every slider move. */
    public ReadOnlyObjectProperty<java.util.List<ModePicture>> picturesProperty() {
        return pictures.getReadOnlyProperty();
    }

    /** Critical angle at the core boundary, from the axis-normal (degrees). */
    public double criticalAngleDeg() {
        return Math.toDegrees(Math.asin(Math.min(1, nClad.get() / nCore.get())));
    }

    private void update() {
        double n1 = nCore.get();
        double n2 = nClad.get();
        if (!(n1 > n2)) {
            numbers.set(null);
            profile.set(null);
            explanation.set(String.format(Locale.ROOT, "The core (n = %.4f) must be denser than the cladding (n = %.4f): with n_core <= n_clad no ray "
                    + "is reflected totally and nothing is guided.", n1, n2));
            return;
        }
        double a = coreDiameterUm.get() * 0.5e-6;
        double wl = wavelengthNm.get() * 1e-9;
        FiberNumbers f = FiberNumbers.of(a, n1, n2, wl, 1.0);
        numbers.set(f);
        StepIndexFiber fiber = new StepIndexFiber(a, n1, n2, wl);
        if (!f.exact()) {
            profile.set(null);
            pictures.set(java.util.List.of());
            explanation.set(String.format(Locale.ROOT, "NA = %.4f, acceptance %.1f°, V = %.4g: about %d modes (V²/2) — a strongly multimode guide; "
                    + "light fills the whole core and ray optics describes it. Make the core smaller, the wavelength longer or the index step "
                    + "smaller to see single modes.", f.na(), f.acceptanceDeg(), f.v(), f.modes()));
            return;
        }
        java.util.List<GuidedMode> all = new StepIndexModeSolver().solve(fiber, false, ProgressMonitor.NONE).lpModes();
        GuidedMode lp01 = all.get(0);
        java.util.List<ModePicture> pics = new java.util.ArrayList<>();
        int px = 61;
        for (GuidedMode m : all.subList(0, Math.min(PICTURED, all.size()))) {
            pics.add(new ModePicture(m.name(), FieldMap.square(Pictures.square(px, 2 * a, (x, y) -> StepIndexFields.intensity(fiber, m, x, y)), 2 * a,
                    "relative intensity", a)));
        }
        pictures.set(pics);
        int n = 121;
        double[] r = new double[n];
        double[] y = new double[n];
        double peak = StepIndexFields.intensity(fiber, lp01, 0, 0);
        for (int i = 0; i < n; i++) {
            r[i] = 3.0 * i / (n - 1);
            y[i] = StepIndexFields.intensity(fiber, lp01, r[i] * a, 0) / peak;
        }
        profile.set(new double[][] {r, y});
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Total internal reflection: a ray meeting the core boundary more obliquely than the critical angle %.1f° "
                + "(sin θc = n_clad / n_core) is reflected completely and stays in the core.%n%n", criticalAngleDeg()));
        b.append(String.format(Locale.ROOT, "Numerical aperture NA = sqrt(n_core² − n_clad²) = %.4f: rays from air within %.1f° of the axis are "
                + "guided — the acceptance cone.%n%n", f.na(), f.acceptanceDeg()));
        b.append(String.format(Locale.ROOT, "V = (2π a / λ) NA = %.4g measures the core in wavelengths of the guide. ", f.v()));
        if (f.v() < 2.405) {
            b.append("Below 2.405 (the first zero of J0) only LP01 is guided: a single-mode fiber.");
        } else {
            b.append(String.format(Locale.ROOT, "Above 2.405 more modes are guided: %s%d LP mode groups, %s%d modes with both polarisations "
                    + "(≈ V²/2 for large V).", f.exact() ? "" : "≈", f.lpGroups(), f.exact() ? "" : "≈", f.modes()));
        }
        b.append(String.format(Locale.ROOT, "%n%nThe fundamental mode spreads past the core: %.3g %% of its power travels in the cladding (more as V falls).",
                100 * (1 - StepIndexFields.corePowerFraction(fiber, lp01))));
        explanation.set(b.toString());
    }
}
