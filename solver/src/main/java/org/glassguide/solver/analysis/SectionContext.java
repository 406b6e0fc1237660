package org.glassguide.solver.analysis;

import java.nio.file.Path;

import org.glassguide.materials.catalog.MaterialLibrary;

/**
 * What a section reader may need besides its node: the materials (the catalog with the design's own), the folder files
 * are found relative to, the design's source name for messages, and the structure kind.
 */
public record SectionContext(MaterialLibrary library, Path baseDir, String source, boolean waveguide) {
}
