package org.glassguide.solver.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key path into a design file, as the design reader's messages name them: "structure.fiber.layers[0].diameter",
 * "wavelengths", "codraw.preform.core-diameter". Setting a value ({@code YamlNode.with}) replaces what the path holds
 * in the design's document; the path must exist up to its last key (a last key absent from an existing mapping is added).
 */
public final class DesignPath {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[\\d+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");
    private final String text;
    // keys (String) and list indices (Integer), in order
    private final List<Object> steps = new ArrayList<>();

    public DesignPath(String text) {
        this.text = text.trim();
        if (this.text.isEmpty()) {
            throw new IllegalArgumentException("an empty path");
        }
        for (String seg : this.text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(seg);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + seg + "\" is not a key (letters, digits, '-', '_') with optional [index]");
            }
            steps.add(m.group(1));
            Matcher i = INDEX.matcher(m.group(2));
            while (i.find()) {
                steps.add(Integer.parseInt(i.group(1)));
            }
        }
    }

    public String text() {
        return text;
    }

    /** The last key of the path ("diameter" for structure.fiber.layers[0].diameter). */
    public String lastKey() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i) instanceof String s) {
                return s;
            }
        }
        return text;
    }

    /** The steps from the root: keys (String) and list indices (Integer), for {@link org.glassguide.materials.yaml.YamlNode#with}. */
    public List<Object> steps() {
        return List.copyOf(steps);
    }

    @Override
    public String toString() {
        return text;
    }
}
