package org.glassguide.materials.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.glassguide.materials.Material;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.io.MaterialReader;
import org.glassguide.materials.yaml.YamlNode;

/**
 * The materials a run can name: the built-in catalog (resource files) plus any user folders.
 * Lookup is case-insensitive over names and aliases; a miss suggests the closest names.
 */
public final class MaterialLibrary {
    private static final String CATALOG = "/org/glassguide/materials/catalog/";
    private final Map<String, Material> byName = new LinkedHashMap<>();
    private final Map<String, Material> byKey = new LinkedHashMap<>();

    private MaterialLibrary() {
    }

    /** The built-in catalog only. */
    public static MaterialLibrary builtIn() {
        MaterialLibrary lib = new MaterialLibrary();
        try (InputStream in = MaterialLibrary.class.getResourceAsStream(CATALOG + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog index missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                lib.add(readResource(line));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in catalog", e);
        }
        return lib;
    }

    private static Material readResource(String file) throws IOException {
        try (InputStream in = MaterialLibrary.class.getResourceAsStream(CATALOG + file)) {
            if (in == null) {
                throw new IllegalStateException("catalog file missing: " + file);
            }
            YamlNode root = YamlNode.parse("catalog/" + file, new InputStreamReader(in, StandardCharsets.UTF_8));
            return MaterialReader.read(root, null, null, "catalog/" + file);
        }
    }

    /** The catalog plus every *.yaml / *.yml material file in the given folders (later ones win). */
    public static MaterialLibrary withUserFolders(Collection<Path> folders) {
        return withUserFolders(folders, w -> { });
    }

    /**
     * The catalog with the materials of the user's folders added; a user material whose name or alias matches one
     * already there replaces (name) or loses to (alias) it, and {@code warnings} says which file shadows what.
     */
    public static MaterialLibrary withUserFolders(Collection<Path> folders, java.util.function.Consumer<String> warnings) {
        MaterialLibrary lib = builtIn();
        for (Path dir : folders) {
            if (!Files.isDirectory(dir)) {
                throw new GlassGuideException(Messages.FILE_NOT_READABLE, "--materials", dir, "not a folder");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().collect(Collectors.toList())) {
                    Material m = MaterialReader.readFile(f);
                    Material same = lib.byKey.get(key(m.name()));
                    if (same != null) {
                        warnings.accept("warning: " + f + " defines \"" + m.name() + "\", which replaces " + describe(same) + " in this run");
                    }
                    for (String a : m.aliases()) {
                        Material other = lib.byKey.get(key(a));
                        if (other != null && (same == null || other != same)) {
                            warnings.accept("warning: " + f + ": alias \"" + a + "\" already names " + describe(other) + ", which keeps it");
                        }
                    }
                    lib.add(m);
                }
            } catch (IOException e) {
                throw new GlassGuideException(Messages.FILE_NOT_READABLE, "--materials", dir, e.getMessage());
            }
        }
        return lib;
    }

    /** An independent copy, so a design can add its own materials without touching the shared library. */
    public MaterialLibrary copy() {
        MaterialLibrary lib = new MaterialLibrary();
        lib.byName.putAll(byName);
        lib.byKey.putAll(byKey);
        return lib;
    }

    private static String describe(Material m) {
        return "\"" + m.name() + "\" (" + (m.origin() == null || m.origin().isBlank() ? "catalog" : m.origin()) + ")";
    }

    public void add(Material m) {
        Material old = byName.put(m.name(), m);
        if (old != null) {
            byKey.values().removeIf(x -> x == old);
        }
        byKey.put(key(m.name()), m);
        for (String a : m.aliases()) {
            byKey.putIfAbsent(key(a), m);
        }
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    public List<Material> all() {
        return List.copyOf(byName.values());
    }

    public boolean contains(String name) {
        return byKey.containsKey(key(name));
    }

    /** Finds a material by name or alias; unknown names give an error that lists the closest names. */
    public Material get(String name) {
        Material m = byKey.get(key(name));
        if (m == null) {
            List<String> near = suggestions(name, 3);
            String hint = near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
            throw new GlassGuideException(Messages.UNKNOWN_MATERIAL, name, hint);
        }
        return m;
    }

    /** Closest known names by edit distance (case-insensitive), nearest first. */
    public List<String> suggestions(String name, int max) {
        String k = key(name);
        List<String> names = new ArrayList<>(byName.keySet());
        names.sort(Comparator.comparingInt((String n) -> distance(k, key(n))).thenComparing(n -> n));
        List<String> out = new ArrayList<>();
        for (String n : names) {
            int d = distance(k, key(n));
            if (d <= Math.max(2, k.length() / 2) || key(n).contains(k) || k.contains(key(n))) {
                out.add(n);
            }
            if (out.size() == max) {
                break;
            }
        }
        return out;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
