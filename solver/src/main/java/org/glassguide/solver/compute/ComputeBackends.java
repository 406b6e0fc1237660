package org.glassguide.solver.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;

/** Finds backends through {@link ServiceLoader} and picks one for --device auto|cpu|gpu. */
public final class ComputeBackends {
    private ComputeBackends() {
    }

    public static List<ComputeBackend> all() {
        List<ComputeBackend> out = new ArrayList<>();
        for (ComputeBackend b : ServiceLoader.load(ComputeBackend.class)) {
            out.add(b);
        }
        if (out.stream().noneMatch(b -> b.name().equals("cpu"))) {
            out.add(new CpuBackend());
        }
        return out;
    }

    /**
     * auto: the first available non-CPU backend, else the CPU with a one-line notice; cpu; gpu or gpu:N (an
     * error naming the reason when it cannot run).
     */
    public static ComputeBackend select(String device, Consumer<String> notices) {
        List<ComputeBackend> all = all();
        int colon = device.indexOf(':');
        if (colon > 0) {
            String kind = device.substring(0, colon);
            int index;
            try {
                index = Integer.parseInt(device.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new GlassGuideException(Messages.BAD_CHOICE, "--device", device, "auto, cpu, gpu or gpu:N with N a device number");
            }
            ComputeBackend kindBackend = all.stream().filter(b -> b.name().equals(kind)).findFirst().orElseThrow(
                    () -> new GlassGuideException(Messages.BAD_CHOICE, "--device", device, "auto, cpu, gpu or gpu:N"));
            ComputeBackend b = kindBackend.onDevice(index);
            if (!b.available()) {
                throw new GlassGuideException(Messages.BAD_CHOICE, "--device", device, "auto or cpu here: " + b.unavailableReason());
            }
            return b;
        }
        switch (device) {
            case "cpu":
                return all.stream().filter(b -> b.name().equals("cpu")).findFirst().orElseThrow();
            case "auto": {
                List<String> why = new ArrayList<>();
                for (ComputeBackend b : all) {
                    if (!b.name().equals("cpu")) {
                        if (b.available()) {
                            return b;
                        }
                        why.add(b.name() + ": " + b.unavailableReason());
                    }
                }
                notices.accept("note: running on the CPU" + (why.isEmpty() ? " (no GPU backend installed)" : " (" + String.join("; ", why) + ")"));
                return select("cpu", notices);
            }
            default: {
                for (ComputeBackend b : all) {
                    if (b.name().equals(device)) {
                        if (!b.available()) {
                            throw new GlassGuideException(Messages.BAD_CHOICE, "--device", device, "auto or cpu here: " + b.unavailableReason());
                        }
                        return b;
                    }
                }
                throw new GlassGuideException(Messages.BAD_CHOICE, "--device", device, "auto, cpu"
                        + all.stream().filter(b -> !b.name().equals("cpu")).map(b -> ", " + b.name()).reduce("", String::concat));
            }
        }
    }
}
