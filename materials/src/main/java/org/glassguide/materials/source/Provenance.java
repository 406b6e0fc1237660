package org.glassguide.materials.source;

import java.util.Objects;

/**
 * Where a number comes from: a published source, or an assumption with its reason. Assumed values
 * are shown as such in every report so users know what to replace.
 */
public record Provenance(Kind kind, String text) {
    public enum Kind { PUBLISHED, ASSUMED, USER }

    public Provenance {
        Objects.requireNonNull(kind, "kind");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("provenance text must not be empty");
        }
    }

    public static Provenance source(String citation) {
        return new Provenance(Kind.PUBLISHED, citation);
    }

    public static Provenance assumed(String why) {
        return new Provenance(Kind.ASSUMED, why);
    }

    public static Provenance user(String where) {
        return new Provenance(Kind.USER, where);
    }

    public boolean isAssumed() {
        return kind == Kind.ASSUMED;
    }

    @Override
    public String toString() {
        switch (kind) {
            case ASSUMED:
                return "assumed: " + text;
            case USER:
                return "user: " + text;
            default:
                return "source: " + text;
        }
    }
}
