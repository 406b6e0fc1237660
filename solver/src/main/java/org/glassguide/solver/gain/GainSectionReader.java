package org.glassguide.solver.gain;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;

/** The `gain:` section of a design, read and validated. */
final class GainSectionReader {
    private GainSectionReader() {
    }

    /**
     * gain: {dopant, concentration, doped-diameter, length, steps, background-loss, signals: [...], pumps: [...],
     * ase: {from, to, bins}, study: {lengths, concentrations, pump-scale}}; each signal or pump {wavelength, power,
     * direction: forward | backward, mode: auto | fundamental | equal | filled | cladding | {mfd} | {overlap} | {cladding-diameter},
     * label}.
     */
    /** Largest rare-earth density accepted, m^-3: above the site density of any doped glass (about 1e28). */
    static final double MAX_ION_DENSITY = 1e28;
    /** Largest launched power accepted, W: far above any fiber's damage threshold, so only a typo exceeds it. */
    static final double MAX_LAUNCH_POWER = 1e6;

    static GainSettings readGain(YamlNode g, MaterialLibrary lib) {
        g.requireMap().allowOnly(List.of("dopant", "concentration", "doped-diameter", "length", "steps", "background-loss", "signals", "pumps", "ase",
                "study"));
        Material dopant = null;
        if (g.has("dopant")) {
            YamlNode dn = g.require("dopant");
            try {
                dopant = lib.get(dn.text().trim());
            } catch (GlassGuideException e) {
                throw dn.locate(e);
            }
            if (dopant.gainData().isEmpty()) {
                throw dn.error(Messages.BAD_CHOICE, dn.path(), dn.text(), "a material with rare-earth cross sections (a gain: block), e.g. "
                        + "Zn-Nd-IC, Yb-germanosilicate, RE(NO3)3(DCI)2");
            }
        }
        double conc = Double.NaN;
        if (g.has("concentration")) {
            YamlNode cn = g.require("concentration");
            conc = cn.quantity(Units::density);
            if (!(conc > 0)) {
                throw cn.error(Messages.NOT_POSITIVE, cn.path(), cn.text());
            }
            if (conc > MAX_ION_DENSITY) {
                // beyond the density of atoms in a glass: no dopant can reach it, and the rate equations turn stiff
                throw cn.error(Messages.OUT_OF_RANGE, cn.path(), cn.text(), "an ion density up to 1e28 m^-3 (1e22 cm^-3), above every doped glass");
            }
        }
        double doped = Double.NaN;
        if (g.has("doped-diameter")) {
            YamlNode dd = g.require("doped-diameter");
            doped = dd.quantity(Units::length);
            if (!(doped > 0)) {
                throw dd.error(Messages.NOT_POSITIVE, dd.path(), dd.text());
            }
        }
        YamlNode ln = g.require("length");
        double length = ln.quantity(Units::length);
        if (!(length > 0)) {
            throw ln.error(Messages.NOT_POSITIVE, ln.path(), ln.text());
        }
        int steps = 0;
        if (g.has("steps")) {
            YamlNode sn = g.require("steps");
            double v = sn.number();
            if (v != Math.rint(v) || v < 8 || v > 200000) {
                throw sn.error(Messages.OUT_OF_RANGE, sn.path(), sn.text(), "a whole number of z steps from 8 to 200000");
            }
            steps = (int) v;
        }
        double bg = Double.NaN;
        if (g.has("background-loss")) {
            YamlNode bn = g.require("background-loss");
            if (!bn.text().trim().equals("catalog")) {
                bg = bn.text().trim().equals("0") ? 0 : bn.quantity(Units::attenuation);
                if (!(bg >= 0)) {
                    throw bn.error(Messages.OUT_OF_RANGE, bn.path(), bn.text(), "a loss of 0 or more (e.g. 0.72 dB/cm), or catalog");
                }
            }
        }
        List<GainSettings.Launch> launches = new ArrayList<>();
        for (String key : List.of("signals", "pumps")) {
            if (g.has(key)) {
                for (YamlNode l : g.require(key).listOrSingle()) {
                    launches.add(readLaunch(l, key.equals("pumps")));
                }
            }
        }
        if (launches.isEmpty()) {
            throw g.error(Messages.MISSING_KEY, "signals or pumps", g.path() + " (an amplifier needs at least one)");
        }
        GainSettings.Ase ase = null;
        if (g.has("ase")) {
            YamlNode an = g.require("ase").requireMap().allowOnly(List.of("from", "to", "bins"));
            double from = an.require("from").quantity(Units::wavelength);
            double to = an.require("to").quantity(Units::wavelength);
            if (!(to > from)) {
                throw an.require("to").error(Messages.OUT_OF_RANGE, an.path() + ".to", an.require("to").text(), "a wavelength above ase.from");
            }
            int bins = 40;
            if (an.has("bins")) {
                double b = an.require("bins").number();
                if (b != Math.rint(b) || b < 1 || b > 1000) {
                    throw an.require("bins").error(Messages.OUT_OF_RANGE, an.path() + ".bins", an.require("bins").text(), "a whole number from 1 to 1000");
                }
                bins = (int) b;
            }
            ase = new GainSettings.Ase(from, to, bins);
        }
        List<Double> lengths = new ArrayList<>();
        List<Double> concs = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        if (g.has("study")) {
            YamlNode st = g.require("study").requireMap().allowOnly(List.of("lengths", "concentrations", "pump-scale"));
            st.optional("lengths").ifPresent(x -> x.listOrSingle().forEach(v -> lengths.add(positive(v, v.quantity(Units::length)))));
            st.optional("concentrations").ifPresent(x -> x.listOrSingle().forEach(v -> concs.add(positive(v, v.quantity(Units::density)))));
            st.optional("pump-scale").ifPresent(x -> x.listOrSingle().forEach(v -> {
                double f = v.number();
                if (!(f >= 0) || f > 1000) {
                    throw v.error(Messages.OUT_OF_RANGE, v.path(), v.text(), "a factor from 0 to 1000 on every pump's power");
                }
                scales.add(f);
            }));
        }
        return new GainSettings(dopant, conc, doped, length, steps, bg, launches, ase, lengths, concs, scales);
    }

