package org.glassguide.solver.compute;

/**
 * A field being propagated by a backend: each z-step applies, for every factor k,
 * psi <- (1 + d_k P)^-1 (1 + c_k P) psi with the ADI splitting (1 + d P) ~ (1 + d P_x)(1 + d P_y)
 * (Peaceman-Rachford half-steps: implicit in x, then in y). One factor with c = -d = i dz / (4 k_ref)
 * is the paraxial Crank-Nicolson step; the Pade (1,1) and multistep (2,2) wide-angle steps are one
 * and two factors. The field stays in the backend between steps; only monitors come back.
 */
public interface AdiStepper extends AutoCloseable {
    int nx();

    int ny();

    Precision precision();

    /** New operator (a new z-section): same grid; recomputes the factorisations. */
    void setOperator(AdiOperator op);

    /**
     * Checks a factor list and says how a backend steps it: one factor (Crank-Nicolson, paraxial or Pade
     * (1,1)) by Peaceman-Rachford ADI, whose splitting error vanishes as dz^3 per step; several (multistep)
     * by the locally one-dimensional splitting, since their ADI chain is not stable (c_1 and d_2 are no
     * conjugate pair) while the 1D factors stay unitary. Returns true for the latter.
     */
    static boolean oneDirectional(double[] c, double[] d) {
        if (c.length != d.length || c.length % 2 != 0 || c.length == 0) {
            throw new IllegalArgumentException("factors c and d must be equal, non-empty complex lists");
        }
        return c.length / 2 > 1;
    }

    /** The factors (c_k, d_k), interleaved complex: c = {re0, im0, re1, im1, ...}, d alike. */
    void setFactors(double[] c, double[] d);

    /** Loads a field (interleaved re/im, index i + nx j). */
    void setField(double[] psi);

    /** Copies the field out (interleaved re/im, index i + nx j). */
    void getField(double[] out);

    /** Advances n z-steps. */
    void step(int n);

    /** Sum of |psi|^2 over the cells where mask is true (all cells when mask is null). */
    double power(boolean[] mask);

    /** Multiplies the field by (re + i im) per cell (interleaved, or null for none) and a common factor. */
    void multiply(double[] factor, double re, double im);

    @Override
    void close();
}
