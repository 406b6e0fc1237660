package org.glassguide.solver.loss;

import org.glassguide.solver.fiber.FiberAnalysis;
import org.glassguide.solver.fiber.ModePowerShares;

/** The budget's closed forms, exposed for the validation cases that check them against independent computations. */
public final class LossChecks {
    private LossChecks() {
    }

    /** The share of power in the core over the launch's modes, as the budget uses it. */
    public static double coreShare(FiberAnalysis a, ModePowerShares.Launch launch) {
        double[] g = new double[1];
        LossBudget.coreFraction(a, launch, g);
        return g[0];
    }

    public static double fresnelDb(double n1, double n0) {
        return LossBudget.fresnelDb(n1, n0);
    }

    /** Fresnel loss per face averaged over a Lambertian cone up to sin(theta) = sinMax and both polarisations (dB). */
    public static double fresnelAveragedDb(double n1, double n0, double sinMax) {
        return LossBudget.fresnelAveragedDb(n1, n0, sinMax);
    }

    /** Coupling loss (dB) of a Gaussian beam of waist ws into a Gaussian mode of radius wf, aligned. */
    public static double gaussianIntoLp01Db(double ws, double wf) {
        return LossBudget.gaussianOverlapDb(ws, wf);
    }
}
