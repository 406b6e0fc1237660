package org.glassguide.ui.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glassguide.materials.Material;
import org.glassguide.materials.units.Units;

/** `glassguide materials plot`: a material's refractive index and, where data back it, its bulk attenuation against wavelength. */
public final class MaterialPlot {
    private MaterialPlot() {
    }

    /** The picture's path if it may be written (missing, or a picture GlassGuide wrote); otherwise the one-line refusal. */
    public static Path checkTarget(Path file) {
        return Png.checkReplaceable("--out", file);
    }

    /** Samples the material over [lo, hi] (m) and writes the stacked panels to the file, replacing it only when whole. */
    public static void write(Material m, double lo, double hi, Path file) throws IOException {
        int n = 400;
        double[] x = new double[n];
        double[] nv = new double[n];
        double[] av = new double[n];
        double[] held = new double[n];
        boolean anyHeld = false;
        for (int i = 0; i < n; i++) {
            double l = lo + (hi - lo) * i / (n - 1);
            x[i] = l * 1e9;
            nv[i] = m.index().n(l);
            boolean inRange = m.attenuationModel().map(a -> a.validRange().contains(l)).orElse(true);
            // a value the data back is drawn apart from one the one rule extends (held at the nearest measurement)
            boolean extended = m.attenuationModel().map(a -> a.extension(l) != null).orElse(false);
            double alpha = (m.index().alpha(l) + m.attenuationModel().map(a -> a.alpha(l)).orElse(0.0)) * Units.DB_PER_NEPER_POWER;
            av[i] = inRange && !extended ? alpha : Double.NaN;
            held[i] = inRange && extended ? alpha : Double.NaN;
            anyHeld |= extended;
        }
        List<java.awt.image.BufferedImage> panels = new ArrayList<>();
        panels.add(Plot.render(m.name() + ": refractive index", "wavelength (nm)", "n", List.of(new Plot.Series("", x, nv))));
        boolean lossy = false;
        for (int i = 0; i < n; i++) {
            lossy |= av[i] > 0 || held[i] > 0;
        }
        lossy |= m.attenuation() != null;
        if (lossy) {
            List<Plot.Series> loss = new ArrayList<>();
            if (java.util.Arrays.stream(av).anyMatch(Double::isFinite)) {
                loss.add(new Plot.Series(m.attenuation() instanceof org.glassguide.materials.attenuation.MeasuredAttenuation
                        ? "log-linear interpolation" : "", x, av));
            }
            if (anyHeld) {
                loss.add(new Plot.Series("held flat (assumed)", x, held));
            }
            if (m.attenuation() instanceof org.glassguide.materials.attenuation.MeasuredAttenuation) {
                var ma = (org.glassguide.materials.attenuation.MeasuredAttenuation) m.attenuation();
                double[] px = ma.wavelengths();
                double[] py = ma.alphas();
                for (int i = 0; i < px.length; i++) {
                    px[i] *= 1e9;
                    py[i] *= Units.DB_PER_NEPER_POWER;
                }
                loss.add(new Plot.Series("measured points", px, py, true));
            }
            panels.add(Plot.render(m.name() + ": attenuation", "wavelength (nm)", "alpha (dB/m)", loss));
        }
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".plot-", ".png");
        try {
            Plot.stacked(tmp, panels);
            try {
                // a temporary file is private to its owner; the picture is the user's, readable as any file they write
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // the platform's default permissions are fine there
            }
            // checked again at the last moment: the path may have changed during the work
            org.glassguide.ui.report.Png.checkReplaceable("--out", file);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            RunReport.deleteTree(tmp);
        }
    }
}
