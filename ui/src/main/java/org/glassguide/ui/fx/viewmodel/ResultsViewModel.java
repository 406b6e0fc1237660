package org.glassguide.ui.fx.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.units.Units;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.emission.EmissionAnalysis;
import org.glassguide.solver.emission.EmissionSettings;
import org.glassguide.solver.gain.Channel;
import org.glassguide.solver.gain.GainAnalysis;
import org.glassguide.solver.gain.GainSettings;
import org.glassguide.solver.loss.LossBudget;
import org.glassguide.solver.loss.LossResult;
import org.glassguide.solver.loss.LossSettings;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Loss, emission and gain of the current fiber design, each run in the background: the loss budget's parts per
 * wavelength (stacked bars), the guided emission's output spectrum and CIE xy colour per length, and the amplifier's
 * powers along the fiber. A design without a loss: section gets the default budget (1 cm, both faces).
 */
public final class ResultsViewModel {
    /** Stacked bars: one series per part, one value (dB) per category. */
    public record Bars(List<String> categories, List<String> parts, double[][] values, String title) {
    }

    /** Lines sharing an x axis. */
    public record Lines(String title, String xLabel, String yLabel, List<String> names, double[] x, List<double[]> y) {
    }

    /** The output colour at each length. */
    public record Colour(List<String> labels, List<double[]> xy, Lines spectrum) {
    }

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Bars> loss = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Lines> gain = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Lines> gainVsLength = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Colour> colour = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public ResultsViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    public ReadOnlyObjectProperty<Bars> lossProperty() {
        return loss.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Lines> gainProperty() {
        return gain.getReadOnlyProperty();
    }

    /** Each signal's gain (dB) against fiber length: the amplifier's length study. */
    public ReadOnlyObjectProperty<Lines> gainVsLengthProperty() {
        return gainVsLength.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Colour> colourProperty() {
        return colour.getReadOnlyProperty();
    }

    /** The loss budget as CSV (one row per wavelength, one column per part, dB over the length), empty before a run. */
    public String lossCsv() {
        Bars b = loss.get();
        if (b == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("wavelength");
        b.parts().forEach(p -> out.append(",\"").append(p).append(" [dB]\""));
        out.append('\n');
        for (int c = 0; c < b.categories().size(); c++) {
            out.append(b.categories().get(c));
            for (int k = 0; k < b.parts().size(); k++) {
                out.append(String.format(Locale.ROOT, ",%.8g", b.values()[k][c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private record All(LossResult loss, GainAnalysis.Result gain, EmissionAnalysis.Result emission) {
    }

    public void run(Design d) {
        if (d == null || !d.isFiber() || d.fiber().layers().size() != 2) {
            error.set("loss, emission and gain need a step-index fiber design (core and cladding)");
            return;
        }
        error.set("");
        runner.run("loss, emission and gain", m -> {
            LossSettings ls = LossSettings.of(d) == null ? LossSettings.defaults() : LossSettings.of(d);
            LossResult lr = new LossBudget().analyse(d, ls, w -> { }, ProgressMonitor.NONE);
            m.checkCancelled();
            GainAnalysis.Result gr = GainSettings.of(d) == null ? null : new GainAnalysis().analyse(d, GainSettings.of(d), w -> { }, m, true);
            m.checkCancelled();
            EmissionAnalysis.Result er = EmissionSettings.of(d) == null ? null : new EmissionAnalysis().analyse(d, EmissionSettings.of(d), w -> { }, m);
            return new All(lr, gr, er);
        }, this::show, error::set);
    }

    private void show(All a) {
        StringBuilder t = new StringBuilder();
        List<String> cats = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (LossResult.Row row : a.loss().rows()) {
            row.propagationDbPerM().keySet().forEach(k -> {
                if (!parts.contains(k)) {
                    parts.add(k);
                }
            });
        }
        List<String> names = new ArrayList<>(parts);
        names.addAll(List.of("end faces (Fresnel)", "launch coupling", "bend"));
        double[][] v = new double[names.size()][a.loss().rows().size()];
        for (int c = 0; c < a.loss().rows().size(); c++) {
            LossResult.Row row = a.loss().rows().get(c);
            cats.add(Units.nm(row.wavelength()) + " nm");
            for (int k = 0; k < parts.size(); k++) {
                v[k][c] = row.propagationDbPerM().getOrDefault(parts.get(k), 0.0) * a.loss().length();
            }
            v[parts.size()][c] = row.fresnelDb();
            v[parts.size() + 1][c] = row.couplingDb();
            v[parts.size() + 2][c] = row.bendDb();
            t.append(String.format(Locale.ROOT, "%s nm: %.4g dB over %.4g cm (propagation %.4g dB/cm)%n", Units.nm(row.wavelength()), row.totalDb(),
                    a.loss().length() * 100, row.propagationTotalDbPerM() / 100));
        }
        loss.set(new Bars(cats, names, v, String.format(Locale.ROOT, "Loss budget over %.4g cm", a.loss().length() * 100)));
        if (a.gain() != null) {
            GainAnalysis.Result g = a.gain();
            List<String> ln = new ArrayList<>();
            List<double[]> ly = new ArrayList<>();
            for (int k = 0; k < g.channels().size(); k++) {
                Channel c = g.channels().get(k);
                if (c.kind() != Channel.Kind.ASE) {
                    ln.add(c.label());
                    ly.add(g.profile().power()[k]);
                    t.append(String.format(Locale.ROOT, "%s: %.5g W -> %.5g W (%+.3f dB)%n", c.label(), c.inputPower(), g.profile().output(k),
                            g.profile().gainDb(k)));
                }
            }
            gain.set(new Lines("Power along the fiber", "z (m)", "power (W)", ln, g.profile().z(), ly));
            GainAnalysis.Study st = g.studies().stream().filter(x -> x.parameter().equals("length")).findFirst().orElse(null);
            if (st != null && st.signalGainDb().length > 0) {
                List<String> sn = new ArrayList<>();
                List<double[]> sy = new ArrayList<>();
                int si = 0;
                for (Channel c : g.channels()) {
                    if (c.kind() == Channel.Kind.SIGNAL) {
                        sn.add(c.label());
                        sy.add(st.signalGainDb()[si++]);
                    }
                }
                gainVsLength.set(new Lines("Signal gain against length", "length (m)", "gain (dB)", sn, st.values(), sy));
            } else {
                gainVsLength.set(null);
            }
        } else {
            gain.set(null);
            gainVsLength.set(null);
        }
        if (a.emission() != null) {
            EmissionAnalysis.Result e = a.emission();
            List<String> labels = new ArrayList<>();
            List<double[]> xy = new ArrayList<>();
            List<String> sn = new ArrayList<>();
            List<double[]> sy = new ArrayList<>();
            double[] wlNm = new double[e.spectral().wavelength().length];
            for (int i = 0; i < wlNm.length; i++) {
                wlNm[i] = e.spectral().wavelength()[i] * 1e9;
            }
            for (EmissionAnalysis.LengthResult l : e.lengths()) {
                String label = String.format(Locale.ROOT, "%.4g cm", l.length() * 100);
                labels.add(label);
                xy.add(l.chromaticity());
                long[] s = l.tally().spectrum;
                double[] y = new double[wlNm.length];
                double max = 1;
                for (int i = 0; i < Math.min(s.length, y.length); i++) {
                    max = Math.max(max, s[i]);
                }
                for (int i = 0; i < Math.min(s.length, y.length); i++) {
                    y[i] = s[i] / max;
                }
                sn.add(label);
                sy.add(y);
                t.append(String.format(Locale.ROOT, "emission %s: out of the end face %.4f of the emitted, peak %.0f nm, CIE (%.4f, %.4f)%n", label,
                        l.fraction(l.tally().output), l.peakWavelength() * 1e9, l.chromaticity()[0], l.chromaticity()[1]));
            }
            colour.set(new Colour(labels, xy, new Lines("Output spectrum", "wavelength (nm)", "relative power", sn, wlNm, sy)));
        } else {
            colour.set(null);
        }
        text.set(t.toString());
    }
}
