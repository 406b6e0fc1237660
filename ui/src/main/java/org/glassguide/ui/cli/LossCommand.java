package org.glassguide.ui.cli;

import picocli.CommandLine.Command;

/** `glassguide loss DESIGN.yaml`: the fiber's loss budget per wavelength, with an optional calibration of a material's loss. */
@Command(name = "loss", header = "Loss budget of a step-index fiber at each design wavelength.", mixinStandardHelpOptions = true,
        description = {"Loss budget of a step-index fiber at each design wavelength: material absorption and scattering of core and",
            "cladding weighted by the guided power's share, Fresnel loss at the end faces, launch coupling loss; a loss: section",
            "adds the source, the length and a calibration of a material's loss to measured points. Writes out/<name>-loss/."})
public final class LossCommand extends DesignFolderCommand {
    public LossCommand() {
        super("loss");
    }
}
