package org.glassguide.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.index.CauchyModel;
import org.glassguide.materials.index.DispersionFormula;
import org.junit.jupiter.api.Test;

class DispersionFormulaTest {
    /** All nine refractiveindex.info formulas against 30-digit mpmath evaluations (formula-reference.csv). */
    @Test
    void everyFormulaMatchesIndependentEvaluation() throws IOException {
        int rows = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("formula-reference.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split(";");
                double[] c = Arrays.stream(p[1].split(" ")).mapToDouble(Double::parseDouble).toArray();
                DispersionFormula f = new DispersionFormula(Integer.parseInt(p[0]), c, WavelengthRange.ALL);
                double expected = Double.parseDouble(p[3]);
                assertEquals(expected, f.n(Double.parseDouble(p[2]) * 1e-6), 1e-13 * expected, line);
                rows++;
            }
        }
        assertEquals(36, rows);
    }

    /** Malitson's fused silica: n = 1.4570 at the He-Ne line and 1.4440 at 1550 nm (J. Opt. Soc. Am. 55, 1965). */
    @Test
    void fusedSilicaFromCatalogMatchesPublishedIndex() {
        Material silica = MaterialLibrary.builtIn().get("fused silica");
        assertEquals(1.4570, silica.index().n(632.8e-9), 1e-4);
        assertEquals(1.4440, silica.index().n(1550e-9), 1e-4);
    }

    @Test
    void cauchyFromAbbeReproducesIndexAndAbbeNumber() {
        CauchyModel m = CauchyModel.fromIndexAndAbbe(1.44, 589e-9, 95, WavelengthRange.ALL);
        assertEquals(1.44, m.n(589e-9), 1e-15);
        double nd = m.n(CauchyModel.LAMBDA_D);
        double abbe = (nd - 1) / (m.n(CauchyModel.LAMBDA_F) - m.n(CauchyModel.LAMBDA_C));
        assertEquals(95, abbe, 1e-9);
    }
}
