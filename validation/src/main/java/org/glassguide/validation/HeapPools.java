package org.glassguide.validation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Heap use of the benchmarks: the heap pools' current and peak use (garbage included: an upper bound). */
final class HeapPools {
    private HeapPools() {
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    static long used() {
        long s = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                s += p.getUsage().getUsed();
            }
        }
        return s;
    }

    /** Sum over the heap pools of their peak use since the last reset. */
    static long peak() {
        long s = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                s += p.getPeakUsage().getUsed();
            }
        }
        return s;
    }
}
