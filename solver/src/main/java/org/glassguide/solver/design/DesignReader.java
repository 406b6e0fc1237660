package org.glassguide.solver.design;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.io.MaterialReader;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.materials.units.Units;
import org.glassguide.solver.codraw.DrawSettings;
import org.glassguide.solver.emission.EmissionSettings;
import org.glassguide.solver.gain.GainSettings;
import org.glassguide.solver.loss.Calibration;
import org.glassguide.solver.loss.LossSettings;
import org.glassguide.solver.loss.Mechanism;
import org.glassguide.solver.sensor.SensorSettings;

/**
 * Reads design files ("format: glassguide/1"). Every problem is reported with file:line:column, the
 * key path, the offending value and what is accepted. The README documents the format.
 */
public final class DesignReader {
    private static final List<String> TOP = List.of("format", "name", "description", "materials", "structure",
            "wavelengths", "analyses", "options", "solver", "propagation", "codraw", "loss", "emission", "sensor", "gain");
    private static final int MAX_WAVELENGTHS = 100000;

    private final MaterialLibrary library;

    public DesignReader(MaterialLibrary library) {
        this.library = library;
    }

    public Design read(Path file) {
        if (!Files.isReadable(file)) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, "design file", file, "no such readable file");
        }
        return read(YamlNode.parse(file), file.toAbsolutePath().getParent(), file.toString());
    }

    public Design read(String source, Reader reader, Path baseDir) {
        return read(YamlNode.parse(source, reader), baseDir, source);
    }

    private Design read(YamlNode root, Path baseDir, String source) {
        root.requireMap().allowOnly(TOP);
        YamlNode format = root.require("format");
        if (!format.text().equals(Design.FORMAT)) {
            throw format.error(Messages.UNSUPPORTED_FORMAT, "format", format.text(), Design.FORMAT);
        }
        YamlNode nameNode = root.require("name");
        String name = nameNode.text();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw nameNode.error(Messages.OUT_OF_RANGE, "name", name, "letters, digits, '.', '_' and '-' (it names the output folder)");
        }
        String description = root.optional("description").map(YamlNode::text).orElse("");
        // design-local materials first, so layers can name them
        MaterialLibrary lib = library.copy();
        if (root.has("materials")) {
            for (YamlNode m : root.require("materials").list()) {
                Material mat = m.isScalar() ? fileMaterial(m, baseDir) : MaterialReader.read(m, baseDir, null,
                        "inline in " + source);
                lib.add(mat);
            }
        }
        YamlNode structure = root.require("structure").requireMap().allowOnly(List.of("fiber", "waveguide"));
        if (structure.has("fiber") == structure.has("waveguide")) {
            throw structure.error(Messages.MISSING_KEY, "fiber or waveguide (exactly one)", "structure");
        }
        FiberStructure fiber = structure.has("fiber") ? readFiber(structure.require("fiber"), baseDir, source, lib) : null;
        WaveguideStructure waveguide = structure.has("waveguide")
                ? readWaveguide(structure.require("waveguide"), baseDir, source, lib) : null;
        List<Double> wavelengths = readWavelengths(root.require("wavelengths"));
        List<String> analyses = new ArrayList<>();
        YamlNode an = root.optional("analyses").orElse(null);
        if (an == null) {
            analyses.add(fiber != null ? "fiber" : "modes");
        } else {
            for (YamlNode a : an.listOrSingle()) {
                String s = a.text().trim();
                if (!Design.ANALYSES.contains(s)) {
                    throw a.error(Messages.BAD_CHOICE, a.path(), s, String.join(", ", Design.ANALYSES));
                }
                if (s.equals("fiber") && fiber == null) {
                    throw a.error(Messages.BAD_CHOICE, a.path(), s, "modes (a waveguide structure has no step-index analysis)");
                }
                if (!analyses.contains(s)) {
                    analyses.add(s);
                }
            }
        }
        DesignOptions options = readOptions(root.optional("options").orElse(null), baseDir, source, lib);
        YamlNode solverNode = root.optional("solver").orElse(null);
        SolverSettings solver = readSolver(solverNode, waveguide != null);
        if (waveguide != null && !solver.is2d()) {
            throw (solverNode != null && solverNode.has("kind") ? solverNode.require("kind") : root).error(Messages.BAD_CHOICE,
                    "solver.kind", solver.kind(), "fd-scalar, fd-semivector or fd-vector for a waveguide structure (radial needs a fiber)");
        }
        YamlNode pn = root.optional("propagation").orElse(null);
        PropagationSettings propagation = pn == null ? null : readPropagation(pn);
        if (analyses.contains("bpm") && propagation == null) {
            throw root.error(Messages.MISSING_KEY, "propagation", "the design (analyses: [bpm] needs a propagation: section)");
        }
        String which = List.of("codraw", "loss", "emission", "sensor", "gain").stream().filter(analyses::contains).findFirst().orElse(null);
        if (which != null && fiber == null) {
            throw root.error(Messages.BAD_CHOICE, "analyses", which, "modes, bpm (" + which + " needs a fiber structure)");
        }
        DrawSettings codraw = root.optional("codraw").map(DesignReader::readCoDraw).orElse(null);
        LossSettings loss = root.optional("loss").map(DesignReader::readLoss).orElse(null);
        EmissionSettings emission = root.optional("emission").map(DesignReader::readEmission).orElse(null);
        if (analyses.contains("emission") && emission == null) {
            throw root.error(Messages.MISSING_KEY, "emission", "the design (analyses: [emission] needs an emission: section)");
        }
        SensorSettings sensor = root.optional("sensor").map(DesignReader::readSensor).orElse(null);
        if (analyses.contains("sensor") && sensor == null) {
            throw root.error(Messages.MISSING_KEY, "sensor", "the design (analyses: [sensor] needs a sensor: section)");
        }
        GainSettings gain = root.optional("gain").map(g -> readGain(g, lib)).orElse(null);
        if (analyses.contains("gain") && gain == null) {
            throw root.error(Messages.MISSING_KEY, "gain", "the design (analyses: [gain] needs a gain: section)");
        }
        return new Design(name, description, fiber, waveguide, wavelengths, analyses, options, solver, propagation, source, codraw, loss,
                emission, sensor, gain);
    }

    /**
     * gain: {dopant, concentration, doped-diameter, length, steps, background-loss, signals: [...], pumps: [...],
     * ase: {from, to, bins}, study: {lengths, concentrations, pump-scale}}; each signal or pump {wavelength, power,
     * direction: forward | backward, mode: auto | cladding | {mfd} | {overlap} | {cladding-diameter}, label}.
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
                } else if (!t.equals("auto")) {
                    throw m.error(Messages.BAD_CHOICE, m.path(), t, "auto, cladding, { mfd: 9.6 um }, { overlap: 0.8 }, { cladding-diameter: 100 um }");
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

    /** emission: {excitation: {wavelength, absorption, from: end-face | side}, plqy, lengths, rays, seed}. */
    static EmissionSettings readEmission(YamlNode e) {
        e.requireMap().allowOnly(List.of("excitation", "plqy", "lengths", "rays", "seed"));
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
            lengths.add(positive(l));
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
        return new EmissionSettings(wl, alpha, side, lengths, rays, seed, plqy);
    }

    /**
     * loss: {length, source: {kind: incoherent, na, diameter} | {kind: gaussian, waist}, end-faces: none | input | both,
     * calibrate: {material, points: [[wavelength, attenuation(, sigma)], ...], mechanisms: [rayleigh, floor, {band: {centre, fwhm}}]}}.
     */
    static LossSettings readLoss(YamlNode l) {
        l.requireMap().allowOnly(List.of("length", "source", "end-faces", "calibrate", "bend"));
        double length = l.has("length") ? positive(l.require("length")) : 0.01;
        LossSettings.Source src = null;
        if (l.has("source")) {
            YamlNode sn = l.require("source").requireMap().allowOnly(List.of("kind", "na", "diameter", "waist"));
            String kind = sn.require("kind").text().trim();
            if (kind.equals("incoherent")) {
                double na = sn.require("na").number();
                if (!(na > 0 && na <= 1.5)) {
                    throw sn.require("na").error(Messages.OUT_OF_RANGE, sn.path() + ".na", sn.require("na").text(), "0 < NA <= 1.5");
                }
                src = new LossSettings.Source(kind, na, positive(sn.require("diameter")), Double.NaN);
            } else if (kind.equals("gaussian")) {
                src = new LossSettings.Source(kind, Double.NaN, Double.NaN, positive(sn.require("waist")));
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
                    mechs.add(Mechanism.band(c.quantity(Units::wavelength), positive(b.require("fwhm"))));
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
            double radius = positive(bn.require("radius"));
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
                bentLength = positive(bn.require("length"));
            } else {
                bentLength = length;
            }
            if (bentLength > length * (1 + 1e-12)) {
                throw bn.error(Messages.OUT_OF_RANGE, bn.path() + " (bent length)", String.format(Locale.ROOT, "%.4g m", bentLength),
                        String.format(Locale.ROOT, "up to loss.length (%.4g m)", length));
            }
            bend = new LossSettings.Bend(radius, bentLength);
        }
        return new LossSettings(length, src, faces, cal, bend);
    }

    /**
     * codraw: {draw-viscosity: [lo, hi], preform: {core-diameter, outer-diameter}, feed-speed, draw-speed | fiber-diameter,
     * tolerance}.
     */
    static DrawSettings readCoDraw(YamlNode c) {
        c.requireMap().allowOnly(List.of("draw-viscosity", "preform", "feed-speed", "draw-speed", "fiber-diameter", "tolerance"));
        double lo = DrawSettings.DEFAULT_LOG_MIN;
        double hi = DrawSettings.DEFAULT_LOG_MAX;
        String source = DrawSettings.DEFAULT_SOURCE;
        if (c.has("draw-viscosity")) {
            YamlNode dv = c.require("draw-viscosity");
            List<YamlNode> two = dv.list();
            if (two.size() != 2) {
                throw dv.error(Messages.WRONG_TYPE, dv.path(), "[lowest, highest] viscosity, e.g. [1e4 Pa s, 4e6 Pa s]", two.size() + " items");
            }
            double a = two.get(0).quantity(Units::viscosity);
            double b = two.get(1).quantity(Units::viscosity);
            if (!(a > 0 && b > a)) {
                throw dv.error(Messages.OUT_OF_RANGE, dv.path(), two.get(0).text() + ", " + two.get(1).text(),
                        "two positive viscosities, the lowest first");
            }
            lo = Math.log10(a);
            hi = Math.log10(b);
            source = "set in the design (" + dv.location() + ")";
        }
        double tol = 0.05;
        if (c.has("tolerance")) {
            YamlNode t = c.require("tolerance");
            tol = t.quantity(Units::fraction);
            if (!(tol >= 0 && tol < 0.5)) {
                throw t.error(Messages.OUT_OF_RANGE, t.path(), t.text(), "0 to 50 % (diameter variation studied)");
            }
        }
        DrawSettings.Preform preform = null;
        if (c.has("preform")) {
            YamlNode p = c.require("preform").requireMap().allowOnly(List.of("core-diameter", "outer-diameter"));
            double dc = positive(p.require("core-diameter"));
            double dout = positive(p.require("outer-diameter"));
            if (!(dout > dc)) {
                throw p.require("outer-diameter").error(Messages.CLAD_NOT_LARGER, "preform.outer-diameter", p.require("outer-diameter").text(),
                        "preform.core-diameter", p.require("core-diameter").text());
            }
            YamlNode fn = c.require("feed-speed");
            double feed = fn.quantity(Units::speed);
            if (!(feed > 0)) {
                throw fn.error(Messages.NOT_POSITIVE, fn.path(), fn.text());
            }
            double draw;
            if (c.has("draw-speed") == c.has("fiber-diameter")) {
                throw c.error(Messages.MISSING_KEY, "draw-speed or fiber-diameter (exactly one)", c.path());
            }
            if (c.has("draw-speed")) {
                YamlNode dn = c.require("draw-speed");
                draw = dn.quantity(Units::speed);
                if (!(draw > feed)) {
                    throw dn.error(Messages.OUT_OF_RANGE, dn.path(), dn.text(), "a speed above the feed speed (" + fn.text() + ")");
                }
            } else {
                YamlNode fd = c.require("fiber-diameter");
                double d = positive(fd);
                if (!(d < dout)) {
                    throw fd.error(Messages.OUT_OF_RANGE, fd.path(), fd.text(), "a diameter below the preform's " + p.require("outer-diameter").text());
                }
                draw = DrawSettings.Preform.drawSpeedFor(dout, feed, d);
            }
            preform = new DrawSettings.Preform(dc, dout, feed, draw);
        } else {
            for (String k : List.of("feed-speed", "draw-speed", "fiber-diameter")) {
                if (c.has(k)) {
                    throw c.require(k).error(Messages.MISSING_KEY, "preform", c.path() + " (" + k + " needs a preform)");
                }
            }
        }
        return new DrawSettings(lo, hi, source, preform, tol);
    }

    /** A formula of x, y, z; a syntax error names the field, the problem and the column. */
    private static IndexExpression formula(YamlNode n) {
        try {
            return IndexExpression.parse(n.text());
        } catch (IndexExpression.SyntaxError e) {
            throw n.error(Messages.OUT_OF_RANGE, n.path(), n.text(), "a formula of x, y, z (" + e.getMessage() + ")");
        }
    }

    /** A launch's tilt in degrees ("5 deg" or 5), within +-60. */
    private static double tilt(YamlNode g) {
        return g.has("tilt") ? angle(g.require("tilt"), 60) : 0;
    }

    /**
     * The direction of a launch's tilt in the x-y plane, from +x towards +y (deg): 0 tilts in the x-z plane, 90 in
     * the y-z plane; only a 3D run (window height above 0) has a y to tilt into.
     */
    private static double azimuth(YamlNode g, double windowHeight) {
        if (!g.has("azimuth")) {
            return 0;
        }
        double a = angle(g.require("azimuth"), 360);
        if (a != 0 && !(windowHeight > 0)) {
            throw g.require("azimuth").error(Messages.OUT_OF_RANGE, g.require("azimuth").path(), g.require("azimuth").text(),
                    "0 for a 2D (x-z) run, which has no y to tilt into");
        }
        return a;
    }

    /** An angle in degrees ("5 deg" or 5) within +-limit. */
    private static double angle(YamlNode n, double limit) {
        String t = n.text().trim();
        String num = t.endsWith("deg") ? t.substring(0, t.length() - 3).trim() : t;
        double a;
        try {
            a = Double.parseDouble(num);
        } catch (NumberFormatException e) {
            throw n.error(Messages.BAD_NUMBER, n.path(), t);
        }
        if (!(Math.abs(a) < limit)) {
            throw n.error(Messages.OUT_OF_RANGE, n.path(), t, String.format(java.util.Locale.ROOT, "-%.0f to %.0f deg", limit, limit));
        }
        return a;
    }

    static PropagationSettings readPropagation(YamlNode p) {
        p.requireMap().allowOnly(List.of("length", "dz", "window", "step", "pml", "wide-angle", "reference-index", "precision",
                "monitor-every", "launch", "bend-radius", "taper", "modal-spectrum", "splices", "index-function", "polarization",
                "wide-angle-solve", "branch-cut", "export-fields", "monitors", "transverse"));
        double length = positive(p.require("length"));
        double dz = positive(p.require("dz"));
        YamlNode w = p.require("window");
        List<YamlNode> ws = w.listOrSingle();
        if (ws.size() > 2) {
            throw w.error(Messages.WRONG_TYPE, w.path(), "[width, height] (3D) or width (2D x-z) with units", ws.size() + " items");
        }
        double ww = positive(ws.get(0));
        double wh = ws.size() == 2 ? positive(ws.get(1)) : 0;
        double step = positive(p.require("step"));
        double pml = 0;
        if (p.has("pml")) {
            pml = p.require("pml").quantity(Units::length);
            if (!(pml >= 0)) {
                throw p.require("pml").error(Messages.OUT_OF_RANGE, p.require("pml").path(), p.require("pml").text(), "a thickness >= 0");
            }
        }
        String wide = p.optional("wide-angle").map(YamlNode::text).orElse("pade11");
        if (!List.of("none", "paraxial", "pade11", "pade22").contains(wide)) {
            throw p.require("wide-angle").error(Messages.BAD_CHOICE, p.require("wide-angle").path(), wide,
                    "none (paraxial), pade11, pade22 (wide-angle orders)");
        }
        double nRef = Double.NaN;
        if (p.has("reference-index")) {
            YamlNode n = p.require("reference-index");
            nRef = n.number();
            if (!(nRef >= 1 && nRef <= 5)) {
                throw n.error(Messages.OUT_OF_RANGE, n.path(), n.text(), "an index from 1 to 5 (or leave it out: the launch field's own)");
            }
        }
        String precision = p.optional("precision").map(YamlNode::text).orElse("double");
        if (!precision.equals("float") && !precision.equals("double")) {
            throw p.require("precision").error(Messages.BAD_CHOICE, p.require("precision").path(), precision, "float, double");
        }
        double every = p.has("monitor-every") ? positive(p.require("monitor-every")) : Math.max(dz, length / 200);
        YamlNode ln = p.require("launch").requireMap();
        if (ln.entries().size() != 1) {
            throw ln.error(Messages.WRONG_TYPE, ln.path(), "one of gaussian, mode, partially-coherent, plane-wave", ln.entries().keySet());
        }
        String kind = ln.entries().keySet().iterator().next();
        PropagationSettings.Launch launch;
        if (kind.equals("gaussian")) {
            YamlNode g = ln.require("gaussian").requireMap().allowOnly(List.of("waist", "center", "centre", "tilt", "azimuth"));
            double[] c = point(g.has("centre") ? g.require("centre") : g.optional("center").orElse(null));
            double tilt = tilt(g);
            launch = new PropagationSettings.Launch("gaussian", positive(g.require("waist")), c[0], c[1], tilt, 0, 0, 1, 0, azimuth(g, wh));
        } else if (kind.equals("mode")) {
            YamlNode m = ln.require("mode");
            double v = m.number();
            if (v < 1 || v > 50 || v != Math.rint(v)) {
                throw m.error(Messages.OUT_OF_RANGE, m.path(), m.text(), "a mode number from 1 (fundamental) to 50");
            }
            launch = new PropagationSettings.Launch("mode", 0, 0, 0, 0, (int) v, 0, 1, 0);
        } else if (kind.equals("plane-wave")) {
            YamlNode g = ln.require("plane-wave").requireMap().allowOnly(List.of("width", "center", "centre", "tilt", "azimuth"));
            double[] c = point(g.has("centre") ? g.require("centre") : g.optional("center").orElse(null));
            launch = new PropagationSettings.Launch("plane-wave", positive(g.require("width")) / 2, c[0], c[1], tilt(g), 0, 0, 1, 0,
                    azimuth(g, wh));
        } else if (kind.equals("partially-coherent")) {
            YamlNode g = ln.require("partially-coherent").requireMap().allowOnly(List.of("diameter", "center", "centre", "na",
                    "realisations", "seed"));
            double[] c = point(g.has("centre") ? g.require("centre") : g.optional("center").orElse(null));
            double na = g.require("na").number();
            if (!(na > 0 && na < 1.5)) {
                throw g.require("na").error(Messages.OUT_OF_RANGE, g.require("na").path(), g.require("na").text(), "0 to 1.5");
            }
            int real = 4;
            if (g.has("realisations")) {
                double r = g.require("realisations").number();
                if (r < 1 || r > 1000 || r != Math.rint(r)) {
                    throw g.require("realisations").error(Messages.OUT_OF_RANGE, g.require("realisations").path(),
                            g.require("realisations").text(), "a whole number from 1 to 1000");
                }
                real = (int) r;
            }
            long seed = g.has("seed") ? (long) g.require("seed").number() : 1;
            launch = new PropagationSettings.Launch("partially-coherent", positive(g.require("diameter")) / 2, c[0], c[1], 0, 0, na, real,
                    seed);
        } else {
            throw ln.error(Messages.BAD_CHOICE, ln.path(), kind, "gaussian, mode, partially-coherent, plane-wave");
        }
        double bend = p.has("bend-radius") ? positive(p.require("bend-radius")) : 0;
        PropagationSettings.Taper taper = null;
        if (p.has("taper")) {
            YamlNode t = p.require("taper").requireMap().allowOnly(List.of("scale", "over", "profile"));
            double scale = t.require("scale").number();
            if (!(scale >= 0.05 && scale <= 20)) {
                throw t.require("scale").error(Messages.OUT_OF_RANGE, t.require("scale").path(), t.require("scale").text(),
                        "0.05 to 20 (the final size relative to the start)");
            }
            double[] over = t.has("over") ? range(t.require("over")) : new double[] {0, length};
            if (over[0] < 0 || over[1] > length) {
                throw t.require("over").error(Messages.OUT_OF_RANGE, t.require("over").path(), t.require("over").text(),
                        "a z range within the propagation length");
            }
            String profile = t.optional("profile").map(YamlNode::text).orElse("linear");
            if (!profile.equals("linear") && !profile.equals("exponential")) {
                throw t.require("profile").error(Messages.BAD_CHOICE, t.require("profile").path(), profile, "linear, exponential");
            }
            taper = new PropagationSettings.Taper(scale, over[0], over[1], profile.equals("exponential"));
        }
        int modal = 0;
        if (p.has("modal-spectrum")) {
            YamlNode mn = p.require("modal-spectrum");
            double v = mn.number();
            if (v < 0 || v > 50 || v != Math.rint(v)) {
                throw mn.error(Messages.OUT_OF_RANGE, mn.path(), mn.text(), "a whole number of modes from 0 to 50");
            }
            modal = (int) v;
        }
        List<org.glassguide.solver.bpm.Splice> splices = new ArrayList<>();
        if (p.has("splices")) {
            for (YamlNode sn : p.require("splices").list()) {
                sn.requireMap().allowOnly(List.of("at", "offset", "tilt"));
                double at = sn.require("at").quantity(Units::length);
                if (!(at >= 0 && at < length)) {
                    throw sn.require("at").error(Messages.OUT_OF_RANGE, sn.require("at").path(), sn.require("at").text(),
                            "a position within the propagation length");
                }
                double[] off = point(sn.optional("offset").orElse(null));
                double[] tilts = {0, 0};
                if (sn.has("tilt")) {
                    YamlNode tn = sn.require("tilt");
                    List<YamlNode> ts = tn.listOrSingle();
                    if (ts.size() > 2) {
                        throw tn.error(Messages.WRONG_TYPE, tn.path(), "an angle (x-z plane) or [x-z, y-z] angles in deg", ts.size() + " items");
                    }
                    for (int k = 0; k < ts.size(); k++) {
                        tilts[k] = angle(ts.get(k), 30);
                    }
                }
                splices.add(new org.glassguide.solver.bpm.Splice(at, off[0], off[1], tilts[0], tilts[1]));
            }
        }
        PropagationSettings.IndexFunction fn = null;
        if (p.has("index-function")) {
            YamlNode fnode = p.require("index-function").requireMap().allowOnly(List.of("n", "k", "delta-n", "delta-k"));
            boolean delta = fnode.has("delta-n") || fnode.has("delta-k");
            if (delta && (fnode.has("n") || fnode.has("k"))) {
                throw fnode.error(Messages.BAD_CHOICE, fnode.path(), fnode.entries().keySet(),
                        "either n (and k): the index itself, or delta-n (and delta-k): a change added to the structure's");
            }
            String nKey = delta ? "delta-n" : "n";
            String kKey = delta ? "delta-k" : "k";
            IndexExpression ne = delta && !fnode.has(nKey) ? IndexExpression.parse("0") : formula(fnode.require(nKey));
            IndexExpression ke = fnode.has(kKey) ? formula(fnode.require(kKey)) : null;
            fn = new PropagationSettings.IndexFunction(ne, ke, delta);
        }
        String pol = p.optional("polarization").map(YamlNode::text).orElse("scalar");
        if (!List.of("scalar", "te", "tm").contains(pol)) {
            throw p.require("polarization").error(Messages.BAD_CHOICE, p.require("polarization").path(), pol,
                    "scalar, te (quasi-TE, E_x), tm (quasi-TM, E_y)");
        }
        String solve = p.optional("wide-angle-solve").map(YamlNode::text).orElse("unsplit");
        if (!List.of("unsplit", "split").contains(solve)) {
            throw p.require("wide-angle-solve").error(Messages.BAD_CHOICE, p.require("wide-angle-solve").path(), solve,
                    "unsplit (each Pade factor solved on the whole 2D operator; the default), split (the ADI product alone: faster, biased at high contrast)");
        }
        if (!pol.equals("scalar") && wh > 0 && (wide.equals("pade22") || (wide.equals("pade11") && solve.equals("split")))) {
            // measured: the split 3D semi-vectorial wide-angle step lets sum eps |E|^2 grow in high-contrast guides, and the
            // unsplit Pade (2,2) solve does not converge for the semi-vectorial operator; the unsplit Pade (1,1) step holds
            // the mode (n_eff to 4e-7, eps |E|^2 to 2e-5 at 2.0/1.44); 2D runs are exact to any order
            throw p.require("polarization").error(Messages.BAD_CHOICE, p.require("polarization").path(), pol + " with wide-angle: " + wide
                    + (solve.equals("split") ? " (split)" : ""), "wide-angle: pade11 (unsplit, the default solve) or none for a semi-vectorial 3D run,"
                            + " or polarization: scalar, or a 2D run");
        }
        String transverse = p.optional("transverse").map(YamlNode::text).orElse("second-order");
        if (!List.of("second-order", "fourth-order").contains(transverse)) {
            throw p.require("transverse").error(Messages.BAD_CHOICE, p.require("transverse").path(), transverse,
                    "second-order (the 3-point stencil, the default) or fourth-order (the compact Numerov operator: scalar runs)");
        }
        if (transverse.equals("fourth-order") && !pol.equals("scalar")) {
            throw p.require("transverse").error(Messages.BAD_CHOICE, p.require("transverse").path(), transverse + " with polarization: " + pol,
                    "second-order for a semi-vectorial run, or polarization: scalar");
        }
        if (transverse.equals("fourth-order") && solve.equals("split")) {
            throw p.require("transverse").error(Messages.BAD_CHOICE, p.require("transverse").path(), transverse + " with wide-angle-solve: split",
                    "second-order for the split step, or leave wide-angle-solve out (unsplit)");
        }
        double cut = Double.NaN;
        if (p.has("branch-cut")) {
            YamlNode bc = p.require("branch-cut");
            String t = bc.text().trim().replaceAll("\\s*(deg|degrees|°)$", "");
            try {
                cut = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                cut = Double.NaN;
            }
            if (!(cut >= 0 && cut <= 90)) {
                throw bc.error(Messages.OUT_OF_RANGE, bc.path(), bc.text(), "an angle from 0 to 90 deg (45 deg damps evanescent waves well)");
            }
            cut = Math.toRadians(cut);
        }
        double[] export = new double[0];
        if (p.has("export-fields")) {
            List<YamlNode> zs = p.require("export-fields").listOrSingle();
            if (zs.size() > 50) {
                throw p.require("export-fields").error(Messages.OUT_OF_RANGE, p.require("export-fields").path(), zs.size() + " positions",
                        "at most 50 positions along z (the end field is always written)");
            }
            export = new double[zs.size()];
            for (int i = 0; i < export.length; i++) {
                double z = zs.get(i).quantity(Units::length);
                if (!(z >= 0 && z <= length)) {
                    throw zs.get(i).error(Messages.OUT_OF_RANGE, zs.get(i).path(), zs.get(i).text(), "a position from 0 to the propagation length");
                }
                export[i] = z;
            }
        }
        List<PropagationSettings.RegionMonitor> monitors = new ArrayList<>();
        if (p.has("monitors")) {
            for (YamlNode mn : p.require("monitors").list()) {
                mn.requireMap();
                String name = mn.require("name").text().trim();
                if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}") || monitors.stream().anyMatch(m -> m.name().equals(name))) {
                    throw mn.require("name").error(Messages.OUT_OF_RANGE, mn.require("name").path(), name,
                            "a new name of letters, digits, _ . - (at most 40; it heads a CSV column)");
                }
                List<String> kinds = new ArrayList<>(mn.entries().keySet());
                kinds.remove("name");
                if (kinds.size() != 1 || !List.of("rectangle", "circle", "slab", "polygon").contains(kinds.get(0))) {
                    throw mn.error(Messages.WRONG_TYPE, mn.path(), "name and one of rectangle, circle, slab, polygon", mn.entries().keySet());
                }
                monitors.add(new PropagationSettings.RegionMonitor(name, shape(kinds.get(0), mn.require(kinds.get(0)))));
            }
            if (monitors.size() > 20) {
                throw p.require("monitors").error(Messages.OUT_OF_RANGE, p.require("monitors").path(), monitors.size() + " monitors", "at most 20");
            }
        }
        return new PropagationSettings(length, dz, ww, wh, step, pml, wide, nRef, precision, every, launch, bend, taper, modal,
                splices, fn, pol, solve, cut, export, monitors, transverse);
    }

    static SolverSettings readSolver(YamlNode s, boolean waveguide) {
        SolverSettings d = SolverSettings.defaults();
        if (s == null) {
            return waveguide ? new SolverSettings("fd-scalar", d.pointsPerPeriod(), 0, d.modes(), false, false, 0, 0, 0, 0, Double.NaN, "te",
                    0, 1, "auto", SolverSettings.ALL_SIDES) : d;
        }
        s.requireMap().allowOnly(List.of("kind", "points-per-period", "domain", "modes", "group-index", "vector", "window", "step",
                "pml", "target", "polarization", "bend-radius", "bend-stress-factor", "symmetry", "pml-sides"));
        String kind = s.optional("kind").map(YamlNode::text).orElse(waveguide ? "fd-scalar" : d.kind());
        if (!SolverSettings.KINDS.contains(kind)) {
            throw s.require("kind").error(Messages.BAD_CHOICE, s.require("kind").path(), kind, String.join(", ", SolverSettings.KINDS));
        }
        double ppp = d.pointsPerPeriod();
        if (s.has("points-per-period")) {
            YamlNode n = s.require("points-per-period");
            ppp = n.number();
            if (!(ppp >= 4 && ppp <= 1000)) {
                throw n.error(Messages.OUT_OF_RANGE, n.path(), n.text(), "4 to 1000 (below ~10 points per period the n_eff error grows past 1e-5)");
            }
        }
        double domain = 0;
        if (s.has("domain")) {
            YamlNode n = s.require("domain");
            domain = n.quantity(Units::length);
            if (!(domain > 0)) {
                throw n.error(Messages.NOT_POSITIVE, n.path(), n.text());
            }
        }
        int modes = d.modes();
        if (s.has("modes")) {
            YamlNode n = s.require("modes");
            double v = n.number();
            if (v < 0 || v != Math.rint(v) || v > 100000) {
                throw n.error(Messages.OUT_OF_RANGE, n.path(), n.text(), "a whole number from 0 to 100000");
            }
            modes = (int) v;
        }
        boolean group = s.optional("group-index").map(YamlNode::bool).orElse(d.groupIndex());
        boolean vector = s.optional("vector").map(YamlNode::bool).orElse(d.vector());
        double ww = 0;
        double wh = 0;
        if (s.has("window")) {
            List<YamlNode> w = s.require("window").list();
            if (w.size() != 2) {
                throw s.require("window").error(Messages.WRONG_TYPE, s.require("window").path(), "[width, height] with units", w.size() + " items");
            }
            ww = w.get(0).quantity(Units::length);
            wh = w.get(1).quantity(Units::length);
            if (!(ww > 0) || !(wh > 0)) {
                throw s.require("window").error(Messages.NOT_POSITIVE, s.require("window").path(), s.require("window").text());
            }
        }
        double step = 0;
        if (s.has("step")) {
            step = s.require("step").quantity(Units::length);
            if (!(step > 0)) {
                throw s.require("step").error(Messages.NOT_POSITIVE, s.require("step").path(), s.require("step").text());
            }
        }
        double pml = 0;
        if (s.has("pml")) {
            pml = s.require("pml").quantity(Units::length);
            if (!(pml >= 0)) {
                throw s.require("pml").error(Messages.OUT_OF_RANGE, s.require("pml").path(), s.require("pml").text(), "a thickness >= 0");
            }
        }
        double target = s.optional("target").map(YamlNode::number).orElse(Double.NaN);
        if (kind.startsWith("fd-") && (ww == 0 || step == 0)) {
            throw s.error(Messages.MISSING_KEY, ww == 0 ? "window" : "step", s.path() + " (" + kind + " needs window: [w, h] and step)");
        }
        String pol = s.optional("polarization").map(YamlNode::text).orElse("te");
        if (!pol.equals("te") && !pol.equals("tm")) {
            throw s.require("polarization").error(Messages.BAD_CHOICE, s.require("polarization").path(), pol, "te (E_x dominant), tm (E_y dominant)");
        }
        double bend = 0;
        if (s.has("bend-radius")) {
            bend = s.require("bend-radius").quantity(Units::length);
            if (!(bend > 0)) {
                throw s.require("bend-radius").error(Messages.NOT_POSITIVE, s.require("bend-radius").path(), s.require("bend-radius").text());
            }
            if (!kind.startsWith("fd-")) {
                throw s.require("bend-radius").error(Messages.BAD_CHOICE, "solver.kind", kind, "fd-scalar, fd-semivector or fd-vector for a bend");
            }
        }
        double stress = s.optional("bend-stress-factor").map(YamlNode::number).orElse(1.0);
        if (!(stress >= 1 && stress <= 2)) {
            throw s.require("bend-stress-factor").error(Messages.OUT_OF_RANGE, "solver.bend-stress-factor", stress, "1 (none) to 2; ~1.28 for silica");
        }
        String symmetry = "auto";
        if (s.has("symmetry")) {
            YamlNode sn = s.require("symmetry");
            List<String> words = new java.util.ArrayList<>();
            if (sn.isList()) {
                for (YamlNode w : sn.list()) {
                    words.add(w.text());
                }
            } else {
                words.addAll(List.of(sn.text().trim().split("[\\s,]+")));
            }
            boolean vectorKind = kind.equals("fd-vector");
            String accepted = vectorKind ? "auto (every mirror plane of the index map, all classes), none, or x-pec or x-pmc and / or y-pec"
                    + " or y-pmc (the plane x = 0 / y = 0 is an electric or magnetic wall: x-pec y-pmc keeps the x-polarised fundamental,"
                    + " x-pmc y-pec the y-polarised one)"
                    : "auto (every mirror plane of the index map, all classes), none, even-x (mirror plane x = 0, modes even in x: half the grid)";
            java.util.Set<Character> axes = new java.util.HashSet<>();
            for (String w : words) {
                boolean ok = (w.equals("none") || w.equals("auto")) && words.size() == 1 || (vectorKind ? SolverSettings.VECTOR_WALLS.contains(w) && axes.add(w.charAt(0))
                        : w.equals("even-x") && words.size() == 1);
                if (!ok) {
                    throw sn.error(Messages.BAD_CHOICE, sn.path(), String.join(" ", words), accepted);
                }
            }
            symmetry = String.join(" ", words);
            if (bend > 0 && (symmetry.equals("even-x") || axes.contains('x'))) {
                throw sn.error(Messages.BAD_CHOICE, sn.path(), symmetry, "none or a y wall for a bend (it breaks the x mirror)");
            }
        }
        String sides = SolverSettings.ALL_SIDES;
        if (s.has("pml-sides")) {
            YamlNode sn = s.require("pml-sides");
            List<String> chosen = new ArrayList<>();
            for (YamlNode w : sn.listOrSingle()) {
                String side = w.text().trim();
                if (!List.of(SolverSettings.ALL_SIDES.split(" ")).contains(side) || chosen.contains(side)) {
                    throw w.error(Messages.BAD_CHOICE, sn.path(), side, "left, right, bottom, top (each once)");
                }
                chosen.add(side);
            }
            sides = String.join(" ", chosen);
        }
        return new SolverSettings(kind, ppp, domain, modes, group, vector, ww, wh, step, pml, target, pol, bend, stress, symmetry, sides);
    }

    private FiberStructure readFiber(YamlNode f, Path baseDir, String source, MaterialLibrary lib) {
        f.requireMap().allowOnly(List.of("layers", "surround"));
        List<YamlNode> layerNodes = f.require("layers").list();
        if (layerNodes.isEmpty()) {
            throw f.require("layers").error(Messages.TOO_FEW_POINTS, f.require("layers").path(), 1, 0);
        }
        List<Layer> layers = new ArrayList<>();
        String prevPath = null;
        double prevRadius = 0;
        for (YamlNode ln : layerNodes) {
            ln.requireMap().allowOnly(List.of("material", "diameter", "radius", "name", "grade"));
            Material m = material(ln.require("material"), baseDir, source, lib);
            double radius;
            String what;
            if (ln.has("diameter") && ln.has("radius")) {
                throw ln.require("radius").error(Messages.UNKNOWN_KEY, "radius", ln.path(), "either diameter or radius, not both");
            }
            if (ln.has("diameter")) {
                radius = positive(ln.require("diameter")) / 2;
                what = ln.require("diameter").path();
            } else if (ln.has("radius")) {
                radius = positive(ln.require("radius"));
                what = ln.require("radius").path();
            } else {
                throw ln.error(Messages.MISSING_KEY, "diameter (or radius)", ln.path());
            }
            if (prevPath != null && !(radius > prevRadius)) {
                YamlNode d = ln.has("diameter") ? ln.require("diameter") : ln.require("radius");
                throw d.error(Messages.CLAD_NOT_LARGER, what, d.text(), prevPath, fmtLen(prevRadius, ln.has("diameter")));
            }
            prevPath = what;
            prevRadius = radius;
            double grade = Double.POSITIVE_INFINITY;
            if (ln.has("grade")) {
                YamlNode g = ln.require("grade");
                grade = g.number();
                if (!(grade > 0 && grade <= 1000)) {
                    throw g.error(Messages.OUT_OF_RANGE, g.path(), g.text(), "a power-law exponent from 0 to 1000 (2 = parabolic)");
                }
                if (ln == layerNodes.get(layerNodes.size() - 1)) {
                    throw g.error(Messages.OUT_OF_RANGE, g.path(), g.text(), "no grade on the outermost layer: a graded layer runs to the next layer's index");
                }
            }
            layers.add(new Layer(m, radius, grade));
        }
        Material surround = f.optional("surround").map(s -> material(s, baseDir, source, lib)).orElseGet(() -> lib.get("air"));
        return new FiberStructure(layers, surround);
    }

    private static String fmtLen(double radius, boolean diameter) {
        double v = (diameter ? 2 * radius : radius) * 1e6;
        return Units.trim(String.format(Locale.ROOT, "%.6f", v)) + " um";
    }

    /** A material reference: catalog name, file path, { index: n [, k] }, { file: ... } or a full inline definition. */
    private Material material(YamlNode n, Path baseDir, String source, MaterialLibrary lib) {
        if (n.isScalar()) {
            String t = n.text().trim();
            if (t.endsWith(".yaml") || t.endsWith(".yml")) {
                return fileMaterial(n, baseDir);
            }
            try {
                return lib.get(t);
            } catch (GlassGuideException e) {
                throw n.locate(e);
            }
        }
        n.requireMap();
        if (n.has("file") && n.entries().size() == 1) {
            return fileMaterial(n.require("file"), baseDir);
        }
        if (n.has("index") && n.require("index").isScalar()) {
            n.allowOnly(List.of("index", "k", "name"));
            double idx = n.require("index").number();
            double k = n.optional("k").map(YamlNode::number).orElse(0.0);
            if (!(idx > 0)) {
                throw n.require("index").error(Messages.NOT_POSITIVE, n.require("index").path(), idx);
            }
            if (!(k >= 0)) {
                throw n.require("k").error(Messages.OUT_OF_RANGE, n.require("k").path(), k, "k >= 0 (absorbing)");
            }
            Material c = Material.constant(idx, k, "inline in " + source);
            return n.optional("name").map(nm -> new Material(nm.text(), c.aliases(), c.description(), c.index(),
                    c.indexProvenance(), null, null, c.thermal(), null, c.origin())).orElse(c);
        }
        try {
            return MaterialReader.read(n, baseDir, "inline", "inline in " + source);
        } catch (GlassGuideException e) {
            throw n.locate(e);
        }
    }

    private static Material fileMaterial(YamlNode n, Path baseDir) {
        String t = n.text().trim();
        Path p = baseDir == null ? Path.of(t) : baseDir.resolve(t);
        if (!Files.isReadable(p)) {
            throw n.error(Messages.FILE_NOT_READABLE, n.path(), t, "no such readable file");
        }
        return MaterialReader.readFile(p);
    }

    /** The shape kinds a cross-section can paint (the app's editor offers the same). */
    public static final List<String> SHAPE_KINDS = List.of("rectangle", "circle", "polygon", "slab", "map");

    private WaveguideStructure readWaveguide(YamlNode w, Path baseDir, String source, MaterialLibrary lib) {
        w.requireMap().allowOnly(List.of("background", "shapes"));
        Material bg = material(w.require("background"), baseDir, source, lib);
        List<WaveguideStructure.Painting> shapes = new ArrayList<>();
        if (w.has("shapes")) {
            for (YamlNode sh : w.require("shapes").list()) {
                sh.requireMap();
                if (sh.entries().size() != 1) {
                    throw sh.error(Messages.WRONG_TYPE, sh.path(), "one of " + String.join(", ", SHAPE_KINDS) + " with its settings", sh.entries().keySet());
                }
                String kind = sh.entries().keySet().iterator().next();
                YamlNode body = sh.require(kind);
                if (!SHAPE_KINDS.contains(kind)) {
                    throw sh.error(Messages.BAD_CHOICE, sh.path(), kind, String.join(", ", SHAPE_KINDS));
                }
                if (kind.equals("map")) {
                    shapes.add(readMap(body, baseDir, source, lib));
                    continue;
                }
                org.glassguide.solver.fd.Shape shape = shape(kind, body, "material");
                shapes.add(new WaveguideStructure.PaintedShape(shape, material(body.require("material"), baseDir, source, lib)));
            }
        }
        return new WaveguideStructure(bg, shapes);
    }

    /** A shape of the cross-section (rectangle, circle, slab, polygon) from its settings; extra: keys allowed besides its own. */
    private static org.glassguide.solver.fd.Shape shape(String kind, YamlNode body, String... extra) {
        org.glassguide.solver.fd.Shape shape;
        switch (kind) {
            case "rectangle": {
                body.requireMap().allowOnly(keys(extra, "width", "height", "center", "centre"));
                double[] c = point(body.has("centre") ? body.require("centre") : body.optional("center").orElse(null));
                double wd = positive(body.require("width"));
                double ht = positive(body.require("height"));
                shape = new org.glassguide.solver.fd.Shape.Rectangle(c[0], c[1], wd, ht);
                break;
            }
            case "circle": {
                body.requireMap().allowOnly(keys(extra, "radius", "diameter", "center", "centre"));
                double[] c = point(body.has("centre") ? body.require("centre") : body.optional("center").orElse(null));
                double r = body.has("radius") ? positive(body.require("radius")) : positive(body.require("diameter")) / 2;
                shape = new org.glassguide.solver.fd.Shape.Circle(c[0], c[1], r);
                break;
            }
            case "slab": {
                body.requireMap().allowOnly(keys(extra, "y"));
                double[] ys = range(body.require("y"));
                shape = new org.glassguide.solver.fd.Shape.Slab(ys[0], ys[1]);
                break;
            }
            default: {
                body.requireMap().allowOnly(keys(extra, "points"));
                List<YamlNode> pts = body.require("points").list();
                if (pts.size() < 3) {
                    throw body.require("points").error(Messages.TOO_FEW_POINTS, body.require("points").path(), 3, pts.size());
                }
                double[] xs = new double[pts.size()];
                double[] ys = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    double[] q = point(pts.get(i));
                    xs[i] = q[0];
                    ys[i] = q[1];
                }
                shape = new org.glassguide.solver.fd.Shape.Polygon(xs, ys);
            }
        }
        return shape;
    }

    private static List<String> keys(String[] extra, String... own) {
        List<String> k = new ArrayList<>(List.of(own));
        k.addAll(List.of(extra));
        return k;
    }

    /**
     * An index map: a CSV of material ids or a PNG image (first row at the top), its extent, and the
     * table from id (CSV; grey level or palette index of a PNG) or colour ("#rrggbb", colour PNGs) to material.
     */
    private WaveguideStructure.PaintedMap readMap(YamlNode body, Path baseDir, String source, MaterialLibrary lib) {
        body.requireMap().allowOnly(List.of("file", "x", "y", "materials"));
        YamlNode fileNode = body.require("file");
        Path file = baseDir == null ? Path.of(fileNode.text()) : baseDir.resolve(fileNode.text());
        if (!Files.isReadable(file)) {
            throw fileNode.error(Messages.FILE_NOT_READABLE, fileNode.path(), fileNode.text(), "no such readable file");
        }
        boolean png = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png");
        double[] xs = range(body.require("x"));
        double[] ys = range(body.require("y"));
        YamlNode tableNode = body.require("materials");
        PngImage image = null;
        if (png) {
            try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
                image = PngImage.read(in);
            } catch (java.io.IOException ex) {
                throw fileNode.error(Messages.FILE_NOT_READABLE, fileNode.path(), fileNode.text(), ex.getMessage());
            }
        }
        boolean colourKeys = image != null && image.kind == PngImage.Kind.RGB;
        java.util.Map<Integer, Material> table = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, YamlNode> e : tableNode.entries().entrySet()) {
            String key = e.getKey().trim();
            int id;
            if (colourKeys) {
                String hex = key.startsWith("#") ? key.substring(1) : key.toLowerCase(java.util.Locale.ROOT).startsWith("0x") ? key.substring(2) : "";
                if (!hex.matches("[0-9a-fA-F]{6}")) {
                    throw e.getValue().error(Messages.BAD_CHOICE, tableNode.path() + " key", key,
                            "colours \"#rrggbb\" (quoted: # starts a YAML comment) or 0xrrggbb for a colour PNG");
                }
                id = Integer.parseInt(hex, 16);
            } else {
                try {
                    id = Integer.parseInt(key);
                } catch (NumberFormatException ex) {
                    throw e.getValue().error(Messages.BAD_CHOICE, tableNode.path() + " key", key, png
                            ? "grey levels or palette indices 0 to 255 for this PNG" : "whole numbers 0, 1, 2, ...");
                }
                if (id < 0 || id > 255) {
                    throw e.getValue().error(Messages.OUT_OF_RANGE, tableNode.path() + " key", id, "0 to 255");
                }
            }
            table.put(id, material(e.getValue(), baseDir, source, lib));
        }
        int[][] ids = image != null ? image.values : readCsvIds(file, fileNode, tableNode, table);
        if (ids.length == 0) {
            throw fileNode.error(Messages.TOO_FEW_POINTS, fileNode.path(), 1, 0);
        }
        // compact ids 0..k-1 in key order, so that colours need no 2^24-entry tables
        java.util.Map<Integer, Integer> compact = new java.util.HashMap<>();
        java.util.Map<Integer, Material> materials = new java.util.HashMap<>();
        for (java.util.Map.Entry<Integer, Material> e : table.entrySet()) {
            compact.put(e.getKey(), compact.size());
            materials.put(compact.get(e.getKey()), e.getValue());
        }
        int[][] out = new int[ids.length][];
        for (int r = 0; r < ids.length; r++) {
            out[r] = new int[ids[r].length];
            for (int c = 0; c < ids[r].length; c++) {
                Integer id = compact.get(ids[r][c]);
                if (id == null) {
                    String what = colourKeys ? String.format(java.util.Locale.ROOT, "#%06x", ids[r][c]) : Integer.toString(ids[r][c]);
                    throw new GlassGuideException(file + ": pixel row " + (r + 1) + ", column " + (c + 1), Messages.BAD_CHOICE,
                            colourKeys ? "colour" : image != null ? (image.kind == PngImage.Kind.INDEXED ? "palette index" : "grey level")
                                    : "material id", what, "the keys of " + tableNode.path() + ": " + table.keySet().stream()
                                    .map(k -> colourKeys ? String.format(java.util.Locale.ROOT, "#%06x", k) : k.toString())
                                    .collect(java.util.stream.Collectors.joining(", ")));
                }
                out[r][c] = id;
            }
        }
        return new WaveguideStructure.PaintedMap(xs[0], xs[1], ys[0], ys[1], out, materials);
    }

    private static int[][] readCsvIds(Path file, YamlNode fileNode, YamlNode tableNode, java.util.Map<Integer, Material> table) {
        List<int[]> rows = new ArrayList<>();
        try {
            List<String> lines = org.glassguide.materials.yaml.TextFiles.read("table", file).lines().toList();
            for (int ln = 0; ln < lines.size(); ln++) {
                String line = lines.get(ln).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("[,;\\s]+");
                int[] row = new int[parts.length];
                for (int c = 0; c < parts.length; c++) {
                    try {
                        row[c] = Integer.parseInt(parts[c]);
                    } catch (NumberFormatException ex) {
                        throw new GlassGuideException(file + ":" + (ln + 1) + ":" + (c + 1), Messages.BAD_NUMBER, "material id", parts[c]);
                    }
                    if (!table.containsKey(row[c])) {
                        throw new GlassGuideException(file + ":" + (ln + 1) + ":" + (c + 1), Messages.BAD_CHOICE, "material id", parts[c],
                                "the ids of " + tableNode.path() + ": " + table.keySet());
                    }
                }
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new GlassGuideException(file + ":" + (ln + 1), Messages.OUT_OF_RANGE, "row length", row.length,
                            rows.get(0).length + " values like the first row");
                }
                rows.add(row);
            }
        } catch (GlassGuideException ex) {
            throw ex.at(fileNode.location());
        }
        return rows.toArray(new int[0][]);
    }

    private static double[] range(YamlNode n) {
        List<YamlNode> r = n.list();
        if (r.size() != 2) {
            throw n.error(Messages.WRONG_TYPE, n.path(), "[min, max] with units", r.size() + " items");
        }
        double a = r.get(0).quantity(Units::length);
        double b = r.get(1).quantity(Units::length);
        if (!(b > a)) {
            throw n.error(Messages.OUT_OF_RANGE, n.path(), n.text(), "min < max");
        }
        return new double[] {a, b};
    }

    private static double positive(YamlNode n) {
        double v = n.quantity(Units::length);
        if (!(v > 0)) {
            throw n.error(Messages.NOT_POSITIVE, n.path(), n.text());
        }
        return v;
    }

    private static double[] point(YamlNode n) {
        if (n == null) {
            return new double[2];
        }
        List<YamlNode> xy = n.list();
        if (xy.size() != 2) {
            throw n.error(Messages.WRONG_TYPE, n.path(), "[x, y] with units", xy.size() + " items");
        }
        return new double[] {xy.get(0).quantity(Units::length), xy.get(1).quantity(Units::length)};
    }

    static List<Double> readWavelengths(YamlNode w) {
        List<Double> out = new ArrayList<>();
        if (w.isMap()) {
            w.allowOnly(List.of("from", "to", "step", "points"));
            double from = w.require("from").quantity(Units::wavelength);
            double to = w.require("to").quantity(Units::wavelength);
            if (!(to >= from)) {
                throw w.require("to").error(Messages.OUT_OF_RANGE, w.require("to").path(), w.require("to").text(),
                        "at least from (" + w.require("from").text() + ")");
            }
            if (w.has("step") == w.has("points")) {
                throw w.error(Messages.MISSING_KEY, "step or points (exactly one)", w.path());
            }
            int count;
            double step;
            if (w.has("step")) {
                YamlNode s = w.require("step");
                step = s.quantity(Units::length);
                if (!(step > 0)) {
                    throw s.error(Messages.NOT_POSITIVE, s.path(), s.text());
                }
                count = (int) Math.min(Integer.MAX_VALUE, Math.floor((to - from) / step * (1 + 1e-9)) + 1);
            } else {
                YamlNode p = w.require("points");
                double pts = p.number();
                if (pts < 1 || pts != Math.rint(pts)) {
                    throw p.error(Messages.OUT_OF_RANGE, p.path(), p.text(), "a whole number >= 1");
                }
                count = (int) pts;
                step = count == 1 ? 0 : (to - from) / (count - 1);
            }
            if (count > MAX_WAVELENGTHS) {
                throw w.error(Messages.OUT_OF_RANGE, w.path(), count + " wavelengths", "at most " + MAX_WAVELENGTHS);
            }
            for (int i = 0; i < count; i++) {
                out.add(from + i * step);
            }
            return out;
        }
        for (YamlNode x : w.listOrSingle()) {
            out.add(x.quantity(Units::wavelength));
        }
        if (out.isEmpty()) {
            throw w.error(Messages.TOO_FEW_POINTS, w.path(), 1, 0);
        }
        return out;
    }

    private DesignOptions readOptions(YamlNode o, Path baseDir, String source, MaterialLibrary lib) {
        DesignOptions d = DesignOptions.defaults();
        if (o == null) {
            return d;
        }
        o.requireMap().allowOnly(List.of("vector", "allow-extrapolation", "launch", "max-modes"));
        boolean vector = o.optional("vector").map(YamlNode::bool).orElse(d.vector());
        boolean extra = o.optional("allow-extrapolation").map(YamlNode::bool).orElse(false);
        Material launch = o.optional("launch").map(l -> material(l, baseDir, source, lib)).orElse(null);
        int max = d.maxModes();
        if (o.has("max-modes")) {
            YamlNode m = o.require("max-modes");
            double v = m.number();
            if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                throw m.error(Messages.OUT_OF_RANGE, m.path(), m.text(), "a whole number >= 0");
            }
            max = (int) v;
        }
        return new DesignOptions(vector, extra, launch, max);
    }
}
