package org.glassguide.solver.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;

/** The `sensor:` section of a design, read and validated. */
final class SensorSectionReader {
    private SensorSectionReader() {
    }

    /**
     * sensor: {k-sv (per % O2) | sites: [{fraction, k-sv}, ...] | detection-limit (% O2), noise, sigmas, oxygen-max,
     * lifetime, temperature, reference-temperature, quenching-activation, lifetime-activation,
     * diffusion: {geometry: cylinder | film, radius | thickness, coefficient}}.
     */
    static SensorSettings readSensor(YamlNode sn) {
        sn.requireMap().allowOnly(List.of("k-sv", "sites", "detection-limit", "noise", "sigmas", "oxygen-max", "lifetime", "temperature",
                "reference-temperature", "quenching-activation", "lifetime-activation", "diffusion"));
        double k = Double.NaN;
        if (sn.has("k-sv")) {
            YamlNode kn = sn.require("k-sv");
            k = kn.number();
            if (!(k > 0)) {
                throw kn.error(Messages.NOT_POSITIVE, kn.path() + " (per % O2)", kn.text());
            }
        }
        List<SternVolmer.Site> sites = sn.has("sites") ? readSites(sn.require("sites")) : List.of();
        if (!Double.isNaN(k) && !sites.isEmpty()) {
            throw sn.require("sites").error(Messages.OUT_OF_RANGE, sn.path() + ".sites", "given with k-sv",
                    "either k-sv (one site) or sites (each with its own k-sv), not both");
        }
        double lod = Double.NaN;
        if (sn.has("detection-limit")) {
            YamlNode ln = sn.require("detection-limit");
            lod = ln.quantity(Units::fraction) * 100;
            if (!(lod > 0 && lod <= 100)) {
                throw ln.error(Messages.OUT_OF_RANGE, ln.path(), ln.text(), "an O2 level above 0 and up to 100 %");
            }
        }
        if (Double.isNaN(k) && sites.isEmpty() && Double.isNaN(lod)) {
            throw sn.error(Messages.MISSING_KEY, "k-sv, sites or detection-limit", sn.path());
        }
        double noise = 0.01;
        if (sn.has("noise")) {
            YamlNode nn = sn.require("noise");
            noise = nn.quantity(Units::fraction);
            if (!(noise > 0 && noise < 0.3)) {
                throw nn.error(Messages.OUT_OF_RANGE, nn.path(), nn.text(), "a relative one-sigma noise above 0 and below 30 %");
            }
        }
        double sigmas = sn.optional("sigmas").map(YamlNode::number).orElse(3.0);
        if (!(sigmas >= 1 && sigmas <= 10) || !(sigmas * noise < 1)) {
            throw sn.require("sigmas").error(Messages.OUT_OF_RANGE, sn.path() + ".sigmas", String.valueOf(sigmas), "1 to 10, with sigmas x noise below 1");
        }
        double max = 21;
        if (sn.has("oxygen-max")) {
            YamlNode mn = sn.require("oxygen-max");
            max = mn.quantity(Units::fraction) * 100;
            if (!(max > 0 && max <= 100)) {
                throw mn.error(Messages.OUT_OF_RANGE, mn.path(), mn.text(), "an O2 level above 0 and up to 100 %");
            }
        }
        double tau = Double.NaN;
        if (sn.has("lifetime")) {
            YamlNode tn = sn.require("lifetime");
            tau = tn.quantity(Units::time);
            if (!(tau > 0)) {
                throw tn.error(Messages.NOT_POSITIVE, tn.path(), tn.text());
            }
        }
        double tOp = temperature(sn, "temperature", 298.15);
        double tRef = temperature(sn, "reference-temperature", 298.15);
        SensorSettings.Temperature temp = new SensorSettings.Temperature(tOp, tRef, energy(sn, "quenching-activation"), energy(sn, "lifetime-activation"));
        SensorSettings.Diffusion diffusion = sn.has("diffusion") ? readDiffusion(sn.require("diffusion")) : SensorSettings.Diffusion.standard();
        return new SensorSettings(k, sites, lod, noise, sigmas, max, tau, temp, diffusion);
    }

