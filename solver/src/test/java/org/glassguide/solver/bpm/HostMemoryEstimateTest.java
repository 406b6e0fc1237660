package org.glassguide.solver.bpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Path;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.solver.compute.UnsplitWideAngleStepper;
import org.glassguide.solver.designfile.DesignReader;
import org.junit.jupiter.api.Test;

/**
 * The heap a run is checked against before it starts: the unsplit solve's Krylov vectors count on the host unless they
 * live on an accelerator (which checks its own memory when it allocates them); the fourth-order operator keeps them on
 * the host whatever the backend.
 */
class HostMemoryEstimateTest {
    private static PropagationSettings settings(String propagation) {
        String yaml = "format: glassguide/1\nname: t\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n"
                + "      - rectangle: { width: 1 um, height: 1 um, center: [0 um, 0 um], material: { index: 1.56 } }\n"
                + "wavelengths: [1 um]\npropagation:\n  length: 10 um\n  dz: 0.1 um\n  window: [6 um, 6 um]\n  step: 0.05 um\n  pml: 0.5 um\n  launch: { gaussian: { waist: 1 um } }\n"
                + propagation;
        return PropagationSettings.of(new DesignReader(MaterialLibrary.builtIn()).read("t.yaml", new StringReader(yaml), Path.of(".")));
    }

    @Test
    void theUnsplitVectorsCountOnTheHostOnlyWhereTheyLive() {
        PropagationSettings paraxial = settings("  wide-angle: none\n");
        PropagationSettings pade11 = settings("  wide-angle: pade11\n");
        PropagationSettings fourth = settings("  wide-angle: pade11\n  transverse: fourth-order\n");
        double base = BpmAnalysis.BYTES_PER_CELL;
        assertEquals(base, BpmAnalysis.hostBytesPerCell(paraxial, false), 0);
        assertEquals(base + UnsplitWideAngleStepper.BYTES_PER_CELL, BpmAnalysis.hostBytesPerCell(pade11, false), 0);
        // a GPU keeps them in its own memory
        assertEquals(base, BpmAnalysis.hostBytesPerCell(pade11, true), 0);
        // the compact operator's line solves need host vectors on any backend
        assertEquals(base + UnsplitWideAngleStepper.BYTES_PER_CELL, BpmAnalysis.hostBytesPerCell(fourth, true), 0);
    }
}
