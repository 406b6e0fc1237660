package org.glassguide.solver.compute;

/** The reference backend: plain Java on primitive arrays, multithreaded across lines; always available. */
public final class CpuBackend implements ComputeBackend {
    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    @Override
    public String device() {
        return "CPU, " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }

    @Override
    public AdiStepper adi(AdiOperator op, Precision precision, int threads) {
        int t = Math.max(1, threads);
        return precision == Precision.FLOAT ? new CpuAdiFloat(op, t) : new CpuAdiDouble(op, t);
    }
}
