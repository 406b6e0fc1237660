package org.glassguide.solver.emission;

import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.design.DesignYaml;

/** The `emission:` section of a design, read and validated. */
final class EmissionSectionReader {
    private EmissionSectionReader() {
    }

    /** emission: {excitation: {wavelength, absorption, from: end-face | side}, plqy, lengths, rays, seed, cladding-light: stripped | guided}. */
    static EmissionSettings readEmission(YamlNode e) {
        e.requireMap().allowOnly(List.of("excitation", "plqy", "lengths", "rays", "seed", "cladding-light"));
        YamlNode x = e.require("excitation").requireMap().allowOnly(List.of("wavelength", "absorption", "from"));
        double wl = x.require("wavelength").quantity(Units::wavelength);
        YamlNode an = x.require("absorption");
        double alpha = an.quantity(Units::attenuation);
        if (!(alpha > 0)) {
            throw an.error(Messages.NOT_POSITIVE, an.path(), an.text());
        }
        boolean side = false;
        if (x.has("from")) {
            String from = x.require("from").text().trim();
            if (!from.equals("end-face") && !from.equals("side")) {
                throw x.require("from").error(Messages.BAD_CHOICE, x.path() + ".from", from, "end-face, side");
            }
            side = from.equals("side");
        }
        double plqy = Double.NaN;
        if (e.has("plqy")) {
            YamlNode q = e.require("plqy");
            plqy = q.quantity(Units::fraction);
            if (!(plqy >= 0 && plqy <= 1)) {
                throw q.error(Messages.OUT_OF_RANGE, q.path(), q.text(), "0 to 1 (or 0 % to 100 %): a quantum yield cannot exceed 1");
            }
        }
        List<Double> lengths = new ArrayList<>();
        for (YamlNode l : e.require("lengths").listOrSingle()) {
            lengths.add(DesignYaml.positive(l));
        }
        long rays = 1_000_000;
        if (e.has("rays")) {
            YamlNode r = e.require("rays");
            double v = r.number();
            if (!(v >= 1000 && v <= 1e10 && v == Math.rint(v))) {
                throw r.error(Messages.OUT_OF_RANGE, r.path(), r.text(), "a whole number from 1000 to 1e10");
            }
            rays = (long) v;
        }
        long seed = e.optional("seed").map(n -> (long) n.number()).orElse(1L);
        boolean cladding = false;
        if (e.has("cladding-light")) {
            YamlNode cn = e.require("cladding-light");
            String v = cn.text().trim();
            if (!v.equals("stripped") && !v.equals("guided")) {
                throw cn.error(Messages.BAD_CHOICE, cn.path(), v, "stripped (light leaving the core is lost: a high-index coating or a mode "
                        + "stripper), guided (the fiber's outer surface guides it: a bare fiber)");
            }
            cladding = v.equals("guided");
        }
        return new EmissionSettings(wl, alpha, side, lengths, rays, seed, plqy, cladding);
    }

}
