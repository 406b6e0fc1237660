package org.glassguide.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.io.MaterialReader;
import org.glassguide.materials.io.RefractiveIndexInfoReader;
import org.glassguide.materials.units.Units;
import org.glassguide.materials.yaml.YamlNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {
    static YamlNode yaml(String s) {
        return YamlNode.parse("test.yaml", new StringReader(s));
    }

    @Test
    void refractiveIndexInfoFormulaPage() {
        RefractiveIndexModel m = RefractiveIndexInfoReader.read(yaml("REFERENCES: \"I. H. Malitson 1965\"\nDATA:\n"
                + "  - type: formula 1\n    wavelength_range: 0.21 6.7\n"
                + "    coefficients: 0 0.6961663 0.0684043 0.4079426 0.1162414 0.8974794 9.896161\n"));
        assertEquals(MaterialLibrary.builtIn().get("fused silica").index().n(1e-6), m.n(1e-6), 1e-15);
        assertEquals(210e-9, m.validRange().min(), 1e-20);
    }

    @Test
    void refractiveIndexInfoTabulatedNkInterpolatesLinearly() {
        RefractiveIndexModel m = RefractiveIndexInfoReader.read(yaml("DATA:\n  - type: tabulated nk\n    data: |\n"
                + "        0.5 1.50 0.001\n        0.7 1.48 0.003\n"));
        assertEquals(1.49, m.n(0.6e-6), 1e-14);
        assertEquals(0.002, m.k(0.6e-6), 1e-15);
    }

    @Test
    void refractiveIndexInfoFormulaPlusTabulatedK() {
        RefractiveIndexModel m = RefractiveIndexInfoReader.read(yaml("DATA:\n  - type: formula 2\n    wavelength_range: 0.3 2.5\n"
                + "    coefficients: 0 1.03961212 0.00600069867 0.231792344 0.0200179144 1.01046945 103.560653\n"
                + "  - type: tabulated k\n    data: |\n        0.3 2e-8\n        2.5 4e-8\n"));
        assertEquals(1.5168, m.n(587.6e-9), 1e-4); // N-BK7 n_d
        assertEquals(3e-8, m.k(1.4e-6), 1e-20);
    }

    @Test
    void unsupportedFormulaIsRejectedWithItsLocation() {
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> RefractiveIndexInfoReader.read(
                yaml("DATA:\n  - type: formula 12\n    wavelength_range: 0.3 2.5\n    coefficients: 1 2\n")));
        assertEquals(Messages.UNSUPPORTED_FORMULA, e.key());
        assertTrue(e.getMessage().startsWith("test.yaml:2:"), e.getMessage());
    }

    @Test
    void malformedYamlGivesLineAndColumn() {
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> yaml("a: [1, 2\nb: 3\n"));
        assertEquals(Messages.MALFORMED_YAML, e.key());
        assertTrue(e.getMessage().matches("test\\.yaml:\\d+:\\d+: malformed YAML: .*"), e.getMessage());
    }

    @Test
    void materialFileWithUnitsAndProvenance(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("myglass.yaml");
        Files.writeString(f, "format: glassguide-material/1\nname: MyGlass\nindex:\n  model: sellmeier\n"
                + "  B: [1.03961212, 0.231792344, 1.01046945]\n  C: [0.00600069867, 0.0200179144, 103.560653]\n"
                + "  range: [300 nm, 2.5 um]\n  source: SCHOTT N-BK7 datasheet\n"
                + "attenuation:\n  - { model: rayleigh, scattering: 1 dB/km, at: 1 um, source: test }\n"
                + "  - { model: bands, bands: [{ centre: 1380 nm, fwhm: 30 nm, peak: 10 dB/km }], assumed: OH band }\n");
        Material m = MaterialReader.readFile(f);
        assertEquals("MyGlass", m.name());
        assertEquals(1.5168, m.index().n(587.6e-9), 1e-4);
        // Rayleigh: 1 dB/km at 1 um scales as lambda^-4; the band adds its peak at 1380 nm
        double at500 = m.attenuation().alpha(500e-9) * Units.DB_PER_NEPER_POWER * 1e3;
        assertEquals(16.0, at500, 1e-9);
        double at1380 = m.attenuation().alpha(1380e-9) * Units.DB_PER_NEPER_POWER * 1e3;
        assertEquals(10 + Math.pow(1 / 1.38, 4), at1380, 1e-9);
        assertTrue(m.attenuationProvenance().isAssumed());
    }

    @Test
    void unknownKeyNamesTheKeyAndTheAcceptedOnes() {
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> MaterialReader.read(
                yaml("name: X\nindex: 1.5\ncolour: red\n"), null, null, "test"));
        assertEquals(Messages.UNKNOWN_KEY, e.key());
        assertTrue(e.getMessage().contains("colour") && e.getMessage().contains("accepted keys"), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml:3:"), e.getMessage());
    }

    @Test
    void unitsAreParsedAndCheckedAtTheEdge() {
        assertEquals(6.8e-4, Units.length("d", "680 um"), 0);
        assertEquals(150e-6, Units.length("d", "150um"), 0);
        assertEquals(0.72 * 100 / Units.DB_PER_NEPER_POWER, Units.attenuation("a", "0.72 dB/cm"), 1e-15);
        assertEquals(595.0, Units.temperature("t", "321.85 °C"), 1e-9);
        assertEquals(Messages.BAD_UNIT, assertThrows(GlassGuideException.class, () -> Units.length("--core-diameter", "150 furlongs")).key());
        assertEquals(Messages.BAD_QUANTITY, assertThrows(GlassGuideException.class, () -> Units.length("--core-diameter", "150")).key());
        assertEquals(Messages.NOT_POSITIVE, assertThrows(GlassGuideException.class, () -> Units.wavelength("--wavelength", "-589 nm")).key());
    }
}
