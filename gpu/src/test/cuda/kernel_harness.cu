// Host harness for the GPU kernels' arithmetic: runs the __host__ __device__ functions of adi_kernels.cuh
// on the host, over every cell or lane with the index mapping of adi.cu's kernels, on inputs read from
// stdin, and prints the outputs. KernelHarnessTest compiles it with nvcc (or, lacking nvcc, a C++
// compiler) and compares with HostKernels. Input: "f|d KERNEL nLanes nRows", the kernel's flags and
// scalars, then its arrays (see read_case); output: one value per line.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "../../main/cuda/adi_kernels.cuh"

template <typename T>
static std::vector<T> read_array(long n) {
    std::vector<T> a(n);
    for (long k = 0; k < n; k++) {
        double x;
        if (scanf("%lf", &x) != 1) {
            fprintf(stderr, "kernel_harness: input ended early\n");
            exit(2);
        }
        a[k] = (T)x;
    }
    return a;
}

static void print(double x) { printf("%.17g\n", x); }

template <typename T>
static const T* ptr(const std::vector<T>& a) {
    return a.empty() ? 0 : a.data();
}

template <typename T>
static int run(const char* kernel, int nLanes, int nRows) {
    long n = (long)nLanes * nRows;
    if (strcmp(kernel, "explicit") == 0) {
        int hasV, hasRatios, transposeOut;
        double cr, ci;
        if (scanf("%d %d %d %lf %lf", &hasV, &hasRatios, &transposeOut, &cr, &ci) != 5) return 2;
        std::vector<T> in = read_array<T>(2 * n), low = read_array<T>(2 * nRows), up = read_array<T>(2 * nRows);
        std::vector<T> v = hasV ? read_array<T>(2 * n) : std::vector<T>();
        std::vector<T> rl = hasRatios ? read_array<T>(n) : std::vector<T>();
        std::vector<T> ru = hasRatios ? read_array<T>(n) : std::vector<T>();
        std::vector<T> out(2 * n);
        for (int row = 0; row < nRows; row++) {
            for (int lane = 0; lane < nLanes; lane++) {
                gg::cplx<T> r = gg::explicit_cell(in.data(), nLanes, nRows, lane, row, low.data(), up.data(), ptr(v), ptr(rl), ptr(ru),
                                                  (T)cr, (T)ci);
                gg::store(out.data(), transposeOut ? (long)lane * nRows + row : (long)row * nLanes + lane, r);
            }
        }
        for (T x : out) print(x);
        return 0;
    }
    if (strcmp(kernel, "solve") == 0) {
        int perCell, hasRatios;
        if (scanf("%d %d", &perCell, &hasRatios) != 2) return 2;
        std::vector<T> x = read_array<T>(2 * n), sub = read_array<T>(2 * nRows), sup = read_array<T>(2 * nRows);
        std::vector<T> inv = read_array<T>(perCell ? 2 * n : 2 * nRows);
        std::vector<T> rl = hasRatios ? read_array<T>(n) : std::vector<T>();
        std::vector<T> ru = hasRatios ? read_array<T>(n) : std::vector<T>();
        for (int lane = 0; lane < nLanes; lane++) {
            gg::solve_lane(x.data(), nLanes, nRows, lane, sub.data(), sup.data(), inv.data(), perCell, ptr(rl), ptr(ru));
        }
        for (T v : x) print(v);
        return 0;
    }
    if (strcmp(kernel, "multiply") == 0) {
        int hasF;
        double re, im;
        if (scanf("%d %lf %lf", &hasF, &re, &im) != 3) return 2;
        std::vector<T> a = read_array<T>(2 * n);
        std::vector<T> f = hasF ? read_array<T>(2 * n) : std::vector<T>();
        for (long k = 0; k < n; k++) {
            gg::store(a.data(), k, gg::multiply_cell(a.data(), ptr(f), k, (T)re, (T)im));
        }
        for (T v : a) print(v);
        return 0;
    }
    if (strcmp(kernel, "power") == 0) {
        int hasMask;
        if (scanf("%d", &hasMask) != 1) return 2;
        std::vector<T> a = read_array<T>(2 * n);
        std::vector<unsigned char> mask(hasMask ? n : 0);
        for (long k = 0; k < (long)mask.size(); k++) {
            int m;
            if (scanf("%d", &m) != 1) return 2;
            mask[k] = (unsigned char)m;
        }
        double s = 0;
        for (long k = 0; k < n; k++) {
            s += gg::norm_cell(a.data(), hasMask ? mask.data() : (const unsigned char*)0, k);
        }
        print(s);
        return 0;
    }
    if (strcmp(kernel, "wide") == 0) {
        // nLanes = nx, nRows = ny (layout A)
        int hasRatios;
        double cr, ci;
        if (scanf("%d %lf %lf", &hasRatios, &cr, &ci) != 3) return 2;
        std::vector<T> in = read_array<T>(2 * n), lowX = read_array<T>(2 * nLanes), upX = read_array<T>(2 * nLanes);
        std::vector<T> lowY = read_array<T>(2 * nRows), upY = read_array<T>(2 * nRows), v = read_array<T>(2 * n);
        std::vector<T> rl = hasRatios ? read_array<T>(n) : std::vector<T>();
        std::vector<T> ru = hasRatios ? read_array<T>(n) : std::vector<T>();
        std::vector<T> out(2 * n);
        for (int j = 0; j < nRows; j++) {
            for (int i = 0; i < nLanes; i++) {
                gg::store(out.data(), (long)j * nLanes + i, gg::wide_cell(in.data(), nLanes, nRows, i, j, lowX.data(), upX.data(), lowY.data(),
                                                                          upY.data(), v.data(), ptr(rl), ptr(ru), (T)cr, (T)ci));
            }
        }
        for (T x : out) print(x);
        return 0;
    }
    if (strcmp(kernel, "combine") == 0) {
        double ar, ai, br, bi;
        if (scanf("%lf %lf %lf %lf", &ar, &ai, &br, &bi) != 4) return 2;
        std::vector<T> x = read_array<T>(2 * n), y = read_array<T>(2 * n);
        std::vector<T> out(2 * n);
        for (long k = 0; k < n; k++) {
            gg::store(out.data(), k, gg::combine_cell(x.data(), y.data(), k, (T)ar, (T)ai, (T)br, (T)bi));
        }
        for (T v : out) print(v);
        return 0;
    }
    if (strcmp(kernel, "dot") == 0) {
        std::vector<T> a = read_array<T>(2 * n), b = read_array<T>(2 * n);
        double re = 0, im = 0;
        for (long k = 0; k < n; k++) {
            gg::cplx<double> z = gg::dot_cell(a.data(), b.data(), k);
            re += z.re;
            im += z.im;
        }
        print(re);
        print(im);
        return 0;
    }
    fprintf(stderr, "kernel_harness: unknown kernel %s\n", kernel);
    return 2;
}

int main() {
    char precision[8], kernel[32];
    int nLanes, nRows;
    if (scanf("%7s %31s %d %d", precision, kernel, &nLanes, &nRows) != 4) {
        fprintf(stderr, "kernel_harness: bad header\n");
        return 2;
    }
    return precision[0] == 'f' ? run<float>(kernel, nLanes, nRows) : run<double>(kernel, nLanes, nRows);
}
