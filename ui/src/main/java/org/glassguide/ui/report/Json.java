package org.glassguide.ui.report;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Minimal JSON serialiser for maps, lists, strings, numbers and booleans: enough for reports and
 * `--json`, and it keeps the command line's start-up free of a JSON library. Non-finite numbers become null.
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(1024);
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void indent(StringBuilder sb, int level) {
        sb.append('\n');
        for (int i = 0; i < level; i++) {
            sb.append("  ");
        }
    }

    private static void write(StringBuilder sb, Object v, int level) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            string(sb, (String) v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? number(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                indent(sb, level + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), level + 1);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            indent(sb, level);
            sb.append('}');
        } else if (v instanceof Collection) {
            Collection<?> c = (Collection<?>) v;
            if (c.isEmpty()) {
                sb.append("[]");
                return;
            }
            boolean flat = c.stream().noneMatch(x -> x instanceof Map || x instanceof Collection);
            sb.append('[');
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                if (!flat) {
                    indent(sb, level + 1);
                }
                write(sb, it.next(), level + 1);
                if (it.hasNext()) {
                    sb.append(flat ? ", " : ",");
                }
            }
            if (!flat) {
                indent(sb, level);
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    /** Shortest round-trip decimal form. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d).toLowerCase(Locale.ROOT);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
