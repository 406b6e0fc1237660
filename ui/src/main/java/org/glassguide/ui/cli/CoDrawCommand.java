package org.glassguide.ui.cli;

import picocli.CommandLine.Command;

/** `glassguide codraw DESIGN.yaml`: can the core and cladding glasses be drawn together, and what fiber comes out. */
@Command(name = "codraw", header = "Co-draw compatibility of a fiber's core and cladding glasses.", mixinStandardHelpOptions = true,
        description = {"Co-draw compatibility of the fiber's core and cladding glasses: viscosity curves, the temperature",
            "windows in which both draw (or the cladding draws a molten core), risks, and the fiber a preform gives",
            "(volume conservation) with its NA, V, modes and diameter tolerance. Writes out/<name>-codraw/."})
public final class CoDrawCommand extends DesignFolderCommand {
    public CoDrawCommand() {
        super("codraw");
    }
}
