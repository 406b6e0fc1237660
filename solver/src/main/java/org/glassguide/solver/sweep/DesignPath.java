package org.glassguide.solver.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key path into a design file, as the design reader's messages name them: "structure.fiber.layers[0].diameter",
 * "wavelengths", "codraw.preform.core-diameter". Setting a value replaces what the path holds in the loaded YAML
 * tree; the path must exist up to its last key (a last key absent from an existing mapping is added).
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

    /** Sets the value in a tree of Map/List as loaded by SnakeYAML; a missing step is an IllegalArgumentException. */
    @SuppressWarnings("unchecked")
    public void set(Object root, Object value) {
        Object node = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            String where = describe(i);
            if (step instanceof String key) {
                if (!(node instanceof Map)) {
                    throw new IllegalArgumentException(where + " is not a mapping");
                }
                Map<String, Object> map = (Map<String, Object>) node;
                if (last) {
                    map.put(key, value);
                    return;
                }
                if (!map.containsKey(key)) {
                    throw new IllegalArgumentException("the design has no \"" + key + "\" in " + where);
                }
                node = map.get(key);
            } else {
                int index = (Integer) step;
                if (!(node instanceof List)) {
                    throw new IllegalArgumentException(where + " is not a list");
                }
                List<Object> list = (List<Object>) node;
                if (index >= list.size()) {
                    throw new IllegalArgumentException(where + " has " + list.size() + " items, no [" + index + "]");
                }
                if (last) {
                    list.set(index, value);
                    return;
                }
                node = list.get(index);
            }
        }
    }

    private String describe(int upTo) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < upTo; i++) {
            Object s = steps.get(i);
            if (s instanceof Integer n) {
                b.append('[').append(n).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(s);
            }
        }
        return b.length() == 0 ? "the design" : "\"" + b + "\"";
    }

    @Override
    public String toString() {
        return text;
    }
}
