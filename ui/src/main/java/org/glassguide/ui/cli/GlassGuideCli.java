package org.glassguide.ui.cli;

import java.io.PrintWriter;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.solver.ProgressMonitor;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
            if (t instanceof ProgressMonitor.CancelledException) {
                err.println("cancelled; nothing was half-written");
                return EXIT_CANCELLED;
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
