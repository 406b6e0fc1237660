package org.glassguide.ui.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.validation.ValidationRow;
import org.glassguide.validation.ValidationRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `glassguide validate`: every reference case, one table; exit 1 on any FAIL. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Run the validation cases (analytic and published references) and print reference vs computed.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--sources", description = "Also print each case's source.")
    boolean sources;

    @Option(names = "--case", paramLabel = "ID", description = "Run only the cases whose id starts with ID (e.g. gain).")
    String only;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ValidationRunner runner = new ValidationRunner(MaterialLibrary.builtIn());
        List<ValidationRow> rows = new java.util.ArrayList<>();
        List<String> cases = ValidationRunner.caseFiles().stream().filter(f -> only == null || f.startsWith(only)).toList();
        try (ConsoleProgress progress = ConsoleProgress.forTerminal()) {
            for (int i = 0; i < cases.size(); i++) {
                progress.progress(i, cases.size(), "case " + (i + 1) + "/" + cases.size() + " " + cases.get(i).replace(".yaml", ""));
                rows.addAll(runner.runCase(cases.get(i)));
            }
            progress.progress(cases.size(), cases.size(), "done");
        }
        if (rows.isEmpty()) {
            spec.commandLine().getErr().println("error: --case (" + only + ") matches no validation case; ids: "
                    + String.join(", ", ValidationRunner.caseFiles()).replace(".yaml", ""));
            return 2;
        }
        String fmt = "| %-20s | %-30s | %16s | %16s | %9s | %9s | %-4s |%n";
        out.printf(Locale.ROOT, fmt, "case", "quantity", "reference", "computed", "error", "tolerance", "");
        out.println("|" + "-".repeat(22) + "|" + "-".repeat(32) + "|" + "-".repeat(18) + "|" + "-".repeat(18) + "|"
                + "-".repeat(11) + "|" + "-".repeat(11) + "|------|");
        int failed = 0;
        for (ValidationRow r : rows) {
            boolean ok = r.passed();
            failed += ok ? 0 : 1;
            out.printf(Locale.ROOT, fmt, r.caseId(), r.quantity(), num(r.reference()), num(r.computed()),
                    String.format(Locale.ROOT, "%.2e", r.error()), String.format(Locale.ROOT, "%.1e", r.tolerance()), ok ? "PASS" : "FAIL");
        }
        out.printf(Locale.ROOT, failed == 0 ? "%nvalidation: all %d checks PASS%n" : "%nvalidation: %d of %d checks FAIL%n",
                failed == 0 ? rows.size() : failed, rows.size());
        if (sources) {
            rows.stream().map(r -> r.caseId() + ": " + r.source()).distinct().forEach(out::println);
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "not found";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.10f", v);
    }
}
