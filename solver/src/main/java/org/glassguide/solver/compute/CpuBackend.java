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

    /**
     * Host vectors whose operations and whose preconditioners' line solves run on one team of threads: separate teams
     * would each keep a worker spinning while another's job runs.
     */
    @Override
    public KrylovVectors krylovVectors(AdiOperator op, Precision precision, int threads) {
        LineTeam team = new LineTeam(Math.max(1, threads));
        return new HostKrylovVectors(op, team, o -> precision == Precision.FLOAT ? new CpuAdiFloat(o, team) : new CpuAdiDouble(o, team));
    }
}
