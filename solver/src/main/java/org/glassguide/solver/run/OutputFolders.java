package org.glassguide.solver.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;

/**
 * The rule that keeps users' files safe: GlassGuide writes an output folder only where it is missing, empty, or an
 * earlier GlassGuide output folder holding nothing but what GlassGuide wrote there. Every output folder carries a
 * marker file listing the entries written, so a folder the user made, or a file the user dropped into an output
 * folder later, is never replaced. The root, the home folder, the working folder and its ancestors are never
 * output folders, whatever they hold.
 */
public final class OutputFolders {
    /** The marker file in every output folder: its first line names it, the following lines the entries written. */
    public static final String MARKER = ".glassguide-output";
    private static final String MARKER_HEADER = "# GlassGuide output folder: GlassGuide replaces it when it writes here again; these entries are its own";
    /** Prefix of the scratch folders GlassGuide makes inside a folder it owns (a sweep's report being written). */
    public static final String SCRATCH_PREFIX = ".glassguide-scratch-";
    /** How many foreign entries a refusal names. */
    private static final int NAMED = 3;

    private OutputFolders() {
    }

    /**
     * Checks that {@code target} may be written (created, or replaced as a whole), before any work starts.
     *
     * @param field the option or key that named the folder, for the message ("--out")
     * @return the folder, as given
     * @throws GlassGuideException OUTPUT_REFUSED, naming why, when it may not
     */
    public static Path checkWritable(String field, Path target) {
        if (target == null || target.toString().isBlank()) {
            throw new GlassGuideException(Messages.OUTPUT_REFUSED, field, "", "an empty name would mean the working folder; name a new folder, e.g. --out out/run1");
        }
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new GlassGuideException(Messages.OUTPUT_REFUSED, field, target, "it is the root folder; name a new folder below it");
        }
        Path home = homeFolder();
        if (home != null && abs.equals(home)) {
            throw new GlassGuideException(Messages.OUTPUT_REFUSED, field, target, "it is the home folder; name a new folder below it");
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (cwd.startsWith(abs)) {
            throw new GlassGuideException(Messages.OUTPUT_REFUSED, field, target,
                    "it is the working folder or holds it; name a new folder, e.g. --out out/run1");
        }
        if (Files.isSymbolicLink(abs)) {
            throw new GlassGuideException(Messages.OUTPUT_REFUSED, field, target, "it is a symbolic link; name the folder itself or a new one");
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new GlassGuideException(Messages.OUTPUT_REFUSED, field, target, "it exists and is not a folder; name a new folder");
        }
        List<String> foreign = foreignEntries(abs);
        if (!foreign.isEmpty()) {
            boolean marked = Files.isRegularFile(abs.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
            String what = String.join(", ", foreign.subList(0, Math.min(NAMED, foreign.size()))) + (foreign.size() > NAMED ? " and " + (foreign.size() - NAMED) + " more" : "");
            throw new GlassGuideException(Messages.OUTPUT_REFUSED, field, target,
                    (marked ? "it is an earlier GlassGuide output folder but also holds " : "it is a folder GlassGuide did not write (it holds ") + Messages.quote(what)
                            + (marked ? ", which GlassGuide did not write" : ")") + "; name a new or empty folder, or move those files away");
        }
        return target;
    }

    /** The entries of an existing folder that GlassGuide did not write there (empty: the folder may be replaced). */
    static List<String> foreignEntries(Path folder) {
        Set<String> ours = listed(folder);
        List<String> foreign = new ArrayList<>();
        try {
            for (String rel : entries(folder)) {
                if (!rel.equals(MARKER) && !ours.contains(rel) && !isOwnScratch(rel)) {
                    foreign.add(rel);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            foreign.add("(an entry that cannot be read: " + e.getMessage() + ")");
        }
        // an unlisted folder is foreign only for what it holds: name the top entries once
        List<String> top = new ArrayList<>();
        for (String f : foreign) {
            if (top.stream().noneMatch(t -> f.startsWith(t + "/"))) {
                top.add(f);
            }
        }
        return top;
    }

    /** Scratch entries GlassGuide makes inside its own folders while writing (left behind only by a hard kill). */
    private static boolean isOwnScratch(String rel) {
        String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
        return top.startsWith(SCRATCH_PREFIX) || top.equals(MARKER + ".tmp");
    }

    /** The entries the marker lists; empty when there is no marker (or one GlassGuide did not write). */
    private static Set<String> listed(Path folder) {
        Path m = folder.resolve(MARKER);
        Set<String> out = new TreeSet<>();
        try {
            if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS) || Files.size(m) > 1 << 20) {
                return out;
            }
            List<String> lines = Files.readAllLines(m, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(MARKER_HEADER)) {
                return out;
            }
            for (String l : lines.subList(1, lines.size())) {
                if (!l.isBlank()) {
                    out.add(l);
                }
            }
        } catch (IOException e) {
            out.clear();
        }
        return out;
    }

    /** Writes (or rewrites) the marker of a folder GlassGuide is writing, listing every entry it holds now. */
    public static void mark(Path folder) throws IOException {
        mark(folder, List.of());
    }

    /** Marks a folder with entries that will appear in it later (a resumable sweep's progress files), besides those now there. */
    public static void mark(Path folder, List<String> alsoExpected) throws IOException {
        Set<String> names = new TreeSet<>(alsoExpected);
        names.addAll(entries(folder));
        names.remove(MARKER);
        StringBuilder b = new StringBuilder(MARKER_HEADER).append('\n');
        names.forEach(n -> b.append(n).append('\n'));
        Path tmp = folder.resolve(MARKER + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(MARKER), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Every entry below a folder, as sorted relative paths with '/' separators. */
    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static Path homeFolder() {
        String h = System.getProperty("user.home");
        if (h == null || h.isBlank() || h.equals("?")) {
            return null;
        }
        return Path.of(h).toAbsolutePath().normalize();
    }
}