    private static double positive(YamlNode v, double x) {
        if (!(x > 0)) {
            throw v.error(Messages.NOT_POSITIVE, v.path(), v.text());
        }
        return x;
    }

    private static GainSettings.Launch readLaunch(YamlNode l, boolean pump) {
        l.requireMap().allowOnly(List.of("wavelength", "power", "direction", "mode", "label"));
        double wl = l.require("wavelength").quantity(Units::wavelength);
        YamlNode pn = l.require("power");
        double p = pn.quantity(Units::power);
        if (!(p >= 0) || p > MAX_LAUNCH_POWER) {
            throw pn.error(Messages.OUT_OF_RANGE, pn.path(), pn.text(), "a power from 0 to 1 MW, e.g. 0.4 W or 300 mW");
        }
        if (!pump && !(p > 0)) {
            throw pn.error(Messages.NOT_POSITIVE, pn.path(), pn.text());
        }
        boolean forward = true;
        if (l.has("direction")) {
            String dir = l.require("direction").text().trim();
            if (!dir.equals("forward") && !dir.equals("backward")) {
                throw l.require("direction").error(Messages.BAD_CHOICE, l.path() + ".direction", dir, "forward, backward");
            }
            forward = dir.equals("forward");
        }
        GainSettings.ModeKind kind = GainSettings.ModeKind.AUTO;
        double value = Double.NaN;
        if (l.has("mode")) {
            YamlNode m = l.require("mode");
            if (m.isScalar()) {
                String t = m.text().trim();
                if (t.equals("cladding")) {
                    kind = GainSettings.ModeKind.CLADDING;
                } else if (t.equals("fundamental") || t.equals("equal") || t.equals("filled")) {
                    kind = GainSettings.ModeKind.valueOf(t.toUpperCase(java.util.Locale.ROOT));
                } else if (!t.equals("auto")) {
                    throw m.error(Messages.BAD_CHOICE, m.path(), t,
                            "auto, fundamental, equal, filled, cladding, { mfd: 9.6 um }, { overlap: 0.8 }, { cladding-diameter: 100 um }");
                }
            } else {
                m.requireMap().allowOnly(List.of("mfd", "overlap", "cladding-diameter"));
                if (m.entries().size() != 1) {
                    throw m.error(Messages.WRONG_TYPE, m.path(), "one of mfd, overlap, cladding-diameter", m.entries().keySet());
                }
                if (m.has("mfd")) {
                    kind = GainSettings.ModeKind.GAUSSIAN;
                    value = positive(m.require("mfd"), m.require("mfd").quantity(Units::length));
                } else if (m.has("overlap")) {
                    kind = GainSettings.ModeKind.GIVEN;
                    YamlNode o = m.require("overlap");
                    value = o.quantity(Units::fraction);
                    if (!(value > 0 && value <= 1)) {
                        throw o.error(Messages.OUT_OF_RANGE, o.path(), o.text(), "an overlap above 0 and up to 1");
                    }
                } else {
                    kind = GainSettings.ModeKind.CLADDING;
                    value = positive(m.require("cladding-diameter"), m.require("cladding-diameter").quantity(Units::length));
                }
            }
        }
        String label = l.optional("label").map(YamlNode::text).orElse(null);
        return new GainSettings.Launch(pump, wl, p, forward, kind, value, label);
    }

}
