package org.glassguide.materials.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glassguide.materials.AttenuationModel;
import org.glassguide.materials.ConstantIndexModel;
import org.glassguide.materials.Luminescence;
import org.glassguide.materials.Material;
import org.glassguide.materials.RefractiveIndexModel;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.attenuation.GaussianAbsorptionBands;
import org.glassguide.materials.attenuation.LossMeasurement;
import org.glassguide.materials.attenuation.MeasuredAttenuation;
import org.glassguide.materials.attenuation.RayleighAttenuation;
import org.glassguide.materials.attenuation.TotalAttenuation;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.gain.BandCrossSection;
import org.glassguide.materials.gain.CrossSectionSpectrum;
import org.glassguide.materials.gain.GainSpectroscopy;
import org.glassguide.materials.gain.Sensitiser;
import org.glassguide.materials.gain.TabulatedCrossSection;
import org.glassguide.materials.index.CauchyModel;
import org.glassguide.materials.index.DispersionFormula;
import org.glassguide.materials.index.TabulatedIndexModel;
import org.glassguide.materials.source.Provenance;
import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.source.SpectralBand;
import org.glassguide.materials.thermal.MyegaViscosity;
import org.glassguide.materials.thermal.TabulatedViscosity;
import org.glassguide.materials.thermal.VftViscosity;
import org.glassguide.materials.thermal.ViscosityModel;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;

/**
 * Reads GlassGuide material definitions ("format: glassguide-material/1"), used for the built-in
 * catalog, user files and inline materials in design files. See README "Material files".
 */
public final class MaterialReader {
    public static final String FORMAT = "glassguide-material/1";
    private static final List<String> TOP = List.of("format", "name", "aliases", "description", "index", "k",
            "attenuation", "thermal", "luminescence", "viscosity", "gain");
    private static final List<String> INDEX_MODELS = List.of("constant", "sellmeier", "cauchy", "abbe", "tabulated",
            "formula", "refractiveindex.info");

    private MaterialReader() {
    }

    /**
     * Reads a material from a mapping node.
     *
     * @param baseDir folder against which relative file references resolve (may be null)
     * @param defaultName name to use when the mapping has none (inline definitions)
     */
    public static Material read(YamlNode node, Path baseDir, String defaultName, String origin) {
        node.requireMap().allowOnly(TOP);
        node.optional("format").ifPresent(f -> {
            if (!f.text().equals(FORMAT)) {
                throw f.error(Messages.UNSUPPORTED_FORMAT, "format", f.text(), FORMAT);
            }
        });
        String name = node.optional("name").map(YamlNode::text).orElse(defaultName);
        if (name == null || name.isBlank()) {
            throw node.error(Messages.MISSING_KEY, "name", node.path().isEmpty() ? "the material file" : node.path());
        }
        List<String> aliases = new ArrayList<>();
        node.optional("aliases").ifPresent(a -> a.listOrSingle().forEach(x -> aliases.add(x.text())));
        String description = node.optional("description").map(YamlNode::text).orElse("");
        YamlNode idx = node.require("index");
        RefractiveIndexModel index;
        Provenance indexProv;
        if (idx.isScalar()) {
            // shorthand { index: 1.56, k: 1e-6 }
            double n = idx.number();
            double k = node.optional("k").map(YamlNode::number).orElse(0.0);
            index = constant(idx, n, k);
            indexProv = Provenance.user(origin);
        } else {
            if (node.has("k")) {
                throw node.require("k").error(Messages.UNKNOWN_KEY, "k", "a material whose index is a model", "put k inside index:");
            }
            index = readIndex(idx, baseDir);
            RefractiveIndexInfoReader.checkPhysical(index, index.validRange().min(), index.validRange().max(), idx);
            indexProv = provenance(idx, origin);
        }
        AttenuationModel att = null;
        Provenance attProv = null;
        if (node.has("attenuation")) {
            YamlNode a = node.require("attenuation");
            List<AttenuationModel> parts = new ArrayList<>();
            Provenance first = null;
            for (YamlNode part : a.listOrSingle()) {
                parts.add(readAttenuation(part));
                Provenance p = provenance(part, origin);
                first = first == null || p.isAssumed() ? p : first;
            }
            att = parts.size() == 1 ? parts.get(0) : new TotalAttenuation(parts);
            attProv = first;
        }
        Map<String, SourcedValue> thermal = new LinkedHashMap<>();
        node.optional("thermal").ifPresent(t -> {
            t.requireMap().allowOnly(Material.THERMAL_KEYS);
            for (Map.Entry<String, YamlNode> e : t.entries().entrySet()) {
                thermal.put(e.getKey(), thermalValue(e.getKey(), e.getValue(), origin));
            }
        });
        Luminescence lum = node.optional("luminescence").map(l -> readLuminescence(l, origin)).orElse(null);
        ViscosityModel visc = node.optional("viscosity").map(MaterialReader::readViscosity).orElse(null);
        Provenance viscProv = visc == null ? null : provenance(node.require("viscosity"), origin);
        GainSpectroscopy gain = node.optional("gain").map(g -> readGain(g, lum, origin)).orElse(null);
        return new Material(name, aliases, description, index, indexProv, att, attProv, thermal, lum, origin, visc, viscProv, gain);
    }

