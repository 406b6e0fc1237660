package org.glassguide.ui.fx.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glassguide.materials.Material;
import org.glassguide.materials.WavelengthRange;
import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.source.SourcedValue;
import org.glassguide.materials.source.SpectralBand;
import org.glassguide.materials.units.Units;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The catalog browser: search, n(lambda) and attenuation curves of the selected material, provenance of every number. */
public final class MaterialsViewModel {
    /** A curve to plot: x in nm. */
    public record Curve(String name, double[] xNm, double[] y) {
    }

    private final MaterialLibrary library;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Curve> index = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Curve> attenuation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Curve> emission = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");

    /** What a user material can be saved as: the YAML it was created from, or the file it was imported from. */
    private final Map<String, String> createdYaml = new java.util.HashMap<>();
    private final Map<String, java.nio.file.Path> importedFrom = new java.util.HashMap<>();

    public MaterialsViewModel(MaterialLibrary library) {
        this.library = library;
        search.addListener((o, a, b) -> filter());
        selected.addListener((o, a, b) -> show());
        filter();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<String> names() {
        return names;
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Curve> indexCurveProperty() {
        return index.getReadOnlyProperty();
    }

    /** Attenuation in dB/cm, or null when the material has none. */
    public ReadOnlyObjectProperty<Curve> attenuationCurveProperty() {
        return attenuation.getReadOnlyProperty();
    }

    /** The luminescence emission spectrum (sum of the catalog's bands, peak 1), or null when the material has none. */
    public ReadOnlyObjectProperty<Curve> emissionCurveProperty() {
        return emission.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /**
     * Imports a GlassGuide material file or a refractiveindex.info database page (its file name becomes the name) into
     * the session's library, where designs can use it; selects it.
     */
    public String importMaterial(java.nio.file.Path file) {
        Material m = org.glassguide.materials.io.MaterialReader.readFile(file);
        library.add(m);
        importedFrom.put(m.name(), file);
        filter();
        selected.set(m.name());
        return m.name();
    }

    /**
     * Creates a user material from an index at one wavelength and an Abbe number (the two-term Cauchy model), marked
     * published (with the source given) or assumed (with the reason given); it joins the library and can be saved.
     */
    public String createMaterial(String name, String index, String at, String abbe, String provenance, boolean assumed) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name (empty) is required: the material's name in designs");
        }
        if (provenance == null || provenance.isBlank()) {
            throw new IllegalArgumentException("source (empty) is required: where the numbers come from, or why they are assumed");
        }
        String yaml = "format: glassguide-material/1\nname: " + quote(name.trim()) + "\nindex:\n  model: abbe\n  n: " + index.trim() + "\n  at: "
                + quote(at.trim()) + "\n  abbe: " + abbe.trim() + "\n  " + (assumed ? "assumed" : "source") + ": " + quote(provenance.trim()) + "\n";
        Material m = org.glassguide.materials.io.MaterialReader.read(org.glassguide.materials.yaml.YamlNode.parse("new material",
                new java.io.StringReader(yaml)), null, null, "created in the app");
        library.add(m);
        createdYaml.put(m.name(), yaml);
        filter();
        selected.set(m.name());
        return m.name();
    }

    /** Whether the selected material was made or imported in this session (and so can be saved). */
    public boolean selectedIsUserMaterial() {
        return selected.get() != null && (createdYaml.containsKey(selected.get()) || importedFrom.containsKey(selected.get()));
    }

    /** Writes the selected user material to a file (a --materials folder makes it part of the catalog). */
    public void saveSelected(java.nio.file.Path file) throws java.io.IOException {
        String name = selected.get();
        if (createdYaml.containsKey(name)) {
            java.nio.file.Files.writeString(file, createdYaml.get(name), java.nio.charset.StandardCharsets.UTF_8);
        } else if (importedFrom.containsKey(name)) {
            java.nio.file.Files.copy(importedFrom.get(name), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            throw new IllegalArgumentException("material (" + name + ") is a catalog material: only materials made or imported here are saved");
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void filter() {
        String q = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (Material m : library.all()) {
            boolean hit = q.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(q)
                    || m.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(q))
                    || m.description().toLowerCase(Locale.ROOT).contains(q);
            if (hit) {
                out.add(m.name());
            }
        }
        names.setAll(out);
    }

    private void show() {
        if (selected.get() == null || !library.contains(selected.get())) {
            index.set(null);
            attenuation.set(null);
            emission.set(null);
            details.set("");
            return;
        }
        Material m = library.get(selected.get());
        WavelengthRange r = m.index().validRange();
        double lo = Math.max(r.min(), 300e-9);
        double hi = Math.min(r.max(), 2000e-9);
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double wl = lo + (hi - lo) * i / (n - 1);
            x[i] = wl * 1e9;
            y[i] = m.index().n(wl);
        }
        index.set(new Curve("n", x, y));
        attenuation.set(m.attenuationModel().map(a -> {
            double[] ay = new double[n];
            for (int i = 0; i < n; i++) {
                ay[i] = a.alpha(x[i] * 1e-9) * Units.DB_PER_NEPER_POWER / 100;
            }
            boolean held = false;
            for (double xi : x) {
                held |= a.extension(xi * 1e-9) != null;
            }
            return new Curve(held ? "attenuation (dB/cm; held at the nearest measurement outside the measured span: assumed)" : "attenuation (dB/cm)",
                    x, ay);
        }).orElse(null));
        emission.set(m.luminescenceData().filter(l -> !l.emission().isEmpty()).map(l -> {
            double elo = Double.MAX_VALUE;
            double ehi = 0;
            for (SpectralBand band : l.emission()) {
                elo = Math.min(elo, band.centre() - 2 * band.fwhm());
                ehi = Math.max(ehi, band.centre() + 2 * band.fwhm());
            }
            double[] ex = new double[n];
            double[] ey = new double[n];
            double peak = 0;
            for (int i = 0; i < n; i++) {
                double wl = Math.max(1e-9, elo) + (ehi - Math.max(1e-9, elo)) * i / (n - 1);
                ex[i] = wl * 1e9;
                ey[i] = l.emissionSpectrum(wl);
                peak = Math.max(peak, ey[i]);
            }
            for (int i = 0; i < n; i++) {
                ey[i] = peak > 0 ? ey[i] / peak : 0;
            }
            return new Curve("emission (relative)", ex, ey);
        }).orElse(null));
        StringBuilder b = new StringBuilder(m.name());
        if (!m.aliases().isEmpty()) {
            b.append(" (").append(String.join(", ", m.aliases())).append(')');
        }
        b.append('\n').append(m.description()).append("\n\nindex: ").append(m.index().describe()).append("\n  ").append(m.indexProvenance());
        m.attenuationModel().ifPresent(a -> b.append("\nattenuation: ").append(a.describe()).append("\n  ").append(m.attenuationProvenance()));
        for (Map.Entry<String, SourcedValue> e : m.thermal().entrySet()) {
            b.append("\n").append(e.getKey()).append(" = ").append(value(e.getValue())).append("; ").append(e.getValue().provenance());
        }
        m.luminescenceData().ifPresent(l -> {
            for (SpectralBand s : l.emission()) {
                b.append("\nemission ").append(s.label()).append(": ").append(Units.nm(s.centre())).append(" nm; ").append(s.provenance());
            }
            l.properties().forEach((k, v) -> b.append("\n").append(k).append(" = ").append(value(v)).append("; ").append(v.provenance()));
        });
        m.gainData().ifPresent(g -> b.append("\ngain: ").append(g.ion()).append(", lifetime ").append(value(g.lifetime())).append("; ")
                .append(g.lifetime().provenance()));
        details.set(b.toString());
    }

    private static String value(SourcedValue v) {
        return Units.trim(String.format(Locale.ROOT, "%.6g", v.value())) + (v.siUnit().equals("1") ? "" : " " + v.siUnit());
    }
}
