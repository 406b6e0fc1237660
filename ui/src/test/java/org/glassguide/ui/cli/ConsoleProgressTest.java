package org.glassguide.ui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Progress where standard error is not a terminal: a line per interval while a run lasts, nothing for a short run. */
class ConsoleProgressTest {
    @Test
    void aLongRunLogsLinesEvenInsideOneStage() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ConsoleProgress p = new ConsoleProgress(ps, false, 0.05)) {
            p.progress(1, 4, "case 2/4 gain-ase-spectrum");
            Thread.sleep(400);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("progress: case 2/4 gain-ase-spectrum, 25 % done, "), text);
        assertTrue(text.lines().count() >= 2, text);
        assertTrue(text.contains("s left"), text);
        int after = text.length();
        Thread.sleep(200);
        assertEquals(after, bytes.toString(StandardCharsets.UTF_8).length(), "no line after close");
    }

    @Test
    void aShortRunPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 5)) {
            p.progress(0, 2, "one");
            p.progress(2, 2, "done");
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    /** On a terminal, a row printed between bars starts on a clean line: the bar is erased first and drawn again after. */
    @Test
    void theBarIsErasedBeforeARowAndDrawnAgain() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ConsoleProgress p = new ConsoleProgress(ps, true)) {
            Thread.sleep(600);
            p.progress(1, 4, "row 2/4");
            p.clearLine();
            ps.print("| row |\n");
            p.progress(2, 4, "row 3/4");
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        int row = text.indexOf("| row |");
        // the last thing before the row is the erasing carriage return, and a bar is drawn again after it
        assertEquals('\r', text.charAt(row - 1), text);
        assertTrue(text.substring(0, row).contains("row 2/4"), text);
        assertTrue(text.substring(row).contains("row 3/4"), text);
    }
}
