package org.glassguide.ui.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * How one analysis' result is reported, the one place for it: its output folder (written whole or not at all), its
 * summary (what --json prints and a run's summary.json holds) and the lines printed after a run. Found by
 * {@link AnalysisReports} (listed in META-INF/services/org.glassguide.ui.report.AnalysisReport); an analysis without one
 * gets {@link OutputsReport}.
 *
 * @param <R> the analysis' result
 */
public interface AnalysisReport<R> {
    /** The analysis it reports, by the name a design lists it with. */
    String analysis();

    /** Writes the result's folder (whole or not at all). */
    void write(String designName, R result, Path target) throws IOException;

    /** The folder's summary. */
    Object summary(String designName, R result);

    /** The human-readable lines after a run (the folder's path follows). */
    void print(PrintWriter out, String designName, R result);
}
