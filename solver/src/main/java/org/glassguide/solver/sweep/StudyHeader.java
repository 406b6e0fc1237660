package org.glassguide.solver.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.yaml.YamlNode;

/**
 * What sweep and optimisation files share at their top: format, name, the base design (read once, relative to the
 * file) and the analysis. Reading it checks each with the usual one-line messages.
 */
public record StudyHeader(YamlNode root, String name, Path designFile, String designText, String analysis) {
    static final List<String> KEYS = List.of("format", "name", "description", "design", "analysis");

    /** Reads the file's header; {@code keys} are the file kind's own top-level keys besides the common ones. */
    public static StudyHeader read(Path file, String kind, String format, List<String> keys) {
        if (!Files.isReadable(file)) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, kind + " file", file, "no such readable file");
        }
        YamlNode root = YamlNode.parse(file);
        List<String> allowed = new ArrayList<>(KEYS);
        allowed.addAll(keys);
        root.requireMap().allowOnly(allowed);
        YamlNode fn = root.require("format");
        if (!fn.text().equals(format)) {
            throw fn.error(Messages.UNSUPPORTED_FORMAT, "format", fn.text(), format);
        }
        String name = root.require("name").text();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw root.require("name").error(Messages.OUT_OF_RANGE, "name", name, "letters, digits, '.', '_' and '-' (it names the output folder)");
        }
        YamlNode dn = root.require("design");
        Path design = file.toAbsolutePath().getParent().resolve(dn.text()).normalize();
        if (!Files.isRegularFile(design) || !Files.isReadable(design)) {
            throw dn.error(Messages.FILE_NOT_READABLE, "design", dn.text(), "no such readable file next to the " + kind + " file");
        }
        String designText;
        try {
            designText = org.glassguide.materials.yaml.TextFiles.read("design", design);
        } catch (GlassGuideException e) {
            throw e.at(dn.location());
        }
        YamlNode an = root.require("analysis");
        String analysis = an.text().trim();
        // the analyses a design can list are the ones a study can run over
        if (!org.glassguide.solver.analysis.Analyses.names().contains(analysis)) {
            throw an.error(Messages.BAD_CHOICE, "analysis", analysis, String.join(", ", org.glassguide.solver.analysis.Analyses.names()));
        }
        return new StudyHeader(root, name, design, designText, analysis);
    }

    /** "a key path such as ..." check of a parameter's or variable's path node. */
    public static DesignPath path(YamlNode pn) {
        try {
            return new DesignPath(pn.text());
        } catch (IllegalArgumentException e) {
            throw pn.error(Messages.OUT_OF_RANGE, pn.path(), pn.text(), "a key path such as structure.fiber.layers[0].diameter (" + e.getMessage()
                    + ")");
        }
    }
}
