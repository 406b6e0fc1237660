package org.glassguide.materials.yaml;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers where it came from (file, line, column) and its path from the root,
 * so every error in a design or material file can point at the exact key. Read-only.
 */
public final class YamlNode {
    private final String source;
    private final String path;
    private final Node node;
    private final Map<String, YamlNode> entries;
    private final List<YamlNode> items;

    private YamlNode(String source, String path, Node node) {
        this(source, path, node, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** {@code open}: the collections being built above this one; meeting one again is an alias to its own ancestor. */
    private YamlNode(String source, String path, Node node, java.util.Set<Node> open) {
        this.source = source;
        this.path = path;
        this.node = node;
        if ((node instanceof MappingNode || node instanceof SequenceNode) && !open.add(node)) {
            throw new GlassGuideException(where(source, node.getStartMark()), Messages.MALFORMED_YAML,
                    describe(path) + " contains itself through an alias (&anchor ... *anchor inside it); aliases may only repeat earlier, finished values");
        }
        if (node instanceof MappingNode) {
            Map<String, YamlNode> m = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode)) {
                    throw new GlassGuideException(where(source, k.getStartMark()), Messages.WRONG_TYPE,
                            "a key in " + describe(path), "a plain word", "a " + kind(k));
                }
                String key = ((ScalarNode) k).getValue();
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (m.containsKey(key)) {
                    throw new GlassGuideException(where(source, k.getStartMark()), Messages.MALFORMED_YAML,
                            "key \"" + key + "\" appears twice in " + describe(path));
                }
                m.put(key, new YamlNode(source, childPath, t.getValueNode(), open));
            }
            entries = Collections.unmodifiableMap(m);
            items = List.of();
        } else if (node instanceof SequenceNode) {
            List<YamlNode> l = new ArrayList<>();
            List<Node> value = ((SequenceNode) node).getValue();
            for (int i = 0; i < value.size(); i++) {
                l.add(new YamlNode(source, path + "[" + i + "]", value.get(i), open));
            }
            items = Collections.unmodifiableList(l);
            entries = Map.of();
        } else {
            entries = Map.of();
            items = List.of();
        }
        open.remove(node);
    }

    /** Parses one YAML document; a syntax error becomes a message with file:line:column. */
    public static YamlNode parse(String source, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Yaml yaml = new Yaml(options);
        Node root;
        try {
            root = yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new GlassGuideException(where(source, m), Messages.MALFORMED_YAML,
                    problem.replaceAll("\\s+", " ").trim());
        } catch (YAMLException e) {
            throw new GlassGuideException(source, Messages.MALFORMED_YAML, String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
        if (root == null) {
            throw new GlassGuideException(source, Messages.MALFORMED_YAML, "the document is empty");
        }
        return new YamlNode(source, "", root);
    }

    /**
     * A document built from plain data (maps, lists, strings, numbers, booleans), as an editor holds it: the same checks
     * and messages as a parsed file, without line numbers.
     */
    public static YamlNode fromData(String source, Object data) {
        return new YamlNode(source, "", represent(data));
    }

    /**
     * This document with one value replaced (or a last key added to an existing mapping): steps are keys (String) and
     * list indices (Integer) from the root. The rest of the document is shared, and a replaced value keeps the place of
     * the one it replaces, so a message about it points where the file holds it. Only on a root node.
     *
     * @throws IllegalArgumentException when the path does not exist up to its last key
     */
    public YamlNode with(List<Object> steps, Object value) {
        if (!path.isEmpty()) {
            throw new IllegalStateException("with() is for a document's root, not " + describe(path));
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an empty path");
        }
        return new YamlNode(source, "", replaced(node, steps, 0, value));
    }

    private static Node replaced(Node at, List<Object> steps, int i, Object value) {
        Object step = steps.get(i);
        boolean last = i == steps.size() - 1;
        String where = describeSteps(steps, i);
        if (step instanceof String key) {
            if (!(at instanceof MappingNode m)) {
                throw new IllegalArgumentException(where + " is not a mapping");
            }
            List<NodeTuple> tuples = new ArrayList<>(m.getValue());
            for (int k = 0; k < tuples.size(); k++) {
                NodeTuple t = tuples.get(k);
                if (t.getKeyNode() instanceof ScalarNode sk && sk.getValue().equals(key)) {
                    Node child = last ? placed(represent(value), t.getValueNode()) : replaced(t.getValueNode(), steps, i + 1, value);
                    tuples.set(k, new NodeTuple(t.getKeyNode(), child));
                    return new MappingNode(m.getTag(), tuples, m.getFlowStyle());
                }
            }
            if (!last) {
                throw new IllegalArgumentException("the design has no \"" + key + "\" in " + where);
            }
            tuples.add(new NodeTuple(represent(key), represent(value)));
            return new MappingNode(m.getTag(), tuples, m.getFlowStyle());
        }
        int index = (Integer) step;
        if (!(at instanceof SequenceNode q)) {
            throw new IllegalArgumentException(where + " is not a list");
        }
        List<Node> items = new ArrayList<>(q.getValue());
        if (index >= items.size()) {
            throw new IllegalArgumentException(where + " has " + items.size() + " items, no [" + index + "]");
        }
        items.set(index, last ? placed(represent(value), items.get(index)) : replaced(items.get(index), steps, i + 1, value));
        return new SequenceNode(q.getTag(), items, q.getFlowStyle());
    }

    private static String describeSteps(List<Object> steps, int upTo) {
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

    private static Node represent(Object data) {
        return new Yaml().represent(data);
    }

    /** A new scalar value takes the place of the old (its marks); a new collection is left without (its items have none). */
    private static Node placed(Node fresh, Node old) {
        if (fresh instanceof ScalarNode sc) {
            return new ScalarNode(sc.getTag(), sc.getValue(), old.getStartMark(), old.getEndMark(), sc.getScalarStyle());
        }
        return fresh;
    }

    /** Parses a file: a regular UTF-8 file within the size limit ({@link TextFiles}), else a one-line refusal. */
    public static YamlNode parse(Path file) {
        return parse(file.toString(), new java.io.StringReader(TextFiles.read("file", file)));
    }

    private static String where(String source, Mark m) {
        if (m == null) {
            return source;
        }
        return source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    private static String kind(Node n) {
        if (n instanceof MappingNode) {
            return "mapping";
        }
        if (n instanceof SequenceNode) {
            return "list";
        }
        return "value";
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the document" : "\"" + path + "\"";
    }

    /** "file:line:column" of this node. */
    public String location() {
        return where(source, node.getStartMark());
    }

    public String source() {
        return source;
    }

    /** Dotted path from the root, e.g. "structure.fiber.layers[0].diameter". */
    public String path() {
        return path;
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isNull() {
        return node instanceof ScalarNode && "tag:yaml.org,2002:null".equals(node.getTag().getValue());
    }

    /** Throws a located error built from a message key. */
    public GlassGuideException error(Messages key, Object... args) {
        return new GlassGuideException(location(), key, args);
    }

    /** Wraps an error from a value parser with this node's location. */
    public GlassGuideException locate(GlassGuideException e) {
        return e.at(location());
    }

    public YamlNode requireMap() {
        if (!isMap()) {
            throw error(Messages.WRONG_TYPE, describe(path), "a mapping (key: value lines or { ... })", "a " + kind(node));
        }
        return this;
    }

    public List<YamlNode> list() {
        if (!isList()) {
            throw error(Messages.WRONG_TYPE, describe(path), "a list ([...] or - items)", "a " + kind(node));
        }
        return items;
    }

    /** A single value as a list of one, or a list as itself. */
    public List<YamlNode> listOrSingle() {
        return isList() ? items : List.of(this);
    }

    public String text() {
        if (!isScalar() || isNull()) {
            throw error(Messages.WRONG_TYPE, describe(path), "a value", isNull() ? "nothing" : "a " + kind(node));
        }
        return ((ScalarNode) node).getValue();
    }

    public double number() {
        String t = text().trim();
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(Messages.BAD_NUMBER, path, t);
        }
    }

    public boolean bool() {
        String t = text().trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("yes")) {
            return true;
        }
        if (t.equals("false") || t.equals("no")) {
            return false;
        }
        throw error(Messages.BAD_CHOICE, path, t, "true, false");
    }

    /** Parses this value with a unit-aware parser, locating any error here. */
    public double quantity(QuantityParser parser) {
        try {
            return parser.parse(path, text());
        } catch (GlassGuideException e) {
            throw locate(e);
        }
    }

    public Map<String, YamlNode> entries() {
        requireMap();
        return entries;
    }

    public boolean has(String key) {
        return requireMap().entries.containsKey(key) && !entries.get(key).isNull();
    }

    public Optional<YamlNode> optional(String key) {
        requireMap();
        YamlNode n = entries.get(key);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    public YamlNode require(String key) {
        requireMap();
        YamlNode n = entries.get(key);
        if (n == null || n.isNull()) {
            throw error(Messages.MISSING_KEY, key, describe(path));
        }
        return n;
    }

    /** Rejects keys other than the accepted ones, naming the first stranger and the accepted set. */
    public YamlNode allowOnly(Collection<String> accepted) {
        requireMap();
        for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
            if (!accepted.contains(e.getKey())) {
                throw new GlassGuideException(e.getValue().keyLocation(), Messages.UNKNOWN_KEY, e.getKey(),
                        describe(path), String.join(", ", accepted));
            }
        }
        return this;
    }

    private String keyLocation() {
        // The value's mark is on the key's line; good enough for users and editors.
        return location();
    }

    /** A parser from (field, text) to an SI value, e.g. Units::length. */
    @FunctionalInterface
    public interface QuantityParser {
        double parse(String field, String text);
    }

    @Override
    public String toString() {
        return path + "@" + location();
    }
}
