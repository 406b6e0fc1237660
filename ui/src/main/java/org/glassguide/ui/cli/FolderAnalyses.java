package org.glassguide.ui.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The analyses that write a folder of their own, by the name a design lists them with: what `glassguide run` runs beside
 * the fiber and mode analyses of its own report.
 */
final class FolderAnalyses {
    private static final Map<String, java.util.function.Function<String, FolderAnalysis<?>>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("bpm", BpmCommand.RunAnalysis::new);
        BY_NAME.put("codraw", device -> new CoDrawCommand());
        BY_NAME.put("loss", device -> new LossCommand());
        BY_NAME.put("emission", device -> new EmissionCommand());
        BY_NAME.put("sensor", device -> new SensorCommand());
        BY_NAME.put("gain", device -> new GainCommand());
    }

    private FolderAnalyses() {
    }

    /**
     * The analysis of that name, or null for those the run's own report holds (fiber, modes).
     *
     * @param device the compute device for analyses that propagate (auto, cpu, gpu, gpu:N)
     */
    static FolderAnalysis<?> forName(String name, String device) {
        java.util.function.Function<String, FolderAnalysis<?>> s = BY_NAME.get(name);
        return s == null ? null : s.apply(device);
    }
}
