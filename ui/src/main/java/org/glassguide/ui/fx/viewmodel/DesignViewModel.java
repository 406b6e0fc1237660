package org.glassguide.ui.fx.viewmodel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.Material;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.glassguide.solver.design.Design;
import org.glassguide.solver.designfile.DesignReader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The design being edited: the fiber's core and cladding (material and diameter, units typed as text) and the
 * wavelength, with live NA, V and mode count. The design file's other sections are kept as they were: editing writes
 * the fields into the file's YAML tree, and the result is read back by the same reader the command line uses, so
 * every message is the command line's.
 */
public final class DesignViewModel {
    private final MaterialLibrary library;
    private final StringProperty coreMaterial = new SimpleStringProperty("ZIF-62");
    private final StringProperty claddingMaterial = new SimpleStringProperty("HFK95N");
    private final StringProperty coreDiameter = new SimpleStringProperty("150 um");
    private final StringProperty claddingDiameter = new SimpleStringProperty("680 um");
    private final StringProperty wavelength = new SimpleStringProperty("633 nm");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FiberNumbers> numbers = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Design> design = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    /** The waveguide's shapes as the file writes them: kind, its geometry as YAML flow text, its material as text. */
    private final javafx.collections.ObservableList<Shape> shapes = javafx.collections.FXCollections.observableArrayList();
    private final StringProperty background = new SimpleStringProperty("");
    /** Fiber layers beyond the cladding (a W profile's ring, a coating), each as the file writes it: { material: ..., diameter: ... }. */
    private final javafx.collections.ObservableList<String> outerLayers = javafx.collections.FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FieldMap> indexPicture = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper waveguide = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private Map<String, Object> tree = defaultTree();
    private String loadedCore = "";
    private String loadedCladding = "";
    private boolean loading;

    /** One painted shape of a waveguide cross-section (later ones paint over earlier ones). */
    public record Shape(String kind, String geometry, String material) {
        /** The kinds the design reader accepts: one list (an index map's geometry names its file, as in a design). */
        public static final List<String> KINDS = org.glassguide.solver.designfile.DesignReader.SHAPE_KINDS;
    }

    public DesignViewModel(MaterialLibrary library) {
        this.library = library;
        for (StringProperty p : List.of(coreMaterial, claddingMaterial, coreDiameter, claddingDiameter, wavelength)) {
            p.addListener((o, a, b) -> {
                if (!loading) {
                    update();
                }
            });
        }
        background.addListener((o, a, b) -> {
            if (!loading && !isFiberTree()) {
                updateWaveguide();
            }
        });
        update();
    }

    public StringProperty coreMaterialProperty() {
        return coreMaterial;
    }

    public StringProperty claddingMaterialProperty() {
        return claddingMaterial;
    }

    public StringProperty coreDiameterProperty() {
        return coreDiameter;
    }

    public StringProperty claddingDiameterProperty() {
        return claddingDiameter;
    }

    public StringProperty wavelengthProperty() {
        return wavelength;
    }

