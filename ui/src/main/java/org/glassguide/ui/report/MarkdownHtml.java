package org.glassguide.ui.report;

/** Renders the small Markdown subset our reports use (headings, tables, images, lists, code) as HTML. */
public final class MarkdownHtml {
    private MarkdownHtml() {
    }

    public static String page(String title, String markdown) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                        + "th{background:#f3f3f3}img{max-width:100%}code{background:#f5f5f5;padding:1px 3px}figure{margin:1em 0}"
                        + "figcaption{color:#444;font-size:95%}</style></head><body>\n");
        String[] lines = markdown.split("\n");
        boolean inTable = false;
        boolean inList = false;
        int figures = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("|")) {
                String[] cells = l.substring(1, l.length() - (l.endsWith("|") ? 1 : 0)).split("\\|", -1);
                if (!inTable) {
                    sb.append("<table>\n<tr>");
                    for (String c : cells) {
                        sb.append("<th>").append(inline(c.trim())).append("</th>");
                    }
                    sb.append("</tr>\n");
                    inTable = true;
                    i++; // the separator row
                    continue;
                }
                sb.append("<tr>");
                for (String c : cells) {
                    sb.append("<td>").append(inline(c.trim())).append("</td>");
                }
                sb.append("</tr>\n");
                continue;
            }
            if (inTable) {
                sb.append("</table>\n");
                inTable = false;
            }
            if (l.startsWith("- ")) {
                if (!inList) {
                    sb.append("<ul>\n");
                    inList = true;
                }
                sb.append("<li>").append(inline(l.substring(2))).append("</li>\n");
                continue;
            }
            if (inList) {
                sb.append("</ul>\n");
                inList = false;
            }
            if (l.startsWith("### ")) {
                sb.append("<h3>").append(inline(l.substring(4))).append("</h3>\n");
            } else if (l.startsWith("## ")) {
                sb.append("<h2>").append(inline(l.substring(3))).append("</h2>\n");
            } else if (l.startsWith("# ")) {
                sb.append("<h1>").append(inline(l.substring(2))).append("</h1>\n");
            } else if (l.startsWith("![")) {
                // a figure with its caption (the image's alt text), numbered in the page
                int a = l.indexOf("](");
                String alt = l.substring(2, a);
                figures++;
                sb.append("<figure><img alt=\"").append(esc(alt)).append("\" src=\"").append(esc(l.substring(a + 2, l.length() - 1)))
                        .append("\"><figcaption>Figure ").append(figures).append(". ").append(esc(caption(alt))).append("</figcaption></figure>\n");
            } else if (!l.isBlank()) {
                sb.append("<p>").append(inline(l)).append("</p>\n");
            }
        }
        if (inTable) {
            sb.append("</table>\n");
        }
        if (inList) {
            sb.append("</ul>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    /** An alt text as a caption: its first letter capitalised, a full stop at the end. */
    private static String caption(String alt) {
        String c = alt.isEmpty() ? "Picture" : Character.toUpperCase(alt.charAt(0)) + alt.substring(1);
        return c.endsWith(".") ? c : c + ".";
    }

    private static String inline(String s) {
        return esc(s).replaceAll("`([^`]*)`", "<code>$1</code>");
    }

    /** The text with HTML's special characters escaped. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
