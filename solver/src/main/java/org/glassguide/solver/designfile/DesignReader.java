package org.glassguide.solver.designfile;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.io.MaterialReader;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.analysis.Analyses;
import org.glassguide.solver.analysis.Analysis;
import org.glassguide.solver.analysis.SectionContext;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.design.DesignOptions;
import org.glassguide.solver.design.DesignYaml;
import org.glassguide.solver.design.FiberStructure;
import org.glassguide.solver.design.Layer;
import org.glassguide.solver.design.SolverSettings;
import org.glassguide.solver.design.WaveguideStructure;

/**
 * Reads design files ("format: glassguide/1"): the structure, materials, wavelengths, options and mode-solver settings
 * itself, and each other top-level section through the registered analysis that owns it ({@link Analyses}). Every
 * problem is reported with file:line:column, the key path, the offending value and what is accepted. The README
 * documents the format.
 */
public final class DesignReader {
    private static final List<String> OWN_KEYS = List.of("format", "name", "description", "materials", "structure",
            "wavelengths", "analyses", "options", "solver");
    private static final int MAX_WAVELENGTHS = 100000;

    private final MaterialLibrary library;
    private final List<Analysis<?>> registered;

    /** The reader of the analyses registered now (on this thread): a reader made here may read on any thread. */
    public DesignReader(MaterialLibrary library) {
        this(library, Analyses.all());
    }

    public DesignReader(MaterialLibrary library, List<Analysis<?>> analyses) {
        this.library = library;
        this.registered = List.copyOf(analyses);
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

    /**
     * Reads a design from a document already in memory: a parsed file, the same with values changed
     * ({@link YamlNode#with}: sweep points, optimisation steps) or an editor's data ({@link YamlNode#fromData}).
     *
     * @param baseDir the folder files named in the design are relative to (null: the working folder)
     */
    public Design read(YamlNode root, Path baseDir) {
        return read(root, baseDir, root.source());
    }

    private Design read(YamlNode root, Path baseDir, String source) {
        root.requireMap().allowOnly(topKeys(registered));
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
        List<String> known = registered.stream().map(Analysis::name).toList();
        if (an == null) {
            analyses.add(fiber != null ? "fiber" : "modes");
        } else {
            for (YamlNode a : an.listOrSingle()) {
                String s = a.text().trim();
                if (!known.contains(s)) {
                    throw a.error(Messages.BAD_CHOICE, a.path(), s, String.join(", ", known));
                }
                if (fiber == null && registered.get(known.indexOf(s)).needsFiber()) {
                    List<String> onWaveguides = registered.stream().filter(x -> !x.needsFiber()).map(Analysis::name).toList();
                    throw a.error(Messages.BAD_CHOICE, a.path(), s, String.join(", ", onWaveguides) + " (" + s + " needs a fiber structure)");
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
        // each analysis reads the section it owns (whether listed or not, so a design file is checked whole)
        SectionContext context = new SectionContext(lib, baseDir, source, waveguide != null);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (Analysis<?> a : registered) {
            String key = a.section();
            if (key == null) {
                continue;
            }
            Object settings = root.has(key) ? a.readSection(root.require(key), context) : a.defaultSection();
            if (settings == null && analyses.contains(a.name())) {
                throw root.error(Messages.MISSING_KEY, key, "the design (analyses: [" + a.name() + "] " + a.needsSectionWords() + ")");
            }
            if (settings != null) {
                sections.put(key, settings);
            }
        }
        return new Design(name, description, fiber, waveguide, wavelengths, analyses, options, solver, sections, source);
    }

    /** The top-level keys a design may have: its own and every registered analysis' section. */
    private static List<String> topKeys(List<Analysis<?>> analyses) {
        List<String> keys = new ArrayList<>(OWN_KEYS);
        analyses.stream().map(Analysis::section).filter(java.util.Objects::nonNull).forEach(keys::add);
        return keys;
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
                radius = DesignYaml.positive(ln.require("diameter")) / 2;
                what = ln.require("diameter").path();
            } else if (ln.has("radius")) {
                radius = DesignYaml.positive(ln.require("radius"));
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
                org.glassguide.solver.design.Shape shape = DesignYaml.shape(kind, body, "material");
                shapes.add(new WaveguideStructure.PaintedShape(shape, material(body.require("material"), baseDir, source, lib)));
            }
        }
        return new WaveguideStructure(bg, shapes);
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
        double[] xs = DesignYaml.range(body.require("x"));
        double[] ys = DesignYaml.range(body.require("y"));
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
