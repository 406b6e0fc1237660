package org.glassguide.ui.toy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.AnalysisContext;
import org.glassguide.solver.analysis.SectionContext;
import org.glassguide.solver.design.Design;

/**
 * A small analysis that lives only in the tests, to show what adding one takes: this package and one line in a services
 * file. "contrast": the relative index difference Delta = (n1^2 - n2^2) / (2 n1^2) of a fiber's core and first cladding
 * at each design wavelength, from its own section {@code contrast: { scale: fraction | percent }}.
 */
public final class IndexContrastAnalysis implements Analysis<IndexContrastAnalysis.Result> {
    /** The section's settings. */
    public record Settings(boolean percent) {
    }

    /** Delta at each wavelength (in the section's scale). */
    public record Result(double[] wavelengths, double[] delta) {
    }

    @Override
    public String name() {
        return "contrast";
    }

    @Override
    public String section() {
        return "contrast";
    }

    @Override
    public Object readSection(YamlNode node, SectionContext context) {
        node.requireMap().allowOnly(List.of("scale"));
        YamlNode scale = node.optional("scale").orElse(null);
        if (scale == null) {
            return new Settings(false);
        }
        String s = scale.text();
        if (!s.equals("fraction") && !s.equals("percent")) {
            throw scale.error(Messages.BAD_CHOICE, scale.path(), s, "fraction, percent");
        }
        return new Settings(s.equals("percent"));
    }

    @Override
    public Object defaultSection() {
        return new Settings(false);
    }

    @Override
    public boolean needsFiber() {
        return true;
    }

    @Override
    public Result run(Design design, AnalysisContext context) {
        Settings s = settings(design, Settings.class);
        int n = design.wavelengths().size();
        double[] wl = new double[n];
        double[] delta = new double[n];
        for (int i = 0; i < n; i++) {
            context.progress().checkCancelled();
            wl[i] = design.wavelengths().get(i);
            double n1 = design.fiber().layers().get(0).material().n(wl[i], design.options().allowExtrapolation(), context.warnings());
            double n2 = design.fiber().layers().get(1).material().n(wl[i], design.options().allowExtrapolation(), context.warnings());
            delta[i] = (n1 * n1 - n2 * n2) / (2 * n1 * n1) * (s.percent() ? 100 : 1);
        }
        return new Result(wl, delta);
    }

    @Override
    public List<Map<String, Double>> outputs(Result r) {
        List<Map<String, Double>> rows = new ArrayList<>();
        for (int i = 0; i < r.wavelengths().length; i++) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("wavelengthM", r.wavelengths()[i]);
            m.put("relativeIndexDifference", r.delta()[i]);
            rows.add(m);
        }
        return rows;
    }
}