    /**
     * viscosity: {model: myega, glass-transition, fragility, log-eta-inf} | {model: vft, a, b, t0}
     * | {model: table, points: [[T, eta], ...]}, each with source or assumed.
     */
    static ViscosityModel readViscosity(YamlNode v) {
        v.requireMap();
        String model = v.require("model").text().trim().toLowerCase(java.util.Locale.ROOT);
        List<String> common = List.of("model", "source", "assumed", "note");
        try {
            switch (model) {
                case "myega": {
                    v.allowOnly(concat(common, "glass-transition", "fragility", "log-eta-inf"));
                    double tg = v.require("glass-transition").quantity(Units::temperature);
                    double m = v.require("fragility").number();
                    double l = v.optional("log-eta-inf").map(YamlNode::number).orElse(MyegaViscosity.UNIVERSAL_LOG_ETA_INFINITY);
                    return new MyegaViscosity(l, tg, m);
                }
                case "vft": {
                    v.allowOnly(concat(common, "a", "b", "t0"));
                    return new VftViscosity(v.require("a").number(), v.require("b").quantity(Units::temperature),
                            v.require("t0").quantity(Units::temperature));
                }
                case "table": {
                    v.allowOnly(concat(common, "points"));
                    List<YamlNode> pts = v.require("points").list();
                    double[] t = new double[pts.size()];
                    double[] e = new double[pts.size()];
                    for (int i = 0; i < pts.size(); i++) {
                        List<YamlNode> pair = pts.get(i).list();
                        if (pair.size() != 2) {
                            throw pts.get(i).error(Messages.WRONG_TYPE, pts.get(i).path(), "a pair [temperature, viscosity]",
                                    pair.size() + " values");
                        }
                        t[i] = pair.get(0).quantity(Units::temperature);
                        double eta = pair.get(1).quantity(Units::viscosity);
                        if (!(eta > 0)) {
                            throw pair.get(1).error(Messages.NOT_POSITIVE, pair.get(1).path(), pair.get(1).text());
                        }
                        e[i] = Math.log10(eta);
                    }
                    return new TabulatedViscosity(t, e);
                }
                default:
                    throw v.require("model").error(Messages.BAD_CHOICE, v.path() + ".model", model, "myega, vft, table");
            }
        } catch (IllegalArgumentException e) {
            throw v.error(Messages.OUT_OF_RANGE, v.path(), model, e.getMessage());
        }
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }

