package org.glassguide.solver.loss;

import java.util.List;
import java.util.Map;

/**
 * A loss budget: per wavelength, the propagation loss split by mechanism (dB/m, already weighted by where the
 * guided power travels) and the one-off losses (dB) at the faces and the launch, totalled over the length.
 *
 * @param calibration the calibration fit, or null
 * @param notes what the budget assumes and leaves out, and what the calibration found
 */
public record LossResult(double length, List<Row> rows, Calibration.Result calibration, String calibratedMaterial, List<String> notes) {
    public LossResult {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /**
     * One wavelength: propagation parts (dB/m by name, e.g. "absorption (core)", "Rayleigh scattering (core)",
     * "cladding material", "leakage"), the fraction of guided power in the core and how it was found, Fresnel, coupling
     * and bend (dB), how leakage and bend were found; and, when the calibration's points fit other mechanisms equally well,
     * the lowest and highest propagation loss (dB/m) over every such calibration (null when the calibration is unique).
     */
    public record Row(double wavelength, Map<String, Double> propagationDbPerM, double coreFraction, String coreFractionBasis,
            double fresnelDb, double couplingDb, String couplingBasis, double bendDb, String bendBasis, String leakageBasis, double totalDb,
            double[] propagationRangeDbPerM) {
        public Row {
            propagationDbPerM = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(propagationDbPerM));
        }

        public double propagationTotalDbPerM() {
            return propagationDbPerM.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}
