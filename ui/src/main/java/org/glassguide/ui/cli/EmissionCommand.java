package org.glassguide.ui.cli;

import picocli.CommandLine.Command;

/** `glassguide emission DESIGN.yaml`: Monte Carlo ray tracing of the luminescence a multimode fiber guides to its end face. */
@Command(name = "emission", header = "Guided luminescence of a luminescent-core fiber by Monte Carlo ray tracing.", mixinStandardHelpOptions = true,
        description = {"Guided luminescence of a fiber with a luminescent core by Monte Carlo ray tracing: trapping (bound, tunnelling,",
            "refracting rays), attenuation, self-absorption and re-emission, Fresnel at the faces; the output spectrum and its CIE xy",
            "colour per length, far field with its NA, end-face near field. Needs an emission: section. Writes out/<name>-emission/."})
public final class EmissionCommand extends DesignFolderCommand {
    public EmissionCommand() {
        super("emission");
    }
}
