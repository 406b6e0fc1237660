package org.glassguide.ui.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;

/** Where a command writes its output folder: --out, or out/NAME; a plain file in the way is bad input. */
final class OutputFolder {
    private OutputFolder() {
    }

    static Path resolve(Path out, String defaultName) {
        Path target = out != null ? out : Path.of("out", defaultName);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, "--out", target, "exists and is not a folder");
        }
        return target;
    }
}
