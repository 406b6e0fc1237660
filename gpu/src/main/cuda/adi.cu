// The GPU ADI step's kernels (float: suffix _f, double: _d), compiled to PTX by gpu/build-ptx.sh and loaded
// through the CUDA driver API. The arithmetic lives in adi_kernels.cuh, shared with the host test harness;
// this file only maps threads onto cells and lanes. Launch shapes (CudaKernels.java relies on them):
//   explicit_rows, transpose_rows: blocks of TILE x ROWS_PER_PASS threads, a grid of
//     ceil(nLanes / TILE) x ceil(nRows / TILE) blocks; each block handles a TILE x TILE tile;
//   solve_rows: one thread per lane, 1D;
//   multiply, combine: one thread per cell, 1D; power_partial: REDUCE threads per block, one double per block out;
//   dot_partial: REDUCE threads per block, two doubles (re, im) per block out;
//   wide_apply: blocks of TILE x ROWS_PER_PASS threads over a ceil(nx / TILE) x ceil(ny / TILE) grid, as explicit_rows.
#include "adi_kernels.cuh"

#define TILE 32
#define ROWS_PER_PASS 8
#define REDUCE 256

// Writes the block's tile (held in shared memory, [row in tile][lane in tile]) to the transposed layout, whose
// lanes are the input's rows and rows the input's lanes: consecutive threads write consecutive addresses.
template <typename T>
__device__ void store_tile_transposed(T (*tileRe)[TILE + 1], T (*tileIm)[TILE + 1], T* out, int nLanes, int nRows) {
    int outLane = blockIdx.y * TILE + threadIdx.x;
    for (int p = 0; p < TILE; p += ROWS_PER_PASS) {
        int outRow = blockIdx.x * TILE + threadIdx.y + p;
        if (outLane < nRows && outRow < nLanes) {
            gg::cplx<T> a;
            a.re = tileRe[threadIdx.x][threadIdx.y + p];
            a.im = tileIm[threadIdx.x][threadIdx.y + p];
            gg::store(out, (long)outRow * nRows + outLane, a);
        }
    }
}

template <typename T>
__device__ void explicit_rows(const T* in, T* out, int nLanes, int nRows, const T* low, const T* up, const T* v, const T* rl,
                              const T* ru, T cr, T ci, int transposeOut) {
    // the transposed write goes through a tile in shared memory so that both the reads (along lanes of
    // the input) and the writes (along lanes of the output) are coalesced; +1 column avoids bank conflicts
    __shared__ T tileRe[TILE][TILE + 1];
    __shared__ T tileIm[TILE][TILE + 1];
    int lane = blockIdx.x * TILE + threadIdx.x;
    for (int p = 0; p < TILE; p += ROWS_PER_PASS) {
        int row = blockIdx.y * TILE + threadIdx.y + p;
        if (lane < nLanes && row < nRows) {
            gg::cplx<T> r = gg::explicit_cell(in, nLanes, nRows, lane, row, low, up, v, rl, ru, cr, ci);
            if (transposeOut) {
                tileRe[threadIdx.y + p][threadIdx.x] = r.re;
                tileIm[threadIdx.y + p][threadIdx.x] = r.im;
            } else {
                gg::store(out, (long)row * nLanes + lane, r);
            }
        }
    }
    if (transposeOut) {
        __syncthreads();
        store_tile_transposed(tileRe, tileIm, out, nLanes, nRows);
    }
}

template <typename T>
__device__ void transpose_rows(const T* in, T* out, int nLanes, int nRows) {
    __shared__ T tileRe[TILE][TILE + 1];
    __shared__ T tileIm[TILE][TILE + 1];
    int lane = blockIdx.x * TILE + threadIdx.x;
    for (int p = 0; p < TILE; p += ROWS_PER_PASS) {
        int row = blockIdx.y * TILE + threadIdx.y + p;
        if (lane < nLanes && row < nRows) {
            gg::cplx<T> a = gg::load(in, (long)row * nLanes + lane);
            tileRe[threadIdx.y + p][threadIdx.x] = a.re;
            tileIm[threadIdx.y + p][threadIdx.x] = a.im;
        }
    }
    __syncthreads();
    store_tile_transposed(tileRe, tileIm, out, nLanes, nRows);
}

template <typename T>
__device__ void solve_rows(T* x, int nLanes, int nRows, const T* subd, const T* supd, const T* inv, int invPerCell, const T* rl,
                           const T* ru) {
    int lane = blockIdx.x * blockDim.x + threadIdx.x;
    if (lane < nLanes) {
        gg::solve_lane(x, nLanes, nRows, lane, subd, supd, inv, invPerCell, rl, ru);
    }
}

template <typename T>
__device__ void multiply(T* a, const T* f, long n, T re, T im) {
    for (long k = blockIdx.x * (long)blockDim.x + threadIdx.x; k < n; k += (long)gridDim.x * blockDim.x) {
        gg::store(a, k, gg::multiply_cell(a, f, k, re, im));
    }
}

