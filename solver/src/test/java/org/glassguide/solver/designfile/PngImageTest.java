package org.glassguide.solver.designfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import org.glassguide.materials.catalog.MaterialLibrary;
import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.solver.design.WaveguideStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-house PNG reader against the JDK's writer, for every colour type it writes. */
class PngImageTest {
    private static final int W = 37;
    private static final int H = 23;

    private static int level(int r, int c) {
        return (r * 31 + c * 17) % 256;
    }

    private static PngImage roundTrip(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "png", out));
        return PngImage.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void greyEightAndSixteenBit() throws IOException {
        BufferedImage g8 = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage g16 = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                g8.getRaster().setSample(c, r, 0, level(r, c));
                g16.getRaster().setSample(c, r, 0, level(r, c) * 257);
            }
        }
        for (BufferedImage img : new BufferedImage[] {g8, g16}) {
            PngImage p = roundTrip(img);
            assertEquals(PngImage.Kind.GREY, p.kind);
            for (int r = 0; r < H; r++) {
                for (int c = 0; c < W; c++) {
                    assertEquals(level(r, c), p.values[r][c], "pixel " + r + "," + c);
                }
            }
        }
    }

    @Test
    void paletteAndBinaryAndColour() throws IOException {
        byte[] lut = new byte[16];
        for (int i = 0; i < 16; i++) {
            lut[i] = (byte) (i * 16);
        }
        BufferedImage pal = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(4, 16, lut, lut, lut));
        BufferedImage rgb = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                pal.getRaster().setSample(c, r, 0, level(r, c) % 16);
                int colour = (level(r, c) << 16) | (level(c, r) << 8) | level(r + c, 3);
                rgb.setRGB(c, r, colour);
                argb.setRGB(c, r, 0x80000000 | colour);
            }
        }
        PngImage p = roundTrip(pal);
        assertEquals(PngImage.Kind.INDEXED, p.kind);
        PngImage q = roundTrip(rgb);
        PngImage a = roundTrip(argb);
        assertEquals(PngImage.Kind.RGB, q.kind);
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                assertEquals(level(r, c) % 16, p.values[r][c]);
                assertEquals(rgb.getRGB(c, r) & 0xffffff, q.values[r][c]);
                assertEquals(rgb.getRGB(c, r) & 0xffffff, a.values[r][c], "alpha ignored");
            }
        }
        assertThrows(IOException.class, () -> PngImage.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
    }

    /** A PNG map and the CSV map of the same picture give the same cross-section. */
    @Test
    void pngMapEqualsCsvMap(@TempDir Path dir) throws IOException {
        BufferedImage img = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 20; c++) {
                boolean core = r >= 3 && r < 7 && c >= 5 && c < 15;
                img.setRGB(c, r, core ? 0xff0000 : 0x0000ff);
                csv.append(core ? 1 : 0).append(c < 19 ? "," : "\n");
            }
        }
        ImageIO.write(img, "png", dir.resolve("guide.png").toFile());
        Files.writeString(dir.resolve("guide.csv"), csv);
        String head = "format: glassguide/1\nname: m\nstructure:\n  waveguide:\n    background: air\n    shapes:\n";
        String tail = "wavelengths: [1.55 um]\nanalyses: [modes]\nsolver: { kind: fd-scalar, window: [4 um, 2 um], step: 0.1 um }\n";
        Path a = dir.resolve("a.yaml");
        Files.writeString(a, head + "      - map: { file: guide.png, x: [-2 um, 2 um], y: [-1 um, 1 um], materials: "
                + "{ \"#0000ff\": { index: 1.44 }, \"#ff0000\": { index: 1.56 } } }\n" + tail);
        Path b = dir.resolve("b.yaml");
        Files.writeString(b, head + "      - map: { file: guide.csv, x: [-2 um, 2 um], y: [-1 um, 1 um], materials: "
                + "{ 0: { index: 1.44 }, 1: { index: 1.56 } } }\n" + tail);
        DesignReader reader = new DesignReader(MaterialLibrary.builtIn());
        WaveguideStructure.PaintedMap pm = (WaveguideStructure.PaintedMap) reader.read(a).waveguide().shapes().get(0);
        WaveguideStructure.PaintedMap cm = (WaveguideStructure.PaintedMap) reader.read(b).waveguide().shapes().get(0);
        assertArrayEquals(cm.ids(), pm.ids());
        assertEquals(1.56, pm.materials().get(1).n(1.55e-6, false, w -> { }), 1e-12);
        // a colour missing from the table is named with its pixel
        img.setRGB(0, 0, 0x00ff00);
        ImageIO.write(img, "png", dir.resolve("guide.png").toFile());
        GlassGuideException e = assertThrows(GlassGuideException.class, () -> reader.read(a));
        assertTrue(e.getMessage().contains("#00ff00") && e.getMessage().contains("row 1, column 1"), e.getMessage());
    }
}
