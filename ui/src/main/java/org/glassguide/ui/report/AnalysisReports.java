package org.glassguide.ui.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

import org.glassguide.solver.analysis.Analysis;

/** The registry of analysis reports, found like the analyses themselves (the thread's context class loader). */
public final class AnalysisReports {
    private static final Map<ClassLoader, List<AnalysisReport<?>>> LOADED = Collections.synchronizedMap(new WeakHashMap<>());

    private AnalysisReports() {
    }

    /** The report registered for the analysis, or its outputs and summary when it has none. */
    @SuppressWarnings("unchecked")
    public static <R> AnalysisReport<R> forAnalysis(Analysis<R> analysis) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = AnalysisReports.class.getClassLoader();
        }
        for (AnalysisReport<?> r : LOADED.computeIfAbsent(loader, AnalysisReports::load)) {
            if (r.analysis().equals(analysis.name())) {
                return (AnalysisReport<R>) r;
            }
        }
        return new OutputsReport<>(analysis);
    }

    private static List<AnalysisReport<?>> load(ClassLoader loader) {
        List<AnalysisReport<?>> found = new ArrayList<>();
        for (AnalysisReport<?> r : ServiceLoader.load(AnalysisReport.class, loader)) {
            found.add(r);
        }
        return List.copyOf(found);
    }
}
