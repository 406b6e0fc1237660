package org.glassguide.ui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.solver.designfile.DesignReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `glassguide gui [DESIGN.yaml]`: the JavaFX desktop app. */
@Command(name = "gui", header = "The desktop app: design editor, catalog, modes, propagation, loss, emission and gain.", mixinStandardHelpOptions = true,
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
        if (blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY")) && !"Monocle".equals(System.getProperty("glass.platform"))) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "display", "none (DISPLAY is not set)",
                    "a desktop session, or a virtual one: xvfb-run -a ./glassguide gui ...");
        }
        if (screenshots != null && Files.exists(screenshots) && !Files.isDirectory(screenshots)) {
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "--screenshots", screenshots.toString(), "a folder");
        }
        try {
            org.glassguide.ui.fx.GlassGuideApp.launch(designFile, screenshots, libraryOptions.library());
        } catch (UnsupportedOperationException e) {
            // the toolkit could not open the display (or load its GTK library): say which, without a stack trace
            throw new GlassGuideException(Messages.OUT_OF_RANGE, "display", String.valueOf(System.getenv("DISPLAY")),
                    "one JavaFX can open (" + e.getMessage() + "); on a server: xvfb-run -a ./glassguide gui ..., with libgtk-3-0 installed");
        }
        return 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
