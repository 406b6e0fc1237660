package org.glassguide.ui.cli;

import picocli.CommandLine.Command;

/** `glassguide gain DESIGN.yaml`: a rare-earth-doped fiber amplifier by the steady-state rate equations. */
@Command(name = "gain", header = "Rare-earth gain of a doped fiber by the steady-state rate equations with ASE.", mixinStandardHelpOptions = true,
        description = {"Rare-earth gain (Nd3+, Yb3+, Eu3+, ...) by the steady-state rate equations with forward and backward ASE",
            "(Giles-Desurvire): pump, signal and ASE power along the fiber, the inversion, the small-signal gain spectrum, and gain",
            "against length, concentration and pump power. Cross sections and lifetime come from the catalog (gain: block of the",
            "dopant glass). Needs a gain: section. Writes out/<name>-gain/."})
public final class GainCommand extends DesignFolderCommand {
    public GainCommand() {
        super("gain");
    }
}
