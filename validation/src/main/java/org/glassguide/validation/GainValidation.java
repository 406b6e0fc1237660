package org.glassguide.validation;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.gain.GainSpectroscopy;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.ProgressMonitor;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.designfile.DesignReader;
import org.glassguide.solver.gain.Channel;
import org.glassguide.solver.gain.GainAnalysis;
import org.glassguide.solver.gain.GainProfile;
import org.glassguide.solver.gain.GainSettings;
import org.glassguide.solver.gain.GilesSolver;
import org.glassguide.solver.gain.RateEquations;

/** The rate-equation amplifier model against a published amplifier case, the exact saturable-absorption solution and photon conservation. */
final class GainValidation {
    private GainValidation() {
    }

    /** A design (in the case file) run through glassguide gain; its outputs against published values. */
    static List<ValidationRow> published(YamlNode c, String id, String source, MaterialLibrary library) {
        Design d = new DesignReader(library).read("cases/" + id, new StringReader(c.require("design").text()), null);
        GainAnalysis.Result r = new GainAnalysis().analyse(d, GainSettings.of(d), w -> { }, ProgressMonitor.NONE);
        double rel = c.require("relative-tolerance").number();
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode e : c.require("expect").list()) {
            String label = e.require("channel").text();
            double ref = e.require("output").quantity(Units::power);
            int k = index(r.channels(), label);
            rows.add(new ValidationRow(id, label + " output (W)", ref, r.profile().output(k), rel * ref, source));
        }
        return rows;
    }

    /**
     * A pump saturably absorbed along the fiber, a weak probe beside it. With ground-state absorption the pump obeys
     * dP/dz = -Gamma sigma_a N P / (1 + P/P_s), P_s = h nu A / (Gamma (sigma_a + sigma_e) tau), whose exact solution is
     * ln(P/P0) + (P - P0)/P_s = -Gamma sigma_a N z; every absorbed pump photon excites an ion, so the integral of n2 over
     * the length is (P0 - P_L) tau / (h nu A N), and the unsaturated probe's gain is
     * exp(Gamma_s [(sigma_e + sigma_a) N int n2 dz - sigma_a N L]) = exp(int Gamma_s (sigma_e N2 - sigma_a N1) dz).
     */
    static List<ValidationRow> saturableAbsorption(YamlNode c, String id, String source, MaterialLibrary library) {
        double radius = c.require("doped-diameter").quantity(Units::length) / 2;
        double area = Math.PI * radius * radius;
        List<ValidationRow> rows = new ArrayList<>();
        for (YamlNode pc : c.require("cases").list()) {
            GainSpectroscopy g = library.get(pc.require("dopant").text()).gainData().orElseThrow();
            double n = pc.require("concentration").quantity(Units::density);
            double tau = g.lifetime().value();
            double len = pc.require("length").quantity(Units::length);
            double wp = pc.require("pump").quantity(Units::wavelength);
            double p0 = pc.require("pump-power").quantity(Units::power);
            double gp = pc.require("pump-overlap").number();
            double ws = pc.require("probe").quantity(Units::wavelength);
            double gs = pc.require("probe-overlap").number();
            Channel pump = new Channel("pump", Channel.Kind.PUMP, wp, p0, true, gp, "", g.absorption().at(wp), g.emission().at(wp), 0, 0, 0, 2);
            Channel probe = new Channel("probe", Channel.Kind.SIGNAL, ws, 1e-20, true, gs, "", g.absorption().at(ws), g.emission().at(ws), 0, 0, 0, 2);
            RateEquations eq = new RateEquations(List.of(pump, probe), n, area, tau, 0);
            GainProfile r = new GilesSolver((int) c.require("steps").number(), 1e-12, 10).solve(eq, len, ProgressMonitor.NONE);
            double hv = pump.photonEnergy();
            double ps = hv * area / (gp * (pump.sigmaA() + pump.sigmaE()) * tau);
            double k = gp * pump.sigmaA() * n;
            double p = saturatedPump(p0, ps, k * len, p0 * Math.exp(-k * len));
            double intN2 = (p0 - p) * tau / (hv * area * n);
            double lnG = gs * ((probe.sigmaE() + probe.sigmaA()) * n * intN2 - probe.sigmaA() * n * len);
            String tag = String.format(Locale.ROOT, "%s, pump %s nm %.3g W, probe %s nm", g.ion(), Units.nm(wp), p0, Units.nm(ws));
            rows.add(new ValidationRow(id, tag + ": pump out / exact", 1, r.output(0) / p, pc.require("tolerance").number(), source));
            rows.add(new ValidationRow(id, tag + ": probe gain (dB) vs exp(int Gamma (sigma_e N2 - sigma_a N1) dz)", 10 * lnG / Math.log(10),
                    r.gainDb(1), pc.require("gain-tolerance-db").number(), source));
        }
        return rows;
    }

    /**
     * The pump power P solving the saturable-absorption law ln(P/P0) + (P - P0)/P_s = -k z (Newton from a guess; each step
     * kept above a thousandth of the last P so the logarithm stays defined).
     */
    private static double saturatedPump(double p0, double ps, double kz, double guess) {
        double p = guess;
        for (int it = 0; it < 100; it++) {
            double f = Math.log(p / p0) + (p - p0) / ps + kz;
            double step = f / (1 / p + 1 / ps);
            p = Math.max(p - step, p * 1e-3);
            if (Math.abs(step) < 1e-15 * p) {
                break;
            }
        }
        return p;
    }

    /**
     * Photon-number conservation of a design with backward pumping and forward and backward ASE; then, on its signal and
     * pump alone (no ASE): the convergence order of the signal output as the z step halves, and the equality of the
     * co- and counter-pumped outputs that the ASE-free two-level model implies (Saleh et al. 1990).
     */
    static List<ValidationRow> conservation(YamlNode c, String id, String source, MaterialLibrary library) {
        List<ValidationRow> rows = new ArrayList<>();
        Design d = new DesignReader(library).read("cases/" + id, new StringReader(c.require("design").text()), null);
        GainAnalysis.Result r = new GainAnalysis().analyse(d, GainSettings.of(d), w -> { }, ProgressMonitor.NONE);
        rows.add(new ValidationRow(id, "photon-number balance error (lossless, ASE both ways)", 0, r.profile().photonBalanceError(),
                c.require("balance-tolerance").number(), source));
        RateEquations all = r.profile().equations();
        List<Channel> two = new ArrayList<>();
        for (Channel ch : all.channels()) {
            if (ch.kind() != Channel.Kind.ASE) {
                two.add(ch);
            }
        }
        RateEquations eq = new RateEquations(two, all.density(), all.dopedArea(), all.lifetime(), all.transferEfficiency());
        int k = index(two, c.require("channel").text());
        int s0 = (int) c.require("coarse-steps").number();
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = new GilesSolver(s0 << i, 1e-13, 30).solve(eq, r.length(), ProgressMonitor.NONE).output(k);
        }
        double order = Math.log(Math.abs(out[0] - out[1]) / Math.abs(out[1] - out[2])) / Math.log(2);
        rows.add(new ValidationRow(id, String.format(Locale.ROOT, "observed order of the signal output in the z step (%d, %d, %d steps, no ASE)",
                s0, 2 * s0, 4 * s0), c.require("order").number(), order, c.require("order-tolerance").number(), source));
        List<Channel> flipped = new ArrayList<>();
        for (Channel ch : two) {
            boolean fwd = ch.kind() == Channel.Kind.PUMP ? !ch.forward() : ch.forward();
            flipped.add(new Channel(ch.label(), ch.kind(), ch.wavelength(), ch.inputPower(), fwd, ch.overlap(), ch.overlapBasis(), ch.sigmaA(),
                    ch.sigmaE(), ch.antennaAbsorption(), ch.loss(), ch.bandwidth(), ch.modes()));
        }
        RateEquations co = new RateEquations(flipped, all.density(), all.dopedArea(), all.lifetime(), all.transferEfficiency());
        int fine = s0 << 2;
        double counter = out[2];
        double coOut = new GilesSolver(fine, 1e-13, 30).solve(co, r.length(), ProgressMonitor.NONE).output(k);
        rows.add(new ValidationRow(id, "co-pumped / counter-pumped signal output, no ASE (equal: Saleh et al. 1990)", 1, coOut / counter,
                c.require("direction-tolerance").number(), source));
        return rows;
    }

    /**
     * ASE bins with their own overlaps: a weak forward pump sets the inversion (the exact saturable-absorption solution
     * ln(P/P0) + (P - P0)/P_s = -Gamma sigma_a N z, ASE too weak to change it), so each bin's output follows in closed
     * form as P(L) = int S(z) exp(int_z^L g) dz forward and P(0) = int S(z) exp(int_0^z g) dz backward, with
     * g = Gamma_b N (sigma_e n2 - sigma_a (1 - n2)) and S = Gamma_b sigma_e N n2 m_b h nu dnu, integrated by Simpson's rule
     * on a fine grid; each bin's overlap must be the exact equal-launch share at its own wavelength.
     */
    static List<ValidationRow> aseSpectrum(YamlNode c, String id, String source, MaterialLibrary library) {
        List<ValidationRow> rows = new ArrayList<>();
        Design d = new DesignReader(library).read("cases/" + id, new StringReader(c.require("design").text()), null);
        GainAnalysis.Result r = new GainAnalysis().analyse(d, GainSettings.of(d), w -> { }, ProgressMonitor.NONE);
        RateEquations eq = r.profile().equations();
        List<Channel> ch = eq.channels();
        int pumpIndex = -1;
        for (int k = 0; k < ch.size(); k++) {
            if (ch.get(k).kind() == Channel.Kind.PUMP) {
                pumpIndex = k;
            }
        }
        Channel pump = ch.get(pumpIndex);
        double n = eq.density();
        double area = eq.dopedArea();
        double tau = eq.lifetime();
        double len = r.length();
        double gp = pump.overlap();
        double ps = pump.photonEnergy() * area / (gp * (pump.sigmaA() + pump.sigmaE()) * tau);
        double kp = gp * pump.sigmaA() * n;
        double a = gp * pump.sigmaA() / (pump.photonEnergy() * area);
        double e = gp * pump.sigmaE() / (pump.photonEnergy() * area);
        int m = 20000;
        double[] n2 = new double[m + 1];
        double p = pump.inputPower();
        for (int i = 0; i <= m; i++) {
            double z = len * i / m;
            // from the last point's P
            p = saturatedPump(pump.inputPower(), ps, kp * z, p);
            n2[i] = a * p / ((a + e) * p + 1 / tau);
        }
        double h = len / m;
        double worstOverlap = 0;
        double worstForward = 0;
        double worstBackward = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double sumF = 0;
        double sumFRef = 0;
        double sumB = 0;
        double sumBRef = 0;
        org.glassguide.solver.fiber.StepIndexAnalysis si = new org.glassguide.solver.fiber.StepIndexAnalysis();
        for (int k = 0; k < ch.size(); k++) {
            Channel b = ch.get(k);
            if (b.kind() != Channel.Kind.ASE) {
                continue;
            }
            org.glassguide.solver.fiber.FiberAnalysis fa = si.analyse(d.fiber(), b.wavelength(), d.options(), w -> { }, ProgressMonitor.NONE);
            double exact = org.glassguide.solver.fiber.ModePowerShares.mean(fa.modes().lpModes(), 1,
                    org.glassguide.solver.fiber.ModePowerShares.Launch.EQUAL);
            worstOverlap = Math.max(worstOverlap, Math.abs(b.overlap() - exact));
            lo = Math.min(lo, exact);
            hi = Math.max(hi, exact);
            // cumulative gain G(z) = int_0^z g (trapezoid on the fine grid is second order; Simpson-corrected below by halving)
            double ref = aseOutput(b, n, n2, h, m);
            double got = r.profile().output(k);
            if (b.forward()) {
                worstForward = Math.max(worstForward, Math.abs(got / ref - 1));
                sumF += got;
                sumFRef += ref;
            } else {
                worstBackward = Math.max(worstBackward, Math.abs(got / ref - 1));
                sumB += got;
                sumBRef += ref;
            }
        }
        rows.add(new ValidationRow(id, String.format(Locale.ROOT, "each bin's overlap vs the exact equal-launch share at its own wavelength "
                + "(shares span %.4f to %.4f)", lo, hi), 0, worstOverlap, 1e-12, source));
        rows.add(new ValidationRow(id, "forward ASE, all bins (W)", sumFRef, sumF, c.require("tolerance").number() * sumFRef, source));
        rows.add(new ValidationRow(id, "backward ASE, all bins (W)", sumBRef, sumB, c.require("tolerance").number() * sumBRef, source));
        rows.add(new ValidationRow(id, "largest relative error of one bin, forward / backward", 0, Math.max(worstForward, worstBackward),
                c.require("tolerance").number(), source));
        return rows;
    }

    /** A bin's output in closed form over the fixed inversion n2 on m + 1 equal steps h (Simpson on both integrals). */
    private static double aseOutput(Channel b, double n, double[] n2, double h, int m) {
        double[] g = new double[m + 1];
        double[] src = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            g[i] = b.overlap() * n * (b.sigmaE() * n2[i] - b.sigmaA() * (1 - n2[i])) - b.loss();
            src[i] = b.overlap() * b.sigmaE() * n * n2[i] * b.modes() * b.photonEnergy() * b.bandwidth();
        }
        // G[i] = int_0^{z_i} g: Simpson on pairs of steps, the odd points by the quadratic through three neighbours
        double[] big = new double[m + 1];
        for (int i = 2; i <= m; i += 2) {
            big[i] = big[i - 2] + h / 3 * (g[i - 2] + 4 * g[i - 1] + g[i]);
            big[i - 1] = big[i - 2] + h / 12 * (5 * g[i - 2] + 8 * g[i - 1] - g[i]);
        }
        double total = big[m];
        double s = 0;
        for (int i = 0; i <= m; i++) {
            double w = i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2;
            double grow = b.forward() ? total - big[i] : big[i];
            s += w * src[i] * Math.exp(grow);
        }
        return s * h / 3;
    }

    private static int index(List<Channel> cs, String label) {
        for (int k = 0; k < cs.size(); k++) {
            if (cs.get(k).label().equals(label)) {
                return k;
            }
        }
        throw new IllegalStateException("no channel " + label);
    }
}
