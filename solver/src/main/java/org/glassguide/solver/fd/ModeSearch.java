package org.glassguide.solver.fd;

import java.util.List;

import org.glassguide.solver.ProgressMonitor;

/**
 * The modes of one factorised cross-section operator nearest its target, asked for in growing numbers: a larger
 * request resumes the eigen-iteration from where the last one stopped (same factor, same basis), so that a caller
 * that learns it needs more modes pays only for the extra ones.
 */
@FunctionalInterface
public interface ModeSearch<M> {
    /** The {@code count} modes nearest the target, highest n_eff first. */
    List<M> nearest(int count, ProgressMonitor monitor);
}
