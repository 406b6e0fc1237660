package org.glassguide.solver.fiber;

import java.util.List;

/**
 * Every guided mode of a step-index fiber at one wavelength.
 *
 * @param lpModes all LP_lm groups, n_eff descending
 * @param vectorModes all TE/TM/HE/EH modes, n_eff descending (empty unless solved)
 * @param lpGroupCount number of distinct LP_lm groups
 * @param lpModeCount guided modes counting polarisation and cos/sin degeneracy (2 or 4 per group)
 * @param vectorGroupCount number of distinct TE/TM/HE/EH modes
 * @param vectorModeCount guided vector modes counting both HE/EH polarisations: the total mode count
 */
public record StepIndexModes(StepIndexFiber fiber, List<GuidedMode> lpModes, List<GuidedMode> vectorModes,
        long lpGroupCount, long lpModeCount, long vectorGroupCount, long vectorModeCount, boolean vectorSolved) {
    public StepIndexModes {
        lpModes = List.copyOf(lpModes);
        vectorModes = List.copyOf(vectorModes);
    }

    public GuidedMode fundamental() {
        return lpModes.get(0);
    }
}
