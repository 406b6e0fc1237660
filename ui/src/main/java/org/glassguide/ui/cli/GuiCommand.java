package org.glassguide.ui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.design.DesignReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `glassguide gui [DESIGN.yaml]`: the JavaFX desktop app. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"The desktop app: design editor with live NA, V and mode count, material catalog, mode table and pictures, loss /",
            "emission / gain results, and a teaching view. Opens DESIGN.yaml when given. --screenshots DIR writes one PNG per view",
            "and exits (needs a display; under Xvfb on a server)."})
public final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DESIGN.yaml", description = "Design file to open.")
    Path designFile;

    @Option(names = "--screenshots", paramLabel = "DIR", description = "Write a PNG of every view to DIR and exit.")
    Path screenshots;

    @Mixin
    LibraryOptions libraryOptions;

    @Override
    public Integer call() {
        if (designFile != null) {
            // read once here so a bad file is a one-line error before any window opens
            new DesignReader(libraryOptions.library()).read(designFile);
        }
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null && !"Monocle".equals(System.getProperty("glass.platform"))) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "display", "none (DISPLAY is not set)",
                    "a desktop session, or a virtual one: xvfb-run -a ./glassguide gui ...");
        }
        if (screenshots != null && Files.exists(screenshots) && !Files.isDirectory(screenshots)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--screenshots", screenshots.toString(), "a folder");
        }
        org.glassguide.ui.fx.GlassGuideApp.launch(designFile, screenshots, libraryOptions.library());
        return 0;
    }
}
