package org.glassguide.solver.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.design.DesignYaml;
import org.glassguide.solver.fiber.ModePowerShares;

/** The `loss:` section of a design, read and validated. */
final class LossSectionReader {
    private LossSectionReader() {
    }

    /**
     * loss: {length, source: {kind: incoherent, na, diameter} | {kind: gaussian, waist}, end-faces: none | input | both,
     * fresnel: normal | averaged, mode-power: fundamental | equal | filled,
     * calibrate: {material, points: [[wavelength, attenuation(, sigma)], ...], mechanisms: [rayleigh, floor, {band: {centre, fwhm}}]}}.
     */
    static LossSettings readLoss(YamlNode l) {
        l.requireMap().allowOnly(List.of("length", "source", "end-faces", "fresnel", "calibrate", "bend", "mode-power"));
        double length = l.has("length") ? DesignYaml.positive(l.require("length")) : 0.01;
        LossSettings.Source src = null;
        if (l.has("source")) {
            YamlNode sn = l.require("source").requireMap().allowOnly(List.of("kind", "na", "diameter", "waist"));
            String kind = sn.require("kind").text().trim();
            if (kind.equals("incoherent")) {
                double na = sn.require("na").number();
                if (!(na > 0 && na <= 1.5)) {
                    throw sn.require("na").error(Messages.OUT_OF_RANGE, sn.path() + ".na", sn.require("na").text(), "0 < NA <= 1.5");
                }
                src = new LossSettings.Source(kind, na, DesignYaml.positive(sn.require("diameter")), Double.NaN);
            } else if (kind.equals("gaussian")) {
                src = new LossSettings.Source(kind, Double.NaN, Double.NaN, DesignYaml.positive(sn.require("waist")));
            } else {
                throw sn.require("kind").error(Messages.BAD_CHOICE, sn.path() + ".kind", kind, "incoherent, gaussian");
            }
        }
        int faces = 2;
        if (l.has("end-faces")) {
            YamlNode fn = l.require("end-faces");
            switch (fn.text().trim()) {
                case "none":
                    faces = 0;
                    break;
                case "input":
                    faces = 1;
                    break;
                case "both":
                    faces = 2;
                    break;
                default:
                    throw fn.error(Messages.BAD_CHOICE, fn.path(), fn.text(), "none, input, both (Fresnel loss at those faces)");
            }
        }
        boolean fresnelAveraged = false;
        if (l.has("fresnel")) {
            YamlNode fr = l.require("fresnel");
            String t = fr.text().trim();
            if (!t.equals("normal") && !t.equals("averaged")) {
                throw fr.error(Messages.BAD_CHOICE, fr.path(), t, "normal (at normal incidence), averaged (over the launched cone and both "
                        + "polarisations)");
            }
            fresnelAveraged = t.equals("averaged");
        }
        LossSettings.CalibrationSpec cal = null;
        if (l.has("calibrate")) {
            YamlNode cn = l.require("calibrate").requireMap().allowOnly(List.of("material", "points", "mechanisms"));
            List<Calibration.Point> pts = new ArrayList<>();
            for (YamlNode pn : cn.require("points").list()) {
                List<YamlNode> v = pn.list();
                if (v.size() != 2 && v.size() != 3) {
                    throw pn.error(Messages.WRONG_TYPE, pn.path(), "[wavelength, attenuation] or [wavelength, attenuation, its uncertainty]",
                            v.size() + " values");
                }
                double wl = v.get(0).quantity(Units::wavelength);
                double alpha = v.get(1).quantity(Units::attenuation);
                if (!(alpha > 0)) {
                    throw v.get(1).error(Messages.NOT_POSITIVE, v.get(1).path(), v.get(1).text());
                }
                double sigma = Double.NaN;
                if (v.size() == 3) {
                    sigma = v.get(2).quantity(Units::attenuation);
                    if (!(sigma > 0)) {
                        throw v.get(2).error(Messages.NOT_POSITIVE, v.get(2).path(), v.get(2).text());
                    }
                }
                pts.add(new Calibration.Point(wl, alpha, sigma));
            }
            if (pts.isEmpty()) {
                throw cn.require("points").error(Messages.TOO_FEW_POINTS, cn.path() + ".points", 1, 0);
            }
            List<Mechanism> mechs = new ArrayList<>();
            for (YamlNode mn : cn.require("mechanisms").list()) {
                if (mn.isScalar()) {
                    String k = mn.text().trim();
                    if (k.equals("rayleigh")) {
                        mechs.add(Mechanism.rayleigh());
                    } else if (k.equals("floor")) {
                        mechs.add(Mechanism.floor());
                    } else {
                        throw mn.error(Messages.BAD_CHOICE, mn.path(), k, "rayleigh, floor, {band: {centre, fwhm}}");
                    }
                } else {
                    YamlNode b = mn.requireMap().allowOnly(List.of("band")).require("band").requireMap().allowOnly(List.of("centre", "center", "fwhm"));
                    YamlNode c = b.has("centre") ? b.require("centre") : b.require("center");
                    mechs.add(Mechanism.band(c.quantity(Units::wavelength), DesignYaml.positive(b.require("fwhm"))));
                }
            }
            if (mechs.isEmpty() || mechs.size() > 8) {
                throw cn.require("mechanisms").error(Messages.OUT_OF_RANGE, cn.path() + ".mechanisms", mechs.size() + " mechanisms", "1 to 8");
            }
            cal = new LossSettings.CalibrationSpec(cn.require("material").text().trim(), pts, mechs);
        }
        LossSettings.Bend bend = null;
        if (l.has("bend")) {
            YamlNode bn = l.require("bend").requireMap().allowOnly(List.of("radius", "length", "turns"));
            double radius = DesignYaml.positive(bn.require("radius"));
            if (bn.has("length") && bn.has("turns")) {
                throw bn.require("turns").error(Messages.UNKNOWN_KEY, "turns", bn.path(), "length or turns, not both");
            }
            double bentLength;
            if (bn.has("turns")) {
                double t = bn.require("turns").number();
                if (!(t > 0)) {
                    throw bn.require("turns").error(Messages.NOT_POSITIVE, bn.path() + ".turns", bn.require("turns").text());
                }
                bentLength = t * 2 * Math.PI * radius;
            } else if (bn.has("length")) {
                bentLength = DesignYaml.positive(bn.require("length"));
            } else {
                bentLength = length;
            }
            if (bentLength > length * (1 + 1e-12)) {
                throw bn.error(Messages.OUT_OF_RANGE, bn.path() + " (bent length)", String.format(Locale.ROOT, "%.4g m", bentLength),
                        String.format(Locale.ROOT, "up to loss.length (%.4g m)", length));
            }
            bend = new LossSettings.Bend(radius, bentLength);
        }
        ModePowerShares.Launch modePower = null;
        if (l.has("mode-power")) {
            YamlNode mp = l.require("mode-power");
            modePower = ModePowerShares.Launch.parse(mp.text());
            if (modePower == null) {
                throw mp.error(Messages.BAD_CHOICE, mp.path(), mp.text(), ModePowerShares.Launch.accepted());
            }
        }
        return new LossSettings(length, src, faces, cal, bend, modePower, fresnelAveraged);
    }

}
