package org.glassguide.solver.compute;

/**
 * Numbered complex vectors on a propagation grid, kept where the backend keeps its fields, with the operations the
 * unsplit wide-angle solve ({@link UnsplitWideAngleStepper}) is made of: products with 1 + c P, the split-step
 * preconditioner, linear combinations and dot products. Only scalars cross to the caller, so a device backend keeps
 * every vector of the Krylov solve in its own memory. Vectors are interleaved complex, index i + nx j, numbered from 0;
 * {@link #reserve} makes them (zero).
 */
public interface KrylovVectors extends AutoCloseable {
    int nx();

    int ny();

    /** The precision the vectors are stored in. */
    Precision precision();

    /** Makes sure vectors 0 to count - 1 exist. */
    void reserve(int count);

    /** The operator P (a new z-section: same grid); the preconditioners follow it. */
    void setOperator(AdiOperator op);

    /** The operator P now in use. */
    AdiOperator operator();

    /**
     * One preconditioner per factor (interleaved complex coefficients e_k): the split product (1 + e_k P_x)(1 + e_k P_y)
     * of the backend's ADI step.
     */
    void setPreconditioners(double[] e);

    /** out = M_k^-1 in: one split step of factor k's preconditioner (in and out may be the same vector). */
    void precondition(int k, int in, int out);

    /** out = x + (cr + i ci) P x (out differs from x). */
    void onePlusP(int x, double cr, double ci, int out);

    /** out = a x + b y, with a = ar + i ai and b = br + i bi (out may be x or y). */
    void combine(int out, double ar, double ai, int x, double br, double bi, int y);

    /** The conjugated dot product sum conj(a) b, written to reIm as {re, im}, accumulated in double. */
    void dot(int a, int b, double[] reIm);

    /** sum |a|^2, accumulated in double. */
    double norm2(int a);

    /** Copies a host field (interleaved, i + nx j) into vector v. */
    void load(int v, double[] field);

    /** Copies vector v out to a host field. */
    void store(int v, double[] field);

    /** sum |v|^2 over the cells where mask is true (all when null). */
    double power(int v, boolean[] mask);

    /** v *= factor (per cell, interleaved, or null) times (re + i im). */
    void multiply(int v, double[] factor, double re, double im);

    /**
     * Makes P the fourth-order compact transverse operator (see {@link HostKrylovVectors#setFourthOrder}); false where these
     * vectors cannot apply it (the caller then uses host vectors).
     */
    default boolean setFourthOrder(double dx, double dy) {
        return false;
    }

    /** Returns when every operation started so far has finished (a device's launches are asynchronous). */
    default void finish() {
    }

    /** Where the vectors live, for the run's report ("host", "gpu:0"). */
    String where();

    @Override
    void close();
}
