package org.glassguide.solver.design;

import java.util.Locale;
import java.util.Map;

/**
 * A user's formula of x, y, z (metres), such as {@code 1.45 + 0.01 * exp(-(x^2 + y^2) / (5 um)^2)}:
 * numbers (a length unit nm, um, mm, cm or m after a number makes it metres), x, y, z, pi, + - * / ^,
 * parentheses and the functions exp, log, sqrt, sin, cos, tan, tanh, abs, step (1 for a positive
 * argument, 1/2 at 0, else 0), min, max. Parsed once into a tree; evaluation allocates nothing.
 */
public final class IndexExpression {
    private static final Map<String, Double> UNITS = Map.of("nm", 1e-9, "um", 1e-6, "µm", 1e-6, "mm", 1e-3, "cm", 1e-2, "m", 1.0);

    /** A syntax error: what is wrong and where (0-based column). */
    public static final class SyntaxError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String what, int column) {
            super(what + " at column " + (column + 1));
        }
    }

    private interface Node {
        double eval(double x, double y, double z);
    }

    private final String text;
    private final Node root;
    private final boolean usesZ;
    private int pos;
    private boolean seenZ;

    private IndexExpression(String text) {
        this.text = text;
        this.root = parseSum();
        skip();
        if (pos < text.length()) {
            throw new SyntaxError("unexpected '" + text.charAt(pos) + "'", pos);
        }
        this.usesZ = seenZ;
    }

    /** Parses the formula; a {@link SyntaxError} names the problem and its column. */
    public static IndexExpression parse(String text) {
        return new IndexExpression(text);
    }

    public double eval(double x, double y, double z) {
        return root.eval(x, y, z);
    }

    /** Whether the formula depends on z (else one evaluation serves the whole run). */
    public boolean dependsOnZ() {
        return usesZ;
    }

    @Override
    public String toString() {
        return text;
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean take(char c) {
        skip();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private Node parseSum() {
        Node left = parseProduct();
        while (true) {
            if (take('+')) {
                Node a = left;
                Node b = parseProduct();
                left = (x, y, z) -> a.eval(x, y, z) + b.eval(x, y, z);
            } else if (take('-')) {
                Node a = left;
                Node b = parseProduct();
                left = (x, y, z) -> a.eval(x, y, z) - b.eval(x, y, z);
            } else {
                return left;
            }
        }
    }

    private Node parseProduct() {
        Node left = parseUnary();
        while (true) {
            if (take('*')) {
                Node a = left;
                Node b = parseUnary();
                left = (x, y, z) -> a.eval(x, y, z) * b.eval(x, y, z);
            } else if (take('/')) {
                Node a = left;
                Node b = parseUnary();
                left = (x, y, z) -> a.eval(x, y, z) / b.eval(x, y, z);
            } else {
                return left;
            }
        }
    }

    private Node parseUnary() {
        if (take('-')) {
            Node a = parseUnary();
            return (x, y, z) -> -a.eval(x, y, z);
        }
        if (take('+')) {
            return parseUnary();
        }
        return parsePower();
    }

    private Node parsePower() {
        Node base = parseAtom();
        if (take('^')) {
            // right-associative, binding tighter than a unary minus on its right operand
            Node e = parseUnary();
            return (x, y, z) -> Math.pow(base.eval(x, y, z), e.eval(x, y, z));
        }
        return base;
    }

    private Node parseAtom() {
        skip();
        if (pos >= text.length()) {
            throw new SyntaxError("formula ends too early", pos);
        }
        char c = text.charAt(pos);
        if (take('(')) {
            Node inner = parseSum();
            if (!take(')')) {
                throw new SyntaxError("')' expected", pos);
            }
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return parseNumber();
        }
        if (Character.isLetter(c)) {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos).toLowerCase(Locale.ROOT);
            switch (name) {
                case "x":
                    return (x, y, z) -> x;
                case "y":
                    return (x, y, z) -> y;
                case "z":
                    seenZ = true;
                    return (x, y, z) -> z;
                case "pi":
                    return (x, y, z) -> Math.PI;
                default:
                    return parseCall(name, start);
            }
        }
        throw new SyntaxError("unexpected '" + c + "'", pos);
    }

    private Node parseNumber() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        double v;
        try {
            v = Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new SyntaxError("bad number '" + text.substring(start, pos) + "'", start);
        }
        // an optional length unit right after the number
        skip();
        int u = pos;
        while (u < text.length() && (Character.isLetter(text.charAt(u)))) {
            u++;
        }
        String unit = text.substring(pos, u);
        if (UNITS.containsKey(unit)) {
            v *= UNITS.get(unit);
            pos = u;
        }
        double value = v;
        return (x, y, z) -> value;
    }

    private Node parseCall(String name, int at) {
        if (!take('(')) {
            throw new SyntaxError("unknown name '" + name + "' (x, y, z, pi or a function call)", at);
        }
        Node a = parseSum();
        Node b = null;
        if (take(',')) {
            b = parseSum();
        }
        if (!take(')')) {
            throw new SyntaxError("')' expected", pos);
        }
        boolean two = name.equals("min") || name.equals("max");
        if (two != (b != null)) {
            throw new SyntaxError(name + " takes " + (two ? "two arguments" : "one argument"), at);
        }
        Node b2 = b;
        switch (name) {
            case "exp":
                return (x, y, z) -> Math.exp(a.eval(x, y, z));
            case "log":
                return (x, y, z) -> Math.log(a.eval(x, y, z));
            case "sqrt":
                return (x, y, z) -> Math.sqrt(a.eval(x, y, z));
            case "sin":
                return (x, y, z) -> Math.sin(a.eval(x, y, z));
            case "cos":
                return (x, y, z) -> Math.cos(a.eval(x, y, z));
            case "tan":
                return (x, y, z) -> Math.tan(a.eval(x, y, z));
            case "tanh":
                return (x, y, z) -> Math.tanh(a.eval(x, y, z));
            case "abs":
                return (x, y, z) -> Math.abs(a.eval(x, y, z));
            case "step":
                return (x, y, z) -> {
                    double v = a.eval(x, y, z);
                    return v > 0 ? 1 : v < 0 ? 0 : 0.5;
                };
            case "min":
                return (x, y, z) -> Math.min(a.eval(x, y, z), b2.eval(x, y, z));
            case "max":
                return (x, y, z) -> Math.max(a.eval(x, y, z), b2.eval(x, y, z));
            default:
                throw new SyntaxError("unknown function '" + name + "' (exp, log, sqrt, sin, cos, tan, tanh, abs, step, min, max)", at);
        }
    }
}
