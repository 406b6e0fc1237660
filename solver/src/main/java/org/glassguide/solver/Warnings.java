package org.glassguide.solver;

import java.util.List;
import java.util.function.Consumer;

/** Warning plumbing shared by the analyses: each distinct message is kept once and passed on once. */
public final class Warnings {
    private Warnings() {
    }

    /** A sink that records each new message in {@code kept} and forwards it to {@code downstream}. */
    public static Consumer<String> deduplicating(List<String> kept, Consumer<String> downstream) {
        return w -> {
            if (!kept.contains(w)) {
                kept.add(w);
                downstream.accept(w);
            }
        };
    }
}