    /** Reads a material file: GlassGuide format, or a refractiveindex.info page (named after the file). */
    public static Material readFile(Path file) {
        YamlNode root = YamlNode.parse(file);
        String base = file.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        if (RefractiveIndexInfoReader.isPage(root)) {
            RefractiveIndexModel m = RefractiveIndexInfoReader.read(root);
            String refs = RefractiveIndexInfoReader.references(root);
            Provenance p = refs.isEmpty() ? Provenance.user(file.toString()) : Provenance.source(refs);
            String choice = RefractiveIndexInfoReader.entryChoice(root);
            return new Material(base, List.of(), "refractiveindex.info page " + file.getFileName() + (choice.isEmpty() ? "" : ": " + choice), m, p, null, null,
                    Map.of(), null, file.toString());
        }
        return read(root, file.toAbsolutePath().getParent(), base, file.toString());
    }

    private static RefractiveIndexModel constant(YamlNode at, double n, double k) {
        if (!(n > 0)) {
            throw at.error(Messages.NOT_POSITIVE, "index n", n);
        }
        if (!(k >= 0)) {
            throw at.error(Messages.OUT_OF_RANGE, "k", k, "k >= 0 (absorbing)");
        }
        return new ConstantIndexModel(n, k);
    }

    static Provenance provenance(YamlNode n, String origin) {
        if (!n.isMap()) {
            return Provenance.user(origin);
        }
        if (n.has("source") && n.has("assumed")) {
            throw n.require("assumed").error(Messages.UNKNOWN_KEY, "assumed", n.path(), "either source or assumed, not both");
        }
        if (n.has("source")) {
            return Provenance.source(n.require("source").text());
        }
        if (n.has("assumed")) {
            return Provenance.assumed(n.require("assumed").text());
        }
        return Provenance.user(origin);
    }

    private static WavelengthRange range(YamlNode n, WavelengthRange dflt) {
        if (!n.has("range")) {
            return dflt;
        }
        List<YamlNode> r = n.require("range").list();
        if (r.size() != 2) {
            throw n.require("range").error(Messages.WRONG_TYPE, n.path() + ".range", "[min, max] with units", r.size() + " items");
        }
        double lo = r.get(0).quantity(Units::wavelength);
        double hi = r.get(1).quantity(Units::wavelength);
        if (!(hi > lo)) {
            throw n.require("range").error(Messages.OUT_OF_RANGE, n.path() + ".range", Units.nm(lo) + " to " + Units.nm(hi) + " nm", "min < max");
        }
        return new WavelengthRange(lo, hi);
    }

