package org.glassguide.ui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** glassguide gui: a bad design file is a one-line error before any window opens. */
class GuiCliTest {
    @Test
    void aMissingOrBrokenDesignIsBadInputBeforeAWindow(@TempDir Path dir) throws IOException {
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("gui", dir.resolve("none.yaml").toString()), "design file");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("../examples/zif62-hfk95n-fiber.yaml")).replace("150 um", "-150 um"));
        GlassGuideCliTest.assertBadInput(GlassGuideCliTest.run("gui", bad.toString()), "diameter");
    }
}
