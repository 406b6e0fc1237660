package org.glassguide.solver.analysis;

import java.util.List;
import java.util.Map;

import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.design.Design;

/**
 * One analysis a design can list ("loss", "bpm", ...): the design section it owns and reads itself, the run on a design,
 * and the named scalar outputs that sweeps and optimisation use. Implementations are found by {@link Analyses} (listed in
 * META-INF/services/org.glassguide.solver.analysis.Analysis), so adding one touches its own package and that list; the
 * front ends write its report (a generic one, its outputs and summary, when no report of its own is registered).
 * Implementations are stateless: one instance serves every design and thread.
 *
 * @param <R> the run's immutable result
 */
public interface Analysis<R> {
    /** The name a design lists it by, under analyses:. */
    String name();

    /** The top-level design section it owns ("propagation" for bpm), or null when it reads only the shared parts. */
    default String section() {
        return null;
    }

    /**
     * Reads and validates its section, a node of the design file: every problem a one-line message with file:line:column,
     * the key path, the value and what is accepted. Called whenever the design has the section, listed or not.
     */
    default Object readSection(YamlNode node, SectionContext context) {
        throw new UnsupportedOperationException(name() + " owns no section");
    }

    /** The settings when the design has no section: its defaults, or null when a design listing the analysis must have one. */
    default Object defaultSection() {
        return null;
    }

    /** Whether it runs only on a fiber structure (a waveguide design listing it is refused when read). */
    default boolean needsFiber() {
        return false;
    }

    /** Whether it propagates on the context's compute backend (a GPU where one is chosen); the others run on the CPU. */
    default boolean usesComputeBackend() {
        return false;
    }

    /** Runs it on the design (every design wavelength); cancellation through the context's progress monitor. */
    R run(Design design, AnalysisContext context);

    /**
     * Its named scalar outputs, one row per design wavelength (or per length where the analysis steps along the fiber),
     * each row carrying its coordinate (wavelengthM, lengthM) first. Units are in the names (Db, M, PerCm) or the
     * values are dimensionless.
     */
    List<Map<String, Double>> outputs(R result);

    /** Whether the design lacks the section this analysis needs: it owns one, the design has none and there are no defaults. */
    default boolean lacksSection(Design design) {
        return section() != null && settings(design, Object.class) == null;
    }

    /** "needs a propagation: section", the words every message about a missing section uses. */
    default String needsSectionWords() {
        String key = section();
        return "needs " + ("aeiou".indexOf(key.charAt(0)) >= 0 ? "an " : "a ") + key + ": section";
    }

    /** This analysis' settings of the design: its section, or its defaults when the design has none (null if neither). */
    default <S> S settings(Design design, Class<S> type) {
        Object s = section() == null ? null : design.sections().get(section());
        return type.cast(s != null ? s : defaultSection());
    }
}
