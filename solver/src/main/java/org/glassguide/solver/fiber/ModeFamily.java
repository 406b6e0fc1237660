package org.glassguide.solver.fiber;

/** Mode families of a circular step-index fiber. */
public enum ModeFamily {
    /** Linearly polarised (scalar, weak-guidance) mode group LP_lm. */
    LP,
    /** Transverse electric TE_0m. */
    TE,
    /** Transverse magnetic TM_0m. */
    TM,
    /** Hybrid HE_nu,m. */
    HE,
    /** Hybrid EH_nu,m. */
    EH;

    /**
     * Number of independent guided modes one (l, m) entry stands for: LP_0m two polarisations,
     * LP_lm (l &ge; 1) two polarisations times cos/sin; TE/TM one; HE/EH two (even and odd).
     */
    public int degeneracy(int order) {
        switch (this) {
            case LP:
                return order == 0 ? 2 : 4;
            case TE:
            case TM:
                return 1;
            default:
                return 2;
        }
    }
}