    /** "NA 0.600, V 432, ..." at the first wavelength, for the status of the editor. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Empty, or the one-line reason the fields do not make a design. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FiberNumbers> numbersProperty() {
        return numbers.getReadOnlyProperty();
    }

    /** The last valid design (null until one is). */
    public ReadOnlyObjectProperty<Design> designProperty() {
        return design.getReadOnlyProperty();
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public MaterialLibrary library() {
        return library;
    }

    /** Whether the open design is a waveguide (edited as shapes) rather than a fiber. */
    public javafx.beans.property.ReadOnlyBooleanProperty waveguideProperty() {
        return waveguide.getReadOnlyProperty();
    }

    public javafx.collections.ObservableList<Shape> shapes() {
        return shapes;
    }

    public javafx.collections.ObservableList<String> outerLayers() {
        return outerLayers;
    }

    /** Replaces outer layer i (or appends when i equals the count), as YAML flow text, and re-reads the design. */
    public void setOuterLayer(int i, String text) {
        if (i == outerLayers.size()) {
            outerLayers.add(text);
        } else {
            outerLayers.set(i, text);
        }
        update();
    }

    public void removeOuterLayer(int i) {
        outerLayers.remove(i);
        update();
    }

    public StringProperty backgroundProperty() {
        return background;
    }

    /** The waveguide's index over the solver window at the first wavelength, normalised 0..1 (low to high), [row][col] top first. */
    public ReadOnlyObjectProperty<FieldMap> indexPictureProperty() {
        return indexPicture.getReadOnlyProperty();
    }

    /** Replaces shape i (or appends when i equals the count) and re-reads the design; a bad shape leaves a message. */
    public void setShape(int i, Shape s) {
        if (i == shapes.size()) {
            shapes.add(s);
        } else {
            shapes.set(i, s);
        }
        updateWaveguide();
    }

    public void removeShape(int i) {
        shapes.remove(i);
        updateWaveguide();
    }

    /** Opens a design file; a fiber design fills the editor, any design becomes the current one. */
    @SuppressWarnings("unchecked")
    public void load(Path path) throws IOException {
        Design d = new DesignReader(library).read(path);
        Object t = new Yaml().load(Files.readString(path, StandardCharsets.UTF_8));
        tree = t instanceof Map ? (Map<String, Object>) t : defaultTree();
        file.set(path);
        waveguide.set(!isFiberTree());
        loading = true;
        if (waveguide.get()) {
            loadShapes();
        }
        try {
            if (d.isFiber() && d.fiber().layers().size() >= 2) {
                List<Map<String, Object>> layers = layers();
                loadedCore = materialText(layers.get(0).get("material"), d.fiber().layers().get(0).material());
                loadedCladding = materialText(layers.get(1).get("material"), d.fiber().layers().get(1).material());
                coreMaterial.set(loadedCore);
                claddingMaterial.set(loadedCladding);
                coreDiameter.set(um(2 * d.fiber().layers().get(0).outerRadius()));
                outerLayers.clear();
                for (int k = 2; k < layers.size(); k++) {
                    outerLayers.add(flow(layers.get(k)));
                }
                claddingDiameter.set(um(2 * d.fiber().layers().get(1).outerRadius()));
            }
            wavelength.set(String.join(", ", d.wavelengths().stream().map(w -> Units.nm(w) + " nm").toList()));
        } finally {
            loading = false;
        }
        design.set(d);
        update();
    }

    /** The design as YAML (the loaded file's sections kept, the edited fields written in). */
    public String yaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setWidth(120);
        return new Yaml(o).dump(tree);
    }

    /** The edited design, read from the editor's data as a file would be (no YAML text in between). */
    private Design readEdited() {
        return new DesignReader(library).read(YamlNode.fromData("editor", tree), file.get() == null ? null : file.get().getParent());
    }

