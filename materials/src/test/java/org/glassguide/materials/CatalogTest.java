package org.glassguide.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;
import org.glassguide.materials.source.Provenance;
import org.glassguide.materials.units.Units;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final MaterialLibrary lib = MaterialLibrary.builtIn();

    @Test
    void catalogHoldsTheMaterialsOfTheProduct() {
        for (String name : List.of("ZIF-62", "ZIF-62-Zn25", "ZIF-62-Zn50", "ZIF-62-Zn100", "HFK95N", "Zn-Nd-IC",
                "RE(NO3)3(DCI)2", "fused silica", "air")) {
            assertTrue(lib.contains(name), name);
        }
    }

    /** Every catalog number is either published (with a citation) or marked assumed with a reason. */
    @Test
    void everyCatalogValueHasProvenance() {
        for (Material m : lib.all()) {
            assertNotEquals(Provenance.Kind.USER, m.indexProvenance().kind(), m.name());
            if (m.attenuation() != null) {
                assertNotEquals(Provenance.Kind.USER, m.attenuationProvenance().kind(), m.name());
            }
            m.thermal().values().forEach(v -> assertNotEquals(Provenance.Kind.USER, v.provenance().kind(), m.name()));
            m.luminescenceData().ifPresent(l -> {
                l.emission().forEach(b -> assertNotEquals(Provenance.Kind.USER, b.provenance().kind(), m.name()));
                l.properties().values().forEach(v -> assertNotEquals(Provenance.Kind.USER, v.provenance().kind(), m.name()));
            });
        }
    }

    /** Published values (materials-and-devices reference): n = 1.56 / 1.44 at 589 nm; Zn-Nd-IC losses; thermal data. */
    @Test
    void publishedNumbersAreCarriedExactly() {
        assertEquals(1.56, lib.get("ZIF-62").index().n(589e-9), 1e-12);
        assertEquals(1.44, lib.get("HFK95N").index().n(589e-9), 1e-12);
        Material nd = lib.get("Zn-Nd-IC");
        assertEquals(0.978, nd.attenuation().alpha(819e-9) * Units.DB_PER_NEPER_POWER / 1000, 1e-12);
        assertEquals(5.1, nd.attenuation().alpha(1048e-9) * Units.DB_PER_NEPER_POWER / 1000, 1e-12);
        assertEquals(0.057, nd.luminescence().properties().get("plqy").value(), 1e-15);
        assertEquals(595, lib.get("ZIF-62").thermal().get("glassTransition").value(), 0);
        assertEquals(694, lib.get("ZIF-62").thermal().get("melting").value(), 0);
        assertEquals(758, lib.get("HFK95N").thermal().get("softening").value(), 0);
        assertEquals(1e5, lib.get("ZIF-62").thermal().get("viscosityAtMelting").value(), 0);
        assertEquals(0.63, lib.get("Cd-DCI").luminescence().properties().get("lifetime").value(), 1e-15);
        // the fiber loss sits at an assumed red-laser wavelength and says so
        assertTrue(lib.get("ZIF-62").attenuationProvenance().isAssumed());
        assertEquals(0.72, lib.get("ZIF-62").attenuation().alpha(650e-9) * Units.DB_PER_NEPER_POWER / 100, 1e-12);
    }

    @Test
    void lookupIsCaseInsensitiveAndKnowsAliases() {
        assertEquals("HFK95N", lib.get("h-fk95n").name());
        assertEquals("ZIF-62-Zn25", lib.get("Zn25").name());
    }

    @Test
    void unknownMaterialSuggestsClosestNames() {
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> lib.get("ZIF-26"));
        assertEquals(Messages.UNKNOWN_MATERIAL, e.key());
        assertTrue(e.getMessage().contains("ZIF-62"), e.getMessage());
    }

    @Test
    void wavelengthOutsideModelIsAnErrorUnlessExtrapolationIsAllowed() {
        Material silica = lib.get("fused silica");
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> silica.n(10e-6, false, w -> { }));
        assertEquals(Messages.WAVELENGTH_OUTSIDE_MODEL, e.key());
        StringBuilder warned = new StringBuilder();
        silica.n(7e-6, true, warned::append);
        assertFalse(warned.toString().isEmpty());
    }

    @Test
    void attenuationFoldsIntoImaginaryIndex() {
        Material nd = lib.get("Zn-Nd-IC");
        ComplexIndex c = nd.complexIndex(819e-9, false, w -> { });
        // k = alpha lambda / 4 pi
        assertEquals(nd.attenuation().alpha(819e-9), c.alpha(819e-9), 1e-9 * c.alpha(819e-9));
    }
}
