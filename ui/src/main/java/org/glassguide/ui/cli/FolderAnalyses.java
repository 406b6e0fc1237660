package org.glassguide.ui.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The analyses that write a folder of their own, by the name a design lists them with: what `glassguide run` runs beside
 * the fiber and mode analyses of its own report.
 */
final class FolderAnalyses {
    private static final Map<String, Supplier<FolderAnalysis<?>>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("bpm", BpmCommand.RunAnalysis::new);
        BY_NAME.put("codraw", CoDrawCommand::new);
        BY_NAME.put("loss", LossCommand::new);
        BY_NAME.put("emission", EmissionCommand::new);
        BY_NAME.put("sensor", SensorCommand::new);
        BY_NAME.put("gain", GainCommand::new);
    }

    private FolderAnalyses() {
    }

    /** The analysis of that name, or null for those the run's own report holds (fiber, modes). */
    static FolderAnalysis<?> forName(String name) {
        Supplier<FolderAnalysis<?>> s = BY_NAME.get(name);
        return s == null ? null : s.get();
    }
}
