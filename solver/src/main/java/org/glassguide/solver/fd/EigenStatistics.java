package org.glassguide.solver.fd;

/**
 * What one shift-invert eigen-solve cost: the Krylov-Schur cycles and the solves with the factorised matrix, the
 * factor's stored complex entries (L and U), and the time in the factorisation and in the iteration.
 */
public record EigenStatistics(int cycles, long solves, long factorEntries, double factorSeconds, double iterationSeconds) {
}
