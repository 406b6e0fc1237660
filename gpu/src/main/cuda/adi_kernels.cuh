// The per-cell and per-line arithmetic of the GPU ADI step, shared by the device kernels (adi.cu) and the
// host test harness (gpu/src/test/cuda/kernel_harness.cu), so that the arithmetic the GPU runs is
// checked on every build, with or without a GPU.
//
// Complex values are interleaved (re, im). A field is stored in one of two layouts, both "lanes
// fastest": layout A has lanes x and rows y (index i + nx j, the exchange format), layout B lanes y
// and rows x (index j + ny i). Every operation runs along the rows of its layout, one lane per
// thread, so that the threads of a warp touch consecutive addresses.
#pragma once

#ifdef __CUDACC__
#define GG_HD __host__ __device__ __forceinline__
#else
#define GG_HD inline
#endif

namespace gg {

template <typename T>
struct cplx {
    T re;
    T im;
};

template <typename T>
GG_HD cplx<T> load(const T* a, long k) {
    cplx<T> z;
    z.re = a[2 * k];
    z.im = a[2 * k + 1];
    return z;
}

template <typename T>
GG_HD void store(T* a, long k, cplx<T> z) {
    a[2 * k] = z.re;
    a[2 * k + 1] = z.im;
}

template <typename T>
GG_HD cplx<T> mul(cplx<T> a, cplx<T> b) {
    cplx<T> z;
    z.re = a.re * b.re - a.im * b.im;
    z.im = a.re * b.im + a.im * b.re;
    return z;
}

template <typename T>
GG_HD cplx<T> scale(cplx<T> a, T s) {
    cplx<T> z;
    z.re = a.re * s;
    z.im = a.im * s;
    return z;
}

template <typename T>
GG_HD cplx<T> sub(cplx<T> a, cplx<T> b) {
    cplx<T> z;
    z.re = a.re - b.re;
    z.im = a.im - b.im;
    return z;
}

/**
 * One cell of r = (1 + c P_u) a along the rows u of a layout with nLanes lanes and nRows rows:
 * P_u a = rl low_u a_{u-1} + ru up_u a_{u+1} - (rl low_u + ru up_u) a_u + V a_u, with a zero field
 * outside the grid; v (V in the input's layout) may be null, rl and ru (real interface ratios per
 * cell) are null for a scalar operator.
 */
template <typename T>
GG_HD cplx<T> explicit_cell(const T* in, int nLanes, int nRows, int lane, int row, const T* low, const T* up, const T* v,
                            const T* rl, const T* ru, T cr, T ci) {
    long k = (long)row * nLanes + lane;
    cplx<T> a = load(in, k);
    cplx<T> prev = {0, 0};
    cplx<T> next = {0, 0};
    if (row > 0) {
        prev = load(in, k - nLanes);
    }
    if (row + 1 < nRows) {
        next = load(in, k + nLanes);
    }
    cplx<T> lo = load(low, row);
    cplx<T> hi = load(up, row);
    if (rl != 0) {
        lo = scale(lo, rl[k]);
        hi = scale(hi, ru[k]);
    }
    cplx<T> p;
    p.re = lo.re * (prev.re - a.re) - lo.im * (prev.im - a.im) + hi.re * (next.re - a.re) - hi.im * (next.im - a.im);
    p.im = lo.re * (prev.im - a.im) + lo.im * (prev.re - a.re) + hi.re * (next.im - a.im) + hi.im * (next.re - a.re);
    if (v != 0) {
        cplx<T> w = mul(load(v, k), a);
        p.re += w.re;
        p.im += w.im;
    }
    cplx<T> c = {cr, ci};
    cplx<T> cp = mul(c, p);
    cplx<T> r;
    r.re = a.re + cp.re;
    r.im = a.im + cp.im;
    return r;
}

/**
 * The tridiagonal solve (1 + d P_u) y = r along the rows of one lane, in place on x: forward
 * elimination z_u = r_u - m_u z_{u-1}, m_u = sub_u rl_u inv_{u-1}, then back substitution
 * y_u = (z_u - sup_u ru_u y_{u+1}) inv_u. sub and sup are d low and d up per row; inv holds the inverse
 * pivots per cell (invPerCell, the x solve, which sees V) or per row (the y solve, the same on every
 * lane); rl and ru are null for a scalar operator.
 */
template <typename T>
GG_HD void solve_lane(T* x, int nLanes, int nRows, int lane, const T* subd, const T* supd, const T* inv, int invPerCell,
                      const T* rl, const T* ru) {
    cplx<T> z = load(x, lane);
    cplx<T> invPrev = load(inv, invPerCell ? lane : 0);
    for (int u = 1; u < nRows; u++) {
        long k = (long)u * nLanes + lane;
        cplx<T> s = load(subd, u);
        if (rl != 0) {
            s = scale(s, rl[k]);
        }
        cplx<T> m = mul(s, invPrev);
        z = sub(load(x, k), mul(m, z));
        store(x, k, z);
        invPrev = load(inv, invPerCell ? k : u);
    }
    long last = (long)(nRows - 1) * nLanes + lane;
    cplx<T> y = mul(z, invPrev);
    store(x, last, y);
    for (int u = nRows - 2; u >= 0; u--) {
        long k = (long)u * nLanes + lane;
        cplx<T> s = load(supd, u);
        if (ru != 0) {
            s = scale(s, ru[k]);
        }
        y = mul(sub(load(x, k), mul(s, y)), load(inv, invPerCell ? k : u));
        store(x, k, y);
    }
}

/** One cell of out = a f c (f per cell, or 1 where f is null; c = re + i im). */
template <typename T>
GG_HD cplx<T> multiply_cell(const T* a, const T* f, long k, T re, T im) {
    cplx<T> c = {re, im};
    if (f != 0) {
        c = mul(load(f, k), c);
    }
    return mul(load(a, k), c);
}

/** |a_k|^2 in double, or 0 where the mask (one byte per cell, may be null) is 0. */
template <typename T>
GG_HD double norm_cell(const T* a, const unsigned char* mask, long k) {
    if (mask != 0 && mask[k] == 0) {
        return 0.0;
    }
    double re = a[2 * k];
    double im = a[2 * k + 1];
    return re * re + im * im;
}

}  // namespace gg
