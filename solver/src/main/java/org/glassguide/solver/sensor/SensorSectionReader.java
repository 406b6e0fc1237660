package org.glassguide.solver.sensor;

import java.util.List;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;

/** The `sensor:` section of a design, read and validated. */
final class SensorSectionReader {
    private SensorSectionReader() {
    }

    /** sensor: {k-sv (per % O2) | detection-limit (% O2), noise, sigmas, oxygen-max, lifetime}. */
    static SensorSettings readSensor(YamlNode sn) {
        sn.requireMap().allowOnly(List.of("k-sv", "detection-limit", "noise", "sigmas", "oxygen-max", "lifetime"));
        double k = Double.NaN;
        if (sn.has("k-sv")) {
            YamlNode kn = sn.require("k-sv");
            k = kn.number();
            if (!(k > 0)) {
                throw kn.error(Messages.NOT_POSITIVE, kn.path() + " (per % O2)", kn.text());
            }
        }
        double lod = Double.NaN;
        if (sn.has("detection-limit")) {
            YamlNode ln = sn.require("detection-limit");
            lod = ln.quantity(Units::fraction) * 100;
            if (!(lod > 0 && lod <= 100)) {
                throw ln.error(Messages.OUT_OF_RANGE, ln.path(), ln.text(), "an O2 level above 0 and up to 100 %");
            }
        }
        if (Double.isNaN(k) && Double.isNaN(lod)) {
            throw sn.error(Messages.MISSING_KEY, "k-sv or detection-limit", sn.path());
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
        return new SensorSettings(k, lod, noise, sigmas, max, tau);
    }

}
