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

/**
 * One cell (i, j) of out = a + c P a on layout A (lanes x, rows y) for the unsplit wide-angle solve, P the whole 2D
 * operator: rl low_x a_{i-1} + ru up_x a_{i+1} + low_y a_{j-1} + up_y a_{j+1} + (V - rl low_x - ru up_x - low_y - up_y) a,
 * with a zero field outside the grid; V, rl and ru in layout A (rl, ru null for a scalar operator).
 */
template <typename T>
GG_HD cplx<T> wide_cell(const T* in, int nx, int ny, int i, int j, const T* lowX, const T* upX, const T* lowY, const T* upY,
                        const T* v, const T* rl, const T* ru, T cr, T ci) {
    long k = (long)j * nx + i;
    cplx<T> a = load(in, k);
    cplx<T> lx = load(lowX, i);
    cplx<T> ux = load(upX, i);
    if (rl != 0) {
        lx = scale(lx, rl[k]);
        ux = scale(ux, ru[k]);
    }
    cplx<T> ly = load(lowY, j);
    cplx<T> uy = load(upY, j);
    cplx<T> vk = load(v, k);
    cplx<T> diag;
    diag.re = vk.re - lx.re - ux.re - ly.re - uy.re;
    diag.im = vk.im - lx.im - ux.im - ly.im - uy.im;
    cplx<T> p = mul(diag, a);
    if (i > 0) {
        cplx<T> t = mul(lx, load(in, k - 1));
        p.re += t.re;
        p.im += t.im;
    }
    if (i + 1 < nx) {
        cplx<T> t = mul(ux, load(in, k + 1));
        p.re += t.re;
        p.im += t.im;
    }
    if (j > 0) {
        cplx<T> t = mul(ly, load(in, k - nx));
        p.re += t.re;
        p.im += t.im;
    }
    if (j + 1 < ny) {
        cplx<T> t = mul(uy, load(in, k + nx));
        p.re += t.re;
        p.im += t.im;
    }
    cplx<T> c = {cr, ci};
    cplx<T> cp = mul(c, p);
    cplx<T> r;
    r.re = a.re + cp.re;
    r.im = a.im + cp.im;
    return r;
}

/** One cell of out = a x + b y (a = ar + i ai, b = br + i bi). */
template <typename T>
GG_HD cplx<T> combine_cell(const T* x, const T* y, long k, T ar, T ai, T br, T bi) {
    cplx<T> a = {ar, ai};
    cplx<T> b = {br, bi};
    cplx<T> u = mul(a, load(x, k));
    cplx<T> w = mul(b, load(y, k));
    cplx<T> r;
    r.re = u.re + w.re;
    r.im = u.im + w.im;
    return r;
}

/** One cell of the conjugated dot product conj(a_k) b_k, in double. */
template <typename T>
GG_HD cplx<double> dot_cell(const T* a, const T* b, long k) {
    double ar = a[2 * k];
    double ai = a[2 * k + 1];
    double br = b[2 * k];
    double bi = b[2 * k + 1];
    cplx<double> z;
    z.re = ar * br + ai * bi;
    z.im = ar * bi - ai * br;
    return z;
}

}  // namespace gg
