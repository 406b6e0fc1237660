package org.glassguide.materials.source;

import java.util.Objects;

/** One scalar property in SI units, with the unit it is shown in and its provenance. */
public record SourcedValue(double value, String siUnit, Provenance provenance, String note) {
    public SourcedValue {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite");
        }
        Objects.requireNonNull(siUnit, "siUnit");
        Objects.requireNonNull(provenance, "provenance");
        note = note == null ? "" : note;
    }

    public SourcedValue(double value, String siUnit, Provenance provenance) {
        this(value, siUnit, provenance, "");
    }
}