    private static List<SternVolmer.Site> readSites(YamlNode list) {
        List<YamlNode> items = list.list();
        if (items.size() < 2) {
            throw list.error(Messages.TOO_FEW_POINTS, list.path(), 2, items.size());
        }
        List<SternVolmer.Site> sites = new ArrayList<>();
        double sum = 0;
        boolean quenched = false;
        for (YamlNode it : items) {
            it.requireMap().allowOnly(List.of("fraction", "k-sv"));
            YamlNode fn = it.require("fraction");
            double f = fn.quantity(Units::fraction);
            if (!(f > 0 && f <= 1)) {
                throw fn.error(Messages.OUT_OF_RANGE, fn.path(), fn.text(), "a share of the unquenched light above 0 and up to 1 (or 100 %)");
            }
            YamlNode kn = it.require("k-sv");
            double k = kn.number();
            if (!(k >= 0) || Double.isInfinite(k)) {
                throw kn.error(Messages.OUT_OF_RANGE, kn.path() + " (per % O2)", kn.text(), "0 (a site O2 does not reach) or more");
            }
            quenched |= k > 0;
            sum += f;
            sites.add(new SternVolmer.Site(f, k));
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw list.error(Messages.OUT_OF_RANGE, list.path() + " fractions (sum)", String.format(Locale.ROOT, "%.6g", sum),
                    "fractions summing to 1 (100 %)");
        }
        if (!quenched) {
            throw list.error(Messages.OUT_OF_RANGE, list.path() + " k-sv", "0 at every site", "at least one site with k-sv above 0");
        }
        // fractions within 1e-6 of summing to one are scaled to sum exactly
        double s = sum;
        return sites.stream().map(x -> new SternVolmer.Site(x.fraction() / s, x.kSv())).toList();
    }

    private static double temperature(YamlNode sn, String key, double dflt) {
        if (!sn.has(key)) {
            return dflt;
        }
        YamlNode tn = sn.require(key);
        double t = tn.quantity(Units::temperature);
        if (!(t > 150 && t < 700)) {
            throw tn.error(Messages.OUT_OF_RANGE, tn.path(), tn.text(), "150 to 700 K (-123 to 427 C)");
        }
        return t;
    }

    private static double energy(YamlNode sn, String key) {
        if (!sn.has(key)) {
            return Double.NaN;
        }
        YamlNode en = sn.require(key);
        double e = en.quantity(Units::molarEnergy);
        if (!(Math.abs(e) <= 200e3)) {
            throw en.error(Messages.OUT_OF_RANGE, en.path(), en.text(), "-200 to 200 kJ/mol");
        }
        return e;
    }

    private static SensorSettings.Diffusion readDiffusion(YamlNode dn) {
        dn.requireMap().allowOnly(List.of("geometry", "radius", "thickness", "coefficient"));
        OxygenDiffusion.Geometry g = OxygenDiffusion.Geometry.CYLINDER;
        if (dn.has("geometry")) {
            YamlNode gn = dn.require("geometry");
            g = switch (gn.text()) {
                case "cylinder" -> OxygenDiffusion.Geometry.CYLINDER;
                case "film" -> OxygenDiffusion.Geometry.FILM;
                default -> throw gn.error(Messages.BAD_CHOICE, gn.path(), gn.text(), "cylinder (O2 enters through the core's surface), film");
            };
        }
        String sizeKey = g == OxygenDiffusion.Geometry.FILM ? "thickness" : "radius";
        String otherKey = g == OxygenDiffusion.Geometry.FILM ? "radius" : "thickness";
        if (dn.has(otherKey)) {
            throw dn.require(otherKey).error(Messages.OUT_OF_RANGE, dn.path() + "." + otherKey, dn.require(otherKey).text(),
                    sizeKey + " for a " + (g == OxygenDiffusion.Geometry.FILM ? "film" : "cylinder"));
        }
        double size = Double.NaN;
        if (dn.has(sizeKey)) {
            YamlNode sz = dn.require(sizeKey);
            size = sz.quantity(Units::length);
            if (!(size > 0 && size <= 0.1)) {
                throw sz.error(Messages.OUT_OF_RANGE, sz.path(), sz.text(), "above 0 and up to 10 cm");
            }
        } else if (g == OxygenDiffusion.Geometry.FILM) {
            throw dn.error(Messages.MISSING_KEY, "thickness", dn.path());
        }
        double d = Double.NaN;
        if (dn.has("coefficient")) {
            YamlNode cn = dn.require("coefficient");
            d = cn.quantity(Units::diffusivity);
            if (!(d > 0 && d < 1e-3)) {
                throw cn.error(Messages.OUT_OF_RANGE, cn.path(), cn.text(), "above 0 and below 1e-3 m^2/s");
            }
        }
        return new SensorSettings.Diffusion(g, size, d);
    }
}
