package org.glassguide.solver.fd;

/**
 * What one shift-invert eigen-solve cost: the Krylov-Schur cycles and the solves with the factorised matrix, the
 * factor's stored complex entries (L and U) and real floating-point operations, and the time in the factorisation and
 * in the iteration. A request that resumes an earlier iteration on the same factor reports no factorisation (0 s).
 */
public record EigenStatistics(int cycles, long solves, long factorEntries, double factorFlops, double factorSeconds,
        double iterationSeconds) {
    /** The factorisation's rate, real floating-point operations per second (NaN when it was not timed here). */
    public double factorFlopRate() {
        return factorSeconds > 0 ? factorFlops / factorSeconds : Double.NaN;
    }
}
