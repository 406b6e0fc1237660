package org.glassguide.ui.cli;

import java.io.PrintWriter;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.solver.ProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The `glassguide` command. Exit codes: 0 success; 1 a check failed (validate) or an internal error;
 * 2 bad input (one line naming the field, the value and what is accepted); 130 cancelled.
 */
@Command(name = "glassguide", mixinStandardHelpOptions = true, versionProvider = GlassGuideCli.Version.class,
        description = "Optical fiber and waveguide design for MOF and rare-earth hybrid glasses.",
        subcommands = {FiberCommand.class, RunCommand.class, ModesCommand.class, BpmCommand.class, CoDrawCommand.class, LossCommand.class, EmissionCommand.class, SensorCommand.class, GainCommand.class, GuiCommand.class, SweepCommand.class, OptimiseCommand.class, MaterialsCommand.class, ValidateCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class})
public final class GlassGuideCli implements Runnable {
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_CANCELLED = 130;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Set by a shutdown hook (Ctrl-C, SIGTERM): System.exit would then block, so main just returns. */
    static volatile boolean shuttingDown;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (!shuttingDown) {
            System.exit(code);
        }
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        org.glassguide.ui.report.RunProvenance.record(args);
        CommandLine cl = new CommandLine(new GlassGuideCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            err.println("error: " + ex.getMessage().replaceAll("\\s+", " ").trim() + " (see `" + c.getCommandSpec().qualifiedName() + " --help`)");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            Throwable t = ex;
            if (t instanceof GlassGuideException) {
                err.println("error: " + t.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (t instanceof ProgressMonitor.CancelledException || shuttingDown || isShutdown(t)) {
                err.println("cancelled; nothing was half-written");
                return EXIT_CANCELLED;
            }
            String environment = environmentProblem(t);
            if (environment != null) {
                err.println("error: " + environment);
                return EXIT_BAD_INPUT;
            }
            err.println("internal error: " + t);
            if (System.getenv("GLASSGUIDE_DEBUG") != null) {
                t.printStackTrace(err);
            } else {
                err.println("(set GLASSGUIDE_DEBUG=1 for the stack trace)");
            }
            return 1;
        });
        return cl.execute(args);
    }

    /** The JVM refusing work because a signal already started its shutdown. */
    private static boolean isShutdown(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalStateException && "Shutdown in progress".equals(c.getMessage())) {
                shuttingDown = true;
                return true;
            }
        }
        return false;
    }

    /**
     * Failures of the machine rather than of GlassGuide, as one line naming the path and the fix: a full disk, a
     * read-only or forbidden place, memory beyond what the estimates foresaw. Null for anything else (a real defect).
     */
    static String environmentProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return "out of memory (" + org.glassguide.solver.MemoryBudget.size(Runtime.getRuntime().maxMemory())
                        + " heap): use a coarser grid or a smaller problem, or give Java more memory with GLASSGUIDE_JAVA_OPTS=-Xmx<size>; nothing was half-written";
            }
            if (c instanceof StackOverflowError) {
                return "the input nests too deeply to process; simplify its structure";
            }
            if (c instanceof java.nio.file.AccessDeniedException a) {
                return org.glassguide.materials.errors.Messages.quote(String.valueOf(a.getFile())) + ": permission denied; choose a place you may write to (--out)";
            }
            if (c instanceof java.nio.file.ReadOnlyFileSystemException) {
                return "the output is on a read-only file system; choose another place (--out)";
            }
            if (c instanceof java.nio.file.FileSystemException f) {
                String reason = String.valueOf(f.getReason());
                String file = f.getFile() == null ? "" : org.glassguide.materials.errors.Messages.quote(f.getFile()) + ": ";
                if (reason.contains("No space left")) {
                    return file + "no space left on the device; free some space or choose another place (--out); nothing was half-written";
                }
                if (reason.contains("Read-only")) {
                    return file + "read-only file system; choose another place (--out)";
                }
                return file + org.glassguide.materials.errors.Messages.quote(reason);
            }
            if (c instanceof java.io.IOException io && String.valueOf(io.getMessage()).contains("No space left")) {
                return "no space left on the device; free some space or choose another place (--out); nothing was half-written";
            }
            if (c instanceof java.io.UncheckedIOException u && u.getCause() != null) {
                continue;
            }
        }
        return null;
    }

    /** Version from the jar manifest, "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GlassGuideCli.class.getPackage().getImplementationVersion();
            return new String[] {"GlassGuide " + (v == null ? "dev" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
