package org.glassguide.solver.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.function.Consumer;

import org.glassguide.solver.compute.ComputeBackend;
import org.glassguide.solver.compute.ComputeBackends;

/**
 * The registry of analyses, found like the compute backends: every {@link Analysis} listed in
 * META-INF/services/org.glassguide.solver.analysis.Analysis on the class path of the thread's context class loader, in the
 * order listed (GlassGuide's own first). Names and sections must be unique.
 */
public final class Analyses {
    private static final Map<ClassLoader, List<Analysis<?>>> LOADED = Collections.synchronizedMap(new WeakHashMap<>());

    private Analyses() {
    }

    /** Every registered analysis. */
    public static List<Analysis<?>> all() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Analyses.class.getClassLoader();
        }
        return LOADED.computeIfAbsent(loader, Analyses::load);
    }

    /** The analysis of that name, or null. */
    public static Analysis<?> named(String name) {
        for (Analysis<?> a : all()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** The registered names, in order ("fiber, modes, bpm, ..." in messages). */
    public static List<String> names() {
        return all().stream().map(Analysis::name).toList();
    }

    /**
     * The backend an analysis runs on: the chosen device where it propagates ({@link Analysis#usesComputeBackend}), the
     * CPU otherwise (a note when a device was asked for: nothing of this analysis runs on one).
     */
    public static ComputeBackend backendFor(Analysis<?> analysis, String device, Consumer<String> notices) {
        if (analysis.usesComputeBackend()) {
            return ComputeBackends.select(device, notices);
        }
        if (device != null && !device.trim().equals("auto")) {
            notices.accept("note: --device " + device.trim() + " is ignored: this analysis (" + analysis.name() + ") runs on the CPU only");
        }
        return ComputeBackends.select("cpu", n -> { });
    }

    private static List<Analysis<?>> load(ClassLoader loader) {
        List<Analysis<?>> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        for (Analysis<?> a : ServiceLoader.load(Analysis.class, loader)) {
            if (names.contains(a.name())) {
                throw new IllegalStateException("two analyses named " + a.name() + " are registered");
            }
            if (a.section() != null && sections.contains(a.section())) {
                throw new IllegalStateException("two analyses own the section " + a.section());
            }
            names.add(a.name());
            if (a.section() != null) {
                sections.add(a.section());
            }
            found.add(a);
        }
        return List.copyOf(found);
    }
}