template <typename T>
__device__ void power_partial(const T* a, const unsigned char* mask, long n, double* partial) {
    __shared__ double s[REDUCE];
    double acc = 0.0;
    for (long k = blockIdx.x * (long)blockDim.x + threadIdx.x; k < n; k += (long)gridDim.x * blockDim.x) {
        acc += gg::norm_cell(a, mask, k);
    }
    s[threadIdx.x] = acc;
    __syncthreads();
    for (int h = REDUCE / 2; h > 0; h >>= 1) {
        if (threadIdx.x < h) {
            s[threadIdx.x] += s[threadIdx.x + h];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        partial[blockIdx.x] = s[0];
    }
}

template <typename T>
__device__ void wide_apply(const T* in, T* out, int nx, int ny, const T* lowX, const T* upX, const T* lowY, const T* upY, const T* v,
                           const T* rl, const T* ru, T cr, T ci) {
    int i = blockIdx.x * TILE + threadIdx.x;
    for (int p = 0; p < TILE; p += ROWS_PER_PASS) {
        int j = blockIdx.y * TILE + threadIdx.y + p;
        if (i < nx && j < ny) {
            gg::store(out, (long)j * nx + i, gg::wide_cell(in, nx, ny, i, j, lowX, upX, lowY, upY, v, rl, ru, cr, ci));
        }
    }
}

template <typename T>
__device__ void combine(T* out, const T* x, const T* y, long n, T ar, T ai, T br, T bi) {
    for (long k = blockIdx.x * (long)blockDim.x + threadIdx.x; k < n; k += (long)gridDim.x * blockDim.x) {
        gg::store(out, k, gg::combine_cell(x, y, k, ar, ai, br, bi));
    }
}

template <typename T>
__device__ void dot_partial(const T* a, const T* b, long n, double* partial) {
    __shared__ double sr[REDUCE];
    __shared__ double si[REDUCE];
    double accR = 0.0;
    double accI = 0.0;
    for (long k = blockIdx.x * (long)blockDim.x + threadIdx.x; k < n; k += (long)gridDim.x * blockDim.x) {
        gg::cplx<double> z = gg::dot_cell(a, b, k);
        accR += z.re;
        accI += z.im;
    }
    sr[threadIdx.x] = accR;
    si[threadIdx.x] = accI;
    __syncthreads();
    for (int h = REDUCE / 2; h > 0; h >>= 1) {
        if (threadIdx.x < h) {
            sr[threadIdx.x] += sr[threadIdx.x + h];
            si[threadIdx.x] += si[threadIdx.x + h];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        partial[2 * blockIdx.x] = sr[0];
        partial[2 * blockIdx.x + 1] = si[0];
    }
}

#define GG_KERNELS(T, S)                                                                                                   \
    extern "C" __global__ void explicit_rows_##S(const T* in, T* out, int nLanes, int nRows, const T* low, const T* up,   \
                                                 const T* v, const T* rl, const T* ru, T cr, T ci, int transposeOut) {    \
        explicit_rows<T>(in, out, nLanes, nRows, low, up, v, rl, ru, cr, ci, transposeOut);                                \
    }                                                                                                                      \
    extern "C" __global__ void transpose_rows_##S(const T* in, T* out, int nLanes, int nRows) {                            \
        transpose_rows<T>(in, out, nLanes, nRows);                                                                         \
    }                                                                                                                      \
    extern "C" __global__ void solve_rows_##S(T* x, int nLanes, int nRows, const T* subd, const T* supd, const T* inv,      \
                                              int invPerCell, const T* rl, const T* ru) {                                  \
        solve_rows<T>(x, nLanes, nRows, subd, supd, inv, invPerCell, rl, ru);                                              \
    }                                                                                                                      \
    extern "C" __global__ void multiply_##S(T* a, const T* f, long n, T re, T im) { multiply<T>(a, f, n, re, im); }        \
    extern "C" __global__ void power_partial_##S(const T* a, const unsigned char* mask, long n, double* partial) {        \
        power_partial<T>(a, mask, n, partial);                                                                             \
    }                                                                                                                      \
    extern "C" __global__ void wide_apply_##S(const T* in, T* out, int nx, int ny, const T* lowX, const T* upX,            \
                                              const T* lowY, const T* upY, const T* v, const T* rl, const T* ru, T cr,     \
                                              T ci) {                                                                      \
        wide_apply<T>(in, out, nx, ny, lowX, upX, lowY, upY, v, rl, ru, cr, ci);                                           \
    }                                                                                                                      \
    extern "C" __global__ void combine_##S(T* out, const T* x, const T* y, long n, T ar, T ai, T br, T bi) {             \
        combine<T>(out, x, y, n, ar, ai, br, bi);                                                                          \
    }                                                                                                                      \
    extern "C" __global__ void dot_partial_##S(const T* a, const T* b, long n, double* partial) {                        \
        dot_partial<T>(a, b, n, partial);                                                                                  \
    }

GG_KERNELS(float, f)
GG_KERNELS(double, d)

// Precision conversion between a double buffer (the unsplit solve's Krylov vectors) and a float one (a float run's
// preconditioner): one thread per real, grid-stride.
extern "C" __global__ void convert_d_to_f(const double* in, float* out, long n) {
    for (long k = blockIdx.x * (long)blockDim.x + threadIdx.x; k < n; k += (long)gridDim.x * blockDim.x) {
        out[k] = (float)in[k];
    }
}

extern "C" __global__ void convert_f_to_d(const float* in, double* out, long n) {
    for (long k = blockIdx.x * (long)blockDim.x + threadIdx.x; k < n; k += (long)gridDim.x * blockDim.x) {
        out[k] = (double)in[k];
    }
}
