package org.glassguide.ui.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an output folder came from — the GlassGuide version, the command line, each input file (design, sweep,
 * optimisation) with its SHA-256, the Java runtime and the time — written as provenance.json in every folder and at
 * the foot of its report.html, whose pictures are embedded so the page stands alone when mailed.
 */
public final class RunProvenance {
    private static volatile List<String> commandLine = List.of();

    private RunProvenance() {
    }

    /** The command line of this process, as the front end received it. */
    public static void record(String[] args) {
        commandLine = List.of(args);
    }

    /** The version from the jar's manifest, "dev" when run from classes. */
    public static String version() {
        String v = RunProvenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("glassguide", version());
        m.put("java", System.getProperty("java.version"));
        m.put("command", "glassguide " + String.join(" ", commandLine));
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String a : commandLine) {
            if (a.matches("(?i).*\\.ya?ml") && Files.isRegularFile(Path.of(a))) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("file", a);
                f.put("sha256", sha256(Path.of(a)));
                inputs.add(f);
            }
        }
        m.put("inputs", inputs);
        m.put("generated", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return m;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static final Pattern IMG = Pattern.compile("<img alt=\"([^\"]*)\" src=\"([^\"]+\\.png)\">");

    /**
     * Finishes a folder being written: provenance.json, and report.html (if any) with its PNGs embedded as data and
     * the provenance at its foot.
     */
    static void finish(Path folder) throws IOException {
        Map<String, Object> p = describe();
        Files.writeString(folder.resolve("provenance.json"), Json.write(p), StandardCharsets.UTF_8);
        Path html = folder.resolve("report.html");
        if (!Files.isRegularFile(html)) {
            return;
        }
        String page = Files.readString(html, StandardCharsets.UTF_8);
        Matcher m = IMG.matcher(page);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path png = folder.resolve(m.group(2)).normalize();
            String replacement = m.group(0);
            if (png.startsWith(folder) && Files.isRegularFile(png)) {
                replacement = "<img alt=\"" + m.group(1) + "\" src=\"data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(Files.readAllBytes(png)) + "\">";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        StringBuilder foot = new StringBuilder("<hr><p style=\"color:#555;font-size:90%\">Made by GlassGuide ").append(MarkdownHtml.esc((String) p.get("glassguide")))
                .append(" (Java ").append(MarkdownHtml.esc((String) p.get("java"))).append(") on ").append(MarkdownHtml.esc((String) p.get("generated")))
                .append(".<br>Command: <code>").append(MarkdownHtml.esc((String) p.get("command"))).append("</code>");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inputs = (List<Map<String, Object>>) p.get("inputs");
        for (Map<String, Object> in : inputs) {
            foot.append("<br>Input <code>").append(MarkdownHtml.esc((String) in.get("file"))).append("</code>, SHA-256 <code>").append(in.get("sha256"))
                    .append("</code>");
        }
        foot.append("</p>\n");
        String done = out.toString();
        int end = done.lastIndexOf("</body>");
        done = end >= 0 ? done.substring(0, end) + foot + done.substring(end) : done + foot;
        Files.writeString(html, done, StandardCharsets.UTF_8);
    }
}
