package org.glassguide.ui.cli;

import picocli.CommandLine.Command;

/** `glassguide sensor DESIGN.yaml`: oxygen sensing by the quenched phosphorescence of the fiber's core. */
@Command(name = "sensor", header = "Oxygen sensing by the quenched phosphorescence of a fiber's core.", mixinStandardHelpOptions = true,
        description = {"Oxygen sensing with the core's phosphorescence: Stern-Volmer intensity and lifetime against O2, the detection",
            "limit and resolution under a noise model (or K_SV calibrated to a published detection limit), and the decay once the",
            "excitation stops. Needs a sensor: section. Writes out/<name>-sensor/."})
public final class SensorCommand extends DesignFolderCommand {
    public SensorCommand() {
        super("sensor");
    }
}
