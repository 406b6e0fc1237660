package org.glassguide.ui.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** --out and --json, shared by the commands that write one output folder and can print their summary as JSON. */
final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<name>-<command>).")
    Path out;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    /** The folder to write: --out, or out/defaultName. */
    Path target(String defaultName) {
        return OutputFolder.resolve(out, defaultName);
    }
}