    public void save(Path path) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(tmp, yaml(), StandardCharsets.UTF_8);
        Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        file.set(path);
    }

    private void update() {
        if (!isFiberTree()) {
            updateWaveguide();
            return;
        }
        try {
            double wl = Units.wavelength("wavelength", wavelengths().get(0));
            double dCore = Units.length("core diameter", coreDiameter.get());
            double dClad = Units.length("cladding diameter", claddingDiameter.get());
            if (!(dCore > 0) || !(dClad > dCore)) {
                throw new IllegalArgumentException("cladding diameter (" + claddingDiameter.get() + ") must exceed the core's (" + coreDiameter.get() + ")");
            }
            writeFields();
            Design d = readEdited();
            Material core = d.fiber().layers().get(0).material();
            Material clad = d.fiber().layers().get(1).material();
            double n1 = core.n(wl, true, w -> { });
            double n2 = clad.n(wl, true, w -> { });
            if (!(n1 > n2)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "core index %.4f is not above the cladding's %.4f at %s: nothing is guided",
                        n1, n2, wavelength.get()));
            }
            FiberNumbers fn = FiberNumbers.of(dCore / 2, n1, n2, wl, 1.0);
            numbers.set(fn);
            summary.set(String.format(Locale.ROOT, "n_core %.4f, n_clad %.4f, NA %.4f (acceptance %.1f° in air), V %.4g, %s%d LP groups, %s%d modes",
                    n1, n2, fn.na(), fn.acceptanceDeg(), fn.v(), fn.exact() ? "" : "≈", fn.lpGroups(), fn.exact() ? "" : "≈", fn.modes()));
            message.set("");
            design.set(d);
        } catch (RuntimeException e) {
            message.set(org.glassguide.ui.fx.viewmodel.TaskRunner.message(e));
            // the fields no longer read as a fiber: no numbers or profile of an earlier, different one
            numbers.set(null);
            summary.set("");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> waveguideTree() {
        return (Map<String, Object>) ((Map<String, Object>) tree.get("structure")).get("waveguide");
    }

    @SuppressWarnings("unchecked")
    private void loadShapes() {
        Map<String, Object> w = waveguideTree();
        background.set(flow(w.get("background")));
        shapes.clear();
        Object list = w.get("shapes");
        if (list instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> one = (Map<String, Object>) o;
                String kind = one.keySet().iterator().next();
                Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) one.get(kind));
                Object mat = body.remove("material");
                shapes.add(new Shape(kind, flow(body), flow(mat)));
            }
        }
    }

    /** Writes the shapes and background into the tree, reads the design back and samples its index for the picture. */
    @SuppressWarnings("unchecked")
    private void updateWaveguide() {
        try {
            Map<String, Object> w = waveguideTree();
            Yaml y = new Yaml();
            w.put("background", parseFlow(background.get()));
            List<Object> list = new java.util.ArrayList<>();
            for (Shape s : shapes) {
                if (!Shape.KINDS.contains(s.kind())) {
                    throw new IllegalArgumentException("shape kind (" + s.kind() + ") is not accepted: " + String.join(", ", Shape.KINDS));
                }
                Object g = y.load(s.geometry().isBlank() ? "{}" : s.geometry());
                if (!(g instanceof Map)) {
                    throw new IllegalArgumentException("shape geometry (" + s.geometry() + ") must be a { key: value } mapping, e.g. "
                            + "{ width: 1.5 um, height: 1.5 um, center: [0 um, 0 um] }");
                }
                Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) g);
                body.put("material", parseFlow(s.material()));
                Map<String, Object> one = new LinkedHashMap<>();
                one.put(s.kind(), body);
                list.add(one);
            }
            w.put("shapes", list);
            tree.put("wavelengths", new java.util.ArrayList<>(wavelengths()));
            Design d = readEdited();
            double wl = d.wavelengths().get(0);
            org.glassguide.solver.fd.CrossSection cs = org.glassguide.solver.fd.FdAnalysis.crossSection(d, wl, true, x -> { }, new java.util.ArrayList<>());
            double ww = d.solver().windowWidth();
            double wh = d.solver().windowHeight();
            int nx = 160;
            int ny = (int) Math.max(8, Math.round(nx * wh / ww));
            double[][] eps = cs.sample(-ww / 2, -wh / 2, ww / nx, wh / ny, nx, ny, 2);
            double[][] img = new double[ny][nx];
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double n = Math.sqrt(Math.max(eps[0][i + nx * j], 0));
                    img[ny - 1 - j][i] = n;
                    lo = Math.min(lo, n);
                    hi = Math.max(hi, n);
                }
            }
            for (double[] row : img) {
                for (int i = 0; i < nx; i++) {
                    row[i] = hi > lo ? (row[i] - lo) / (hi - lo) : 0;
                }
            }
            indexPicture.set(new FieldMap(img, -ww / 2 * 1e6, ww / 2 * 1e6, -wh / 2 * 1e6, wh / 2 * 1e6, "x", "y", "um", "refractive index",
                    lo, hi > lo ? hi : lo + 1e-3, java.util.List.of()));
            summary.set(String.format(Locale.ROOT, "waveguide: %d shapes in %s, index %.4f to %.4f over the %.4g x %.4g um solver window at %s nm",
                    shapes.size(), d.waveguide().background().name(), lo, hi, ww * 1e6, wh * 1e6, Units.nm(wl)));
            message.set("");
            design.set(d);
        } catch (RuntimeException e) {
            message.set(org.glassguide.ui.fx.viewmodel.TaskRunner.message(e));
        }
    }

    /** A YAML value as one line of flow text ("ZIF-62", "{ index: 1.56 }"). */
    private static String flow(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        o.setWidth(Integer.MAX_VALUE);
        return new Yaml(o).dump(v).trim();
    }

    private static Object parseFlow(String text) {
        Object v = new Yaml().load(text == null || text.isBlank() ? "''" : text);
        return v instanceof Map || v instanceof List ? v : text.trim();
    }

    @SuppressWarnings("unchecked")
    private boolean isFiberTree() {
        Object st = tree.get("structure");
        return !(st instanceof Map) || !((Map<String, Object>) st).containsKey("waveguide");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> layers() {
        Map<String, Object> structure = (Map<String, Object>) tree.computeIfAbsent("structure", k -> new LinkedHashMap<>());
        Map<String, Object> fiber = (Map<String, Object>) structure.computeIfAbsent("fiber", k -> new LinkedHashMap<>());
        Object l = fiber.get("layers");
        if (!(l instanceof List) || ((List<?>) l).size() < 2) {
            List<Map<String, Object>> fresh = new java.util.ArrayList<>();
            fresh.add(new LinkedHashMap<>());
            fresh.add(new LinkedHashMap<>());
            fiber.put("layers", fresh);
            fiber.putIfAbsent("surround", "air");
            return fresh;
        }
        return (List<Map<String, Object>>) l;
    }

    private void writeFields() {
        List<Map<String, Object>> layers = layers();
        // a layer keeps its material as written (an inline { index: 1.46 } too) until its text is changed to another name
        if (!coreMaterial.get().trim().equals(loadedCore)) {
            layers.get(0).put("material", coreMaterial.get().trim());
        }
        if (!claddingMaterial.get().trim().equals(loadedCladding)) {
            layers.get(1).put("material", claddingMaterial.get().trim());
        }
        while (layers.size() > 2) {
            layers.remove(layers.size() - 1);
        }
        for (String text : outerLayers) {
            Object v = new Yaml().load(text);
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException("layer (" + text + ") must be a { material: ..., diameter: ... } mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> layer = new LinkedHashMap<>((Map<String, Object>) v);
            layers.add(layer);
        }
        layers.get(0).put("diameter", coreDiameter.get().trim());
        layers.get(1).put("diameter", claddingDiameter.get().trim());
        layers.get(0).remove("radius");
        layers.get(1).remove("radius");
        tree.put("wavelengths", new java.util.ArrayList<>(wavelengths()));
    }

    /** The wavelength field's entries ("633 nm" or "450 nm, 545 nm, 650 nm"). */
    private List<String> wavelengths() {
        List<String> out = new java.util.ArrayList<>();
        for (String w : wavelength.get().split(",")) {
            if (!w.isBlank()) {
                out.add(w.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("wavelength (\"" + wavelength.get() + "\") is empty: give one or more, e.g. 633 nm, 1550 nm");
        }
        return out;
    }

    private static String materialText(Object yamlValue, Material m) {
        return yamlValue instanceof String s ? s : m.name();
    }

    private static String um(double metres) {
        return Units.trim(String.format(Locale.ROOT, "%.6f", metres * 1e6)) + " um";
    }

    private static Map<String, Object> defaultTree() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("format", Design.FORMAT);
        t.put("name", "new-fiber");
        Map<String, Object> fiber = new LinkedHashMap<>();
        fiber.put("layers", new java.util.ArrayList<>(List.of(new LinkedHashMap<>(), new LinkedHashMap<>())));
        fiber.put("surround", "air");
        Map<String, Object> structure = new LinkedHashMap<>();
        structure.put("fiber", fiber);
        t.put("structure", structure);
        t.put("wavelengths", new java.util.ArrayList<>(List.of("633 nm")));
        return t;
    }
}
