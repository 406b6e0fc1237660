package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help works, and every command list shows whole summaries, not a first line cut mid-sentence. */
class HelpSummariesTest {
    /** The command list of a usage text: each entry's summary with its wrapped lines joined. */
    private static List<String> summaries(String usage) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : usage.split("\\R")) {
            if (line.startsWith("Commands:")) {
                in = true;
                continue;
            }
            if (!in || line.isBlank()) {
                continue;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                out.add(line.trim().replaceFirst("^\\S+(, \\S+)?\\s+", ""));
            } else if (!out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + line.trim());
            }
        }
        return out;
    }

    private static void check(CommandLine cl, String path) {
        GlassGuideCliTest.Run r = GlassGuideCliTest.run((path + " --help").trim().split(" "));
        assertEquals(0, r.code(), path + ": " + r.err());
        for (String s : summaries(r.out())) {
            assertTrue(s.endsWith("."), "'" + path + " --help' lists a summary cut mid-sentence: " + s);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            String name = sub.getCommandName();
            if (!name.equals("help") && !cl.getCommandSpec().name().equals(name)) {
                check(sub, (path + " " + name).trim());
            }
        }
    }

    @Test
    void everyCommandListsWholeSummaries() {
        CommandLine root = new CommandLine(new GlassGuideCli());
        GlassGuideCliTest.Run top = GlassGuideCliTest.run("--help");
        assertTrue(summaries(top.out()).size() >= 14, top.out());
        check(root, "");
    }
}