    private static RefractiveIndexModel readIndex(YamlNode idx, Path baseDir) {
        idx.requireMap();
        String model = idx.require("model").text();
        List<String> common = List.of("model", "range", "source", "assumed", "note");
        switch (model) {
            case "constant": {
                allow(idx, common, "n", "k");
                return constant(idx, idx.require("n").number(), idx.optional("k").map(YamlNode::number).orElse(0.0));
            }
            case "sellmeier": {
                // n^2 = 1 + A + sum B_i l^2 / (l^2 - C_i), C in um^2 (refractiveindex.info formula 2)
                allow(idx, common, "A", "B", "C");
                double[] b = numbers(idx.require("B"));
                double[] c = numbers(idx.require("C"));
                if (b.length != c.length || b.length == 0) {
                    throw idx.require("C").error(Messages.WRONG_TYPE, idx.path() + ".C", "as many terms as B (" + b.length + ")", c.length + " terms");
                }
                double[] coeff = new double[1 + 2 * b.length];
                coeff[0] = idx.optional("A").map(YamlNode::number).orElse(0.0);
                for (int i = 0; i < b.length; i++) {
                    coeff[1 + 2 * i] = b[i];
                    coeff[2 + 2 * i] = c[i];
                }
                return new DispersionFormula(2, coeff, range(idx, WavelengthRange.ALL));
            }
            case "cauchy": {
                // n = A + B/l^2 + C/l^4 with l in um
                allow(idx, common, "A", "B", "C");
                return new CauchyModel(idx.require("A").number(), idx.optional("B").map(YamlNode::number).orElse(0.0) * 1e-12,
                        idx.optional("C").map(YamlNode::number).orElse(0.0) * 1e-24, range(idx, WavelengthRange.ALL));
            }
            case "abbe": {
                allow(idx, common, "n", "at", "abbe");
                double n = idx.require("n").number();
                if (!(n > 1)) {
                    throw idx.require("n").error(Messages.OUT_OF_RANGE, idx.path() + ".n", n, "n > 1 for an Abbe-number model");
                }
                double abbe = idx.require("abbe").number();
                if (!(abbe > 0)) {
                    throw idx.require("abbe").error(Messages.NOT_POSITIVE, idx.path() + ".abbe", abbe);
                }
                return CauchyModel.fromIndexAndAbbe(n, idx.require("at").quantity(Units::wavelength), abbe,
                        range(idx, WavelengthRange.ALL));
            }
            case "tabulated": {
                allow(idx, common, "points");
                List<YamlNode> pts = idx.require("points").list();
                double[] wl = new double[pts.size()];
                double[] nv = new double[pts.size()];
                double[] kv = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    List<YamlNode> row = pts.get(i).list();
                    if (row.size() < 2 || row.size() > 3) {
                        throw pts.get(i).error(Messages.WRONG_TYPE, pts.get(i).path(), "[wavelength, n] or [wavelength, n, k]", row.size() + " items");
                    }
                    wl[i] = row.get(0).quantity(Units::wavelength);
                    nv[i] = row.get(1).number();
                    kv[i] = row.size() == 3 ? row.get(2).number() : 0;
                    if (i > 0 && !(wl[i] > wl[i - 1])) {
                        throw pts.get(i).error(Messages.NOT_INCREASING, idx.path() + ".points wavelengths", Units.nm(wl[i]) + " nm", Units.nm(wl[i - 1]) + " nm");
                    }
                }
                return new TabulatedIndexModel(wl, nv, kv);
            }
            case "formula": {
                allow(idx, common, "type", "coefficients");
                int type = (int) idx.require("type").number();
                if (type < 1 || type > 9) {
                    throw idx.require("type").error(Messages.UNSUPPORTED_FORMULA, "formula " + idx.require("type").text());
                }
                double[] c = numbers(idx.require("coefficients"));
                return new DispersionFormula(type, c, range(idx, WavelengthRange.ALL));
            }
            case "refractiveindex.info": {
                allow(idx, common, "file");
                String f = idx.require("file").text();
                Path p = baseDir == null ? Path.of(f) : baseDir.resolve(f);
                if (!Files.isReadable(p)) {
                    throw idx.require("file").error(Messages.FILE_NOT_READABLE, idx.path() + ".file", f, "no such file");
                }
                return RefractiveIndexInfoReader.read(YamlNode.parse(p));
            }
            default:
                throw idx.require("model").error(Messages.BAD_CHOICE, idx.path() + ".model", model, String.join(", ", INDEX_MODELS));
        }
    }

    private static void allow(YamlNode n, List<String> common, String... extra) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(extra));
        n.allowOnly(all);
    }

    private static double[] numbers(YamlNode n) {
        if (n.isList()) {
            List<YamlNode> l = n.list();
            double[] a = new double[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = l.get(i).number();
            }
            return a;
        }
        return RefractiveIndexInfoReader.numbers(n);
    }

    /** measured-on: bulk | waveguide | fiber | {fiber: {core-diameter, cladding, launch}}. */
    private static LossMeasurement readMeasuredOn(YamlNode m) {
        String accepted = "bulk (a material loss), waveguide, fiber, or {fiber: {core-diameter, cladding, launch}} (guide losses)";
        if (m.isScalar()) {
            return switch (m.text().trim()) {
                case "bulk" -> LossMeasurement.BULK;
                case "waveguide" -> new LossMeasurement(true, "waveguide", Double.NaN, null, null);
                case "fiber" -> new LossMeasurement(true, "fiber", Double.NaN, null, null);
                default -> throw m.error(Messages.BAD_CHOICE, m.path(), m.text(), accepted);
            };
        }
        YamlNode f = m.requireMap().allowOnly(List.of("fiber")).require("fiber").requireMap().allowOnly(List.of("core-diameter", "cladding", "launch"));
        double core = f.require("core-diameter").quantity(Units::length);
        if (!(core > 0)) {
            throw f.require("core-diameter").error(Messages.NOT_POSITIVE, f.path() + ".core-diameter", f.require("core-diameter").text());
        }
        String launch = null;
        if (f.has("launch")) {
            launch = f.require("launch").text().trim();
            if (!List.of("equal", "fundamental", "filled").contains(launch)) {
                throw f.require("launch").error(Messages.BAD_CHOICE, f.path() + ".launch", launch, "equal, fundamental, filled");
            }
        }
        return new LossMeasurement(true, "fiber", core, f.require("cladding").text().trim(), launch);
    }

    private static AttenuationModel readAttenuation(YamlNode a) {
        a.requireMap();
        String model = a.require("model").text();
        List<String> common = List.of("model", "source", "assumed", "note");
        try {
            switch (model) {
                case "measured": {
                    allow(a, common, "points", "measured-on");
                    List<YamlNode> pts = a.require("points").list();
                    List<double[]> rows = new ArrayList<>();
                    for (YamlNode p : pts) {
                        List<YamlNode> row = p.list();
                        if (row.size() != 2) {
                            throw p.error(Messages.WRONG_TYPE, p.path(), "[wavelength, loss] e.g. [650 nm, 0.72 dB/cm]", row.size() + " items");
                        }
                        double alpha = row.get(1).quantity(Units::attenuation);
                        if (!(alpha > 0)) {
                            throw row.get(1).error(Messages.NOT_POSITIVE, row.get(1).path(), row.get(1).text());
                        }
                        rows.add(new double[] {row.get(0).quantity(Units::wavelength), alpha});
                    }
                    rows.sort((x, y) -> Double.compare(x[0], y[0]));
                    double[] wl = new double[rows.size()];
                    double[] al = new double[rows.size()];
                    for (int i = 0; i < wl.length; i++) {
                        wl[i] = rows.get(i)[0];
                        al[i] = rows.get(i)[1];
                        if (i > 0 && wl[i] == wl[i - 1]) {
                            throw pts.get(i).error(Messages.NOT_INCREASING, a.path() + ".points wavelengths", Units.nm(wl[i]) + " nm", Units.nm(wl[i - 1]) + " nm");
                        }
                    }
                    if (wl.length == 0) {
                        throw a.require("points").error(Messages.TOO_FEW_POINTS, a.path() + ".points", 1, 0);
                    }
                    return new MeasuredAttenuation(wl, al, a.has("measured-on") ? readMeasuredOn(a.require("measured-on")) : null);
                }
                case "rayleigh": {
                    // alpha = alpha(at) (at/lambda)^4 + floor
                    allow(a, common, "scattering", "at", "floor");
                    double s = a.require("scattering").quantity(Units::attenuation);
                    double at = a.require("at").quantity(Units::wavelength);
                    double floor = a.optional("floor").map(f -> f.quantity(Units::attenuation)).orElse(0.0);
                    return new RayleighAttenuation(s * Math.pow(at, 4), floor);
                }
                case "bands": {
                    allow(a, common, "bands");
                    List<GaussianAbsorptionBands.Band> bands = new ArrayList<>();
                    for (YamlNode b : a.require("bands").list()) {
                        b.requireMap().allowOnly(List.of("centre", "center", "fwhm", "peak", "source", "assumed"));
                        double[] cf = centreAndFwhm(b);
                        bands.add(new GaussianAbsorptionBands.Band(b.require("peak").quantity(Units::attenuation), cf[0], cf[1]));
                    }
                    return new GaussianAbsorptionBands(bands);
                }
                default:
                    throw a.require("model").error(Messages.BAD_CHOICE, a.path() + ".model", model, "measured, rayleigh, bands");
            }
        } catch (IllegalArgumentException e) {
            throw a.error(Messages.OUT_OF_RANGE, a.path(), model, e.getMessage());
        }
    }

    private static SourcedValue thermalValue(String key, YamlNode v, String origin) {
        switch (key) {
            case "glassTransition":
            case "melting":
            case "softening":
            case "stableGlassUpTo":
                return sourced(v, Units::temperature, "K", origin);
            case "processingWindow":
                // a temperature difference: 150 K and 150 °C are the same width
                return sourced(v, (f, t) -> Units.temperature(f, t.replace("°C", "K").replace(" C", " K")), "K", origin);
            case "viscosityAtMelting":
                return sourced(v, Units::viscosity, "Pa s", origin);
            case "youngsModulus":
                return sourced(v, Units::pressure, "Pa", origin);
            case "expansion":
                // linear thermal expansion coefficient, 1/K ("9.5e-6 /K" or a plain 9.5e-6)
                return sourced(v, (f, t) -> Units.fraction(f, t.replace("/K", "").replace("1/K", "").trim()), "1/K", origin);
            default:
                return sourced(v, (f, t) -> Units.fraction(f, t), "1", origin);
        }
    }

    /** A value written plainly or as {value, source | assumed, note}, parsed with its unit. */
    private static SourcedValue sourced(YamlNode v, YamlNode.QuantityParser unit, String si, String origin) {
        YamlNode valueNode = v;
        Provenance p = Provenance.user(origin);
        String note = "";
        if (v.isMap()) {
            v.allowOnly(List.of("value", "source", "assumed", "note"));
            valueNode = v.require("value");
            p = provenance(v, origin);
            note = v.optional("note").map(YamlNode::text).orElse("");
        }
        return new SourcedValue(valueNode.quantity(unit), si, p, note);
    }

    private static Luminescence readLuminescence(YamlNode l, String origin) {
        l.requireMap().allowOnly(List.of("excitation", "emission", "plqy", "lifetime", "energyTransferEfficiency", "note"));
        List<SpectralBand> exc = new ArrayList<>();
        List<SpectralBand> em = new ArrayList<>();
        l.optional("excitation").ifPresent(e -> e.listOrSingle().forEach(b -> exc.add(band(b, origin))));
        l.optional("emission").ifPresent(e -> e.listOrSingle().forEach(b -> em.add(band(b, origin))));
        Map<String, SourcedValue> props = new LinkedHashMap<>();
        for (String key : List.of("plqy", "energyTransferEfficiency")) {
            l.optional(key).ifPresent(v -> {
                v.requireMap().allowOnly(List.of("value", "source", "assumed", "note"));
                double f = v.require("value").quantity(Units::fraction);
                if (!(f >= 0 && f <= 1)) {
                    throw v.require("value").error(Messages.OUT_OF_RANGE, v.path(), v.require("value").text(), "0 to 1 (or 0 % to 100 %)");
                }
                props.put(key, new SourcedValue(f, "1", provenance(v, origin), v.optional("note").map(YamlNode::text).orElse("")));
            });
        }
        l.optional("lifetime").ifPresent(v -> {
            v.requireMap().allowOnly(List.of("value", "source", "assumed", "note"));
            double t = v.require("value").quantity(Units::time);
            if (!(t > 0)) {
                throw v.require("value").error(Messages.NOT_POSITIVE, v.path(), v.require("value").text());
            }
            props.put("lifetime", new SourcedValue(t, "s", provenance(v, origin), v.optional("note").map(YamlNode::text).orElse("")));
        });
        return new Luminescence(exc, em, props, l.optional("note").map(YamlNode::text).orElse(""));
    }

    /**
     * gain: {ion, absorption, emission, lifetime | radiative-lifetime, concentration, sensitiser, note}. A spectrum is
     * {bands: [{centre, fwhm, peak}], source|assumed} or {units: [nm, m2], table: [[wavelength, sigma], ...], source|assumed}.
     * With radiative-lifetime instead of lifetime, the lifetime is the radiative one times the ion's own quantum yield,
     * PLQY / energy-transfer efficiency (the luminescence block's), since a sensitised glass's PLQY counts the transfer too.
     */
    static GainSpectroscopy readGain(YamlNode g, Luminescence lum, String origin) {
        g.requireMap().allowOnly(List.of("ion", "absorption", "emission", "lifetime", "radiative-lifetime", "concentration", "sensitiser", "note"));
        String ion = g.require("ion").text().trim();
        CrossSectionSpectrum abs = crossSections(g.require("absorption"), Units::area);
        CrossSectionSpectrum em = crossSections(g.require("emission"), Units::area);
        SourcedValue tau;
        if (g.has("lifetime") == g.has("radiative-lifetime")) {
            throw g.error(Messages.MISSING_KEY, "lifetime or radiative-lifetime (exactly one)", g.path());
        }
        if (g.has("lifetime")) {
            tau = scalar(g.require("lifetime"), Units::time, "s", origin);
        } else {
            SourcedValue rad = scalar(g.require("radiative-lifetime"), Units::time, "s", origin);
            SourcedValue plqy = lum == null ? null : lum.properties().get("plqy");
            if (plqy == null) {
                throw g.require("radiative-lifetime").error(Messages.MISSING_KEY, "luminescence.plqy",
                        "the material (radiative-lifetime needs the PLQY to give the lifetime; or give lifetime)");
            }
            SourcedValue eta = lum.properties().get("energyTransferEfficiency");
            double q = eta == null ? plqy.value() : Math.min(1, plqy.value() / eta.value());
            String how = String.format(java.util.Locale.ROOT, "radiative lifetime %.4g us (%s) x ion quantum yield %.4g = PLQY %.4g (%s)%s",
                    rad.value() * 1e6, rad.provenance(), q, plqy.value(), plqy.provenance(),
                    eta == null ? "" : String.format(java.util.Locale.ROOT, " / energy-transfer efficiency %.4g (%s)", eta.value(), eta.provenance()));
            Provenance p = rad.provenance().isAssumed() || plqy.provenance().isAssumed() ? Provenance.assumed(how) : Provenance.source(how);
            tau = new SourcedValue(rad.value() * q, "s", p, "derived");
        }
        SourcedValue conc = g.optional("concentration").map(c -> scalar(c, Units::density, "1/m^3", origin)).orElse(null);
        Sensitiser sens = null;
        if (g.has("sensitiser")) {
            YamlNode s = g.require("sensitiser").requireMap().allowOnly(List.of("label", "absorption", "efficiency"));
            YamlNode a = s.require("absorption");
            CrossSectionSpectrum alpha = crossSections(a, Units::attenuation);
            SourcedValue eff;
            if (s.has("efficiency")) {
                eff = scalar(s.require("efficiency"), Units::fraction, "1", origin);
            } else if (lum != null && lum.properties().containsKey("energyTransferEfficiency")) {
                eff = lum.properties().get("energyTransferEfficiency");
            } else {
                throw s.error(Messages.MISSING_KEY, "efficiency", s.path() + " (no energyTransferEfficiency in luminescence either)");
            }
            if (!(eff.value() >= 0 && eff.value() <= 1)) {
                throw s.error(Messages.OUT_OF_RANGE, s.path() + ".efficiency", eff.value(), "0 to 1 (or 0 % to 100 %)");
            }
            sens = new Sensitiser(s.optional("label").map(YamlNode::text).orElse("antenna"), alpha, provenance(a, origin), eff);
        }
        try {
            return new GainSpectroscopy(ion, abs, provenance(g.require("absorption"), origin), em, provenance(g.require("emission"), origin), tau,
                    conc, sens, g.optional("note").map(YamlNode::text).orElse(""));
        } catch (IllegalArgumentException e) {
            throw g.error(Messages.OUT_OF_RANGE, g.path(), ion, e.getMessage());
        }
    }

    /** As {@link #sourced}, and positive. */
    private static SourcedValue scalar(YamlNode v, YamlNode.QuantityParser unit, String si, String origin) {
        SourcedValue sv = sourced(v, unit, si, origin);
        if (!(sv.value() > 0)) {
            YamlNode valueNode = v.isMap() ? v.require("value") : v;
            throw valueNode.error(Messages.NOT_POSITIVE, v.path(), valueNode.text());
        }
        return sv;
    }

    /** A band or table spectrum; unit parses a band's peak (cross section, or absorption coefficient for an antenna). */
    private static CrossSectionSpectrum crossSections(YamlNode n, YamlNode.QuantityParser unit) {
        n.requireMap();
        if (n.has("bands") == n.has("table")) {
            throw n.error(Messages.MISSING_KEY, "bands or table (exactly one)", n.path());
        }
        if (n.has("bands")) {
            n.allowOnly(List.of("bands", "source", "assumed", "note"));
            List<SpectralBand> bands = new ArrayList<>();
            for (YamlNode b : n.require("bands").listOrSingle()) {
                b.requireMap().allowOnly(List.of("label", "centre", "center", "fwhm", "peak", "source", "assumed"));
                double[] cf = centreAndFwhm(b);
                YamlNode pk = b.require("peak");
                double peak = pk.quantity(unit);
                if (!(peak >= 0)) {
                    throw pk.error(Messages.OUT_OF_RANGE, pk.path(), pk.text(), "a peak of 0 or more");
                }
                bands.add(new SpectralBand(b.optional("label").map(YamlNode::text).orElse(""), cf[0], cf[1], peak, provenance(n, "catalog")));
            }
            return new BandCrossSection(bands);
        }
        n.allowOnly(List.of("units", "table", "source", "assumed", "note"));
        List<YamlNode> u = n.require("units").list();
        if (u.size() != 2) {
            throw n.require("units").error(Messages.WRONG_TYPE, n.path() + ".units", "two units, e.g. [nm, m2]", n.require("units").text());
        }
        double wlUnit = Units.wavelength(n.path() + ".units", "1 " + u.get(0).text().trim());
        double sUnit = unit.parse(n.path() + ".units", "1 " + u.get(1).text().trim());
        List<YamlNode> rows = n.require("table").list();
        double[] wl = new double[rows.size()];
        double[] v = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            List<YamlNode> r = rows.get(i).list();
            if (r.size() != 2) {
                throw rows.get(i).error(Messages.WRONG_TYPE, rows.get(i).path(), "a [wavelength, value] pair", rows.get(i).text());
            }
            wl[i] = r.get(0).number() * wlUnit;
            v[i] = r.get(1).number() * sUnit;
        }
        try {
            return new TabulatedCrossSection(wl, v);
        } catch (IllegalArgumentException e) {
            throw n.require("table").error(Messages.OUT_OF_RANGE, n.path() + ".table", rows.size() + " rows", e.getMessage());
        }
    }

    private static SpectralBand band(YamlNode b, String origin) {
        b.requireMap().allowOnly(List.of("label", "centre", "center", "fwhm", "weight", "source", "assumed"));
        double[] cf = centreAndFwhm(b);
        double w = b.optional("weight").map(YamlNode::number).orElse(1.0);
        return new SpectralBand(b.optional("label").map(YamlNode::text).orElse(""), cf[0], cf[1], w, provenance(b, origin));
    }

    /** A band's {centre, FWHM} in metres ("centre" or "center"; the FWHM positive): every band block reads them alike. */
    private static double[] centreAndFwhm(YamlNode b) {
        YamlNode c = b.has("centre") ? b.require("centre") : b.require("center");
        double fwhm = b.require("fwhm").quantity(Units::wavelength);
        if (!(fwhm > 0)) {
            throw b.require("fwhm").error(Messages.NOT_POSITIVE, b.path() + ".fwhm", b.require("fwhm").text());
        }
        return new double[] {c.quantity(Units::wavelength), fwhm};
    }
}
